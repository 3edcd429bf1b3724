import { type Issue, type PutAssignmentBody, RoundOptionsSchema } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { parseJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { noticeAssignment } from '../notifications/assignment-notices.ts'
import type { LoadedRound } from './rounds.queries.ts'

const OPEN = new Set(['planning', 'collecting', 'reviewing'])

/** Whether the user is an active expert of the country (or of every country). */
async function isActiveExpert(trx: Trx, countryCode: string, userId: string): Promise<boolean> {
  const expert = await trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.active', '=', 1)
    .where('memberships.role', '=', 'expert')
    .where((eb) => eb.or([eb('memberships.countryCode', '=', countryCode), eb('memberships.countryCode', 'is', null)]))
    .executeTakeFirst()
  return expert !== undefined
}

async function checkPeople(
  trx: Trx,
  countryCode: string,
  body: PutAssignmentBody,
  doubleScoring: boolean,
): Promise<Issue[]> {
  const issues: Issue[] = []
  if (body.expertId && !(await isActiveExpert(trx, countryCode, body.expertId)))
    issues.push({ path: 'body.expertId', message: 'Choose an active expert of this country' })
  if (body.secondExpertId) {
    if (!doubleScoring) issues.push({ path: 'body.secondExpertId', message: 'This round does not use double scoring' })
    else if (body.secondExpertId === body.expertId)
      issues.push({ path: 'body.secondExpertId', message: 'The second expert must be another person' })
    else if (!(await isActiveExpert(trx, countryCode, body.secondExpertId)))
      issues.push({ path: 'body.secondExpertId', message: 'Choose an active expert of this country' })
  }
  const seen = new Set<string>()
  for (const [i, p] of body.providers.entries()) {
    if (seen.has(p.organisationId))
      issues.push({ path: `body.providers[${i}].organisationId`, message: 'This organisation is listed twice' })
    seen.add(p.organisationId)
    const org = await trx
      .selectFrom('organisations')
      .select(['countryCode', 'active'])
      .where('id', '=', p.organisationId)
      .executeTakeFirst()
    if (org?.active !== 1 || org.countryCode !== countryCode) {
      issues.push({
        path: `body.providers[${i}].organisationId`,
        message: 'Choose an active organisation of this country',
      })
    }
    if (p.userId) {
      const member = await trx
        .selectFrom('memberships')
        .select('id')
        .where('userId', '=', p.userId)
        .where('role', '=', 'data_provider')
        .where('organisationId', '=', p.organisationId)
        .executeTakeFirst()
      if (!member)
        issues.push({
          path: `body.providers[${i}].userId`,
          message: 'This person is not a data provider of that organisation',
        })
    }
  }
  return issues
}

/**
 * Sets who answers an indicator for a country (data providers) and who assesses it (the expert, and the second expert
 * when the round uses double scoring), with a due date.
 */
export async function putAssignment(
  trx: Trx,
  ctx: RequestContext,
  round: LoadedRound,
  countryCode: string,
  code: string,
  body: PutAssignmentBody,
) {
  if (!OPEN.has(round.row.status)) throw invalidState(`The round is ${round.row.status}; assignments are closed`)
  const listed = await trx
    .selectFrom('roundIndicators')
    .select('indicatorCode')
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('indicatorCode', '=', code)
    .executeTakeFirst()
  if (!listed) throw notFound(`${code} is not in this country's list for the round`)
  const { doubleScoring } = RoundOptionsSchema.parse(parseJson(round.row.options, {}))
  const issues = await checkPeople(trx, countryCode, body, doubleScoring)
  if (issues.length) throw validationFailed(issues)
  const existing = await trx
    .selectFrom('assignments')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('indicatorCode', '=', code)
    .executeTakeFirst()
  assertVersion(existing?.version ?? 0, body.version)
  const now = nowIso()
  const id = existing?.id ?? newId()
  if (existing) {
    const res = await trx
      .updateTable('assignments')
      .set({
        expertId: body.expertId,
        secondExpertId: body.secondExpertId,
        dueOn: body.dueOn,
        updatedAt: now,
        version: existing.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('assignments')
      .values({
        id,
        roundId: round.row.id,
        countryCode,
        indicatorCode: code,
        expertId: body.expertId,
        secondExpertId: body.secondExpertId,
        dueOn: body.dueOn,
        updatedAt: now,
        version: 1,
      })
      .execute()
  }
  const before = existing
    ? {
        expertId: existing.expertId,
        secondExpertId: existing.secondExpertId,
        dueOn: existing.dueOn,
        providers: await trx
          .selectFrom('assignmentProviders')
          .select(['organisationId', 'userId'])
          .where('assignmentId', '=', id)
          .execute(),
      }
    : undefined
  await trx.deleteFrom('assignmentProviders').where('assignmentId', '=', id).execute()
  if (body.providers.length) {
    await trx
      .insertInto('assignmentProviders')
      .values(body.providers.map((p) => ({ assignmentId: id, organisationId: p.organisationId, userId: p.userId })))
      .execute()
  }
  await noticeAssignment(trx, ctx, { roundId: round.row.id, countryCode, indicatorCode: code }, before, body)
  await recordAudit(trx, ctx, {
    action: 'assignment.updated',
    subjectType: 'assignment',
    subjectId: id,
    countryCode,
    before,
    after: {
      round: round.row.id,
      indicator: code,
      expertId: body.expertId,
      secondExpertId: body.secondExpertId,
      dueOn: body.dueOn,
      providers: body.providers,
    },
  })
}

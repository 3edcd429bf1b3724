import { type CreateRoundBody, type Issue, normalizeText, type UpdateRoundBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from './rounds.queries.ts'
import { refreshRoundIndicators } from './selection.ts'

/** Checks what needs the database: a published version, known countries and codes, a sensible period. */
async function checkRound(trx: Trx, body: CreateRoundBody): Promise<Issue[]> {
  const issues: Issue[] = []
  if (body.periodFrom > body.periodTo)
    issues.push({ path: 'body.periodTo', message: 'The period ends before it starts' })
  const version = await trx
    .selectFrom('frameworkVersions')
    .select(['status'])
    .where('id', '=', body.frameworkVersionId)
    .executeTakeFirst()
  if (!version) issues.push({ path: 'body.frameworkVersionId', message: 'Unknown framework version' })
  else if (version.status !== 'published')
    issues.push({ path: 'body.frameworkVersionId', message: 'A round uses a published framework version' })
  else {
    const codes = new Set((await loadVersion(trx, body.frameworkVersionId)).indicators.map((i) => i.code))
    body.manualIndicators.forEach((code, i) => {
      if (!codes.has(code))
        issues.push({ path: `body.manualIndicators[${i}]`, message: `${code} is not in this framework version` })
    })
  }
  const known = new Set((await trx.selectFrom('countries').select('code').execute()).map((c) => c.code))
  body.countries.forEach((code, i) => {
    if (!known.has(code)) issues.push({ path: `body.countries[${i}]`, message: `Unknown country ${code}` })
  })
  if (new Set(body.countries).size !== body.countries.length)
    issues.push({ path: 'body.countries', message: 'A country is listed twice' })
  if (body.focus === 'custom' && !Object.values(body.focusLabel).some(Boolean))
    issues.push({ path: 'body.focusLabel', message: 'Name the custom topic' })
  return issues
}

async function writeChildren(trx: Trx, roundId: string, body: CreateRoundBody): Promise<void> {
  await trx.deleteFrom('roundCountries').where('roundId', '=', roundId).execute()
  await trx.deleteFrom('roundManualIndicators').where('roundId', '=', roundId).execute()
  await trx
    .insertInto('roundCountries')
    .values(body.countries.map((countryCode) => ({ roundId, countryCode })))
    .execute()
  const manual = [...new Set(body.manualIndicators)]
  if (manual.length)
    await trx
      .insertInto('roundManualIndicators')
      .values(manual.map((indicatorCode) => ({ roundId, indicatorCode })))
      .execute()
  await refreshRoundIndicators(
    trx,
    { id: roundId, frameworkVersionId: body.frameworkVersionId, focus: body.focus },
    body.countries,
    manual,
  )
}

function columns(body: CreateRoundBody) {
  return {
    name: body.name,
    periodFrom: body.periodFrom,
    periodTo: body.periodTo,
    frameworkVersionId: body.frameworkVersionId,
    focusTopic: body.focus,
    focusLabel: toJson(normalizeText(body.focusLabel)),
    collectionClosesOn: body.milestones.collectionClosesOn,
    reviewClosesOn: body.milestones.reviewClosesOn,
    publicationOn: body.milestones.publicationOn,
    options: toJson(body.options),
  }
}

/** Plans a new round (status planning) and computes each country's indicator list. */
export async function createRound(trx: Trx, ctx: RequestContext, body: CreateRoundBody): Promise<string> {
  const issues = await checkRound(trx, body)
  if (issues.length) throw validationFailed(issues)
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('rounds')
    .values({
      id,
      ...columns(body),
      status: 'planning',
      createdBy: ctx.actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await writeChildren(trx, id, body)
  await recordAudit(trx, ctx, {
    action: 'round.created',
    subjectType: 'round',
    subjectId: id,
    after: { name: body.name, countries: body.countries, focus: body.focus },
  })
  return id
}

/** Edits a round: everything while planning; later only the name and milestones (the version and lists are pinned). */
export async function updateRound(
  trx: Trx,
  ctx: RequestContext,
  round: LoadedRound,
  body: UpdateRoundBody,
): Promise<void> {
  assertVersion(round.row.version, body.version)
  const current: CreateRoundBody = {
    name: round.row.name,
    periodFrom: round.row.periodFrom,
    periodTo: round.row.periodTo,
    frameworkVersionId: round.row.frameworkVersionId,
    countries: round.countries,
    focus: round.row.focusTopic as CreateRoundBody['focus'],
    focusLabel: JSON.parse(round.row.focusLabel),
    manualIndicators: round.manual,
    milestones: {
      collectionClosesOn: round.row.collectionClosesOn,
      reviewClosesOn: round.row.reviewClosesOn,
      publicationOn: round.row.publicationOn,
    },
    options: JSON.parse(round.row.options),
  }
  const { version: _v, ...changes } = body
  const next: CreateRoundBody = { ...current, ...changes }
  const pinned = [
    'periodFrom',
    'periodTo',
    'frameworkVersionId',
    'countries',
    'focus',
    'manualIndicators',
    'options',
  ] as const
  if (round.row.status !== 'planning') {
    const changed = pinned.filter((f) => JSON.stringify(next[f]) !== JSON.stringify(current[f]))
    if (changed.length)
      throw invalidState('Only the name and the milestones change once collection has started', { fields: changed })
    if (round.row.status === 'published' || round.row.status === 'archived')
      throw invalidState(`The round is ${round.row.status}`)
  }
  const issues = await checkRound(trx, next)
  if (issues.length) throw validationFailed(issues)
  const res = await trx
    .updateTable('rounds')
    .set({ ...columns(next), updatedAt: nowIso(), version: round.row.version + 1 })
    .where('id', '=', round.row.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  if (round.row.status === 'planning') await writeChildren(trx, round.row.id, next)
  await recordAudit(trx, ctx, {
    action: 'round.updated',
    subjectType: 'round',
    subjectId: round.row.id,
    before: current,
    after: next,
  })
}

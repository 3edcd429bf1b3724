import type { PutAssignmentBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { notify, providerReaders } from './notify.ts'

interface Before {
  expertId: string | null
  secondExpertId: string | null
  providers: { organisationId: string; userId: string | null }[]
}

/**
 * Tells the people newly asked to work on an indicator: the expert (and the second expert of a double-scored round)
 * when that person changed, and the data providers of each organisation that was added (or whose named person
 * changed). Due-date changes alone notify nobody.
 */
export async function noticeAssignment(
  trx: Trx,
  ctx: RequestContext,
  where: { roundId: string; countryCode: string; indicatorCode: string },
  before: Before | undefined,
  body: PutAssignmentBody,
): Promise<void> {
  if (body.expertId && body.expertId !== before?.expertId) {
    await notify(trx, ctx, {
      ...where,
      userIds: [body.expertId],
      kind: 'assignment',
      role: 'expert',
      dueOn: body.dueOn,
    })
  }
  if (body.secondExpertId && body.secondExpertId !== before?.secondExpertId) {
    await notify(trx, ctx, {
      ...where,
      userIds: [body.secondExpertId],
      kind: 'assignment',
      role: 'expert',
      dueOn: body.dueOn,
    })
  }
  for (const p of body.providers) {
    const earlier = before?.providers.find((b) => b.organisationId === p.organisationId)
    if (earlier && earlier.userId === (p.userId ?? null)) continue
    await notify(trx, ctx, {
      ...where,
      userIds: await providerReaders(trx, p.organisationId, p.userId ?? null),
      kind: 'assignment',
      organisationId: p.organisationId,
      role: 'provider',
      dueOn: body.dueOn,
    })
  }
}

/** Tells an organisation's data providers (and whoever submitted) that its answer came back, with the comment. */
export async function noticeReturn(
  trx: Trx,
  ctx: RequestContext,
  answer: {
    roundId: string
    countryCode: string
    indicatorCode: string
    organisationId: string
    submittedBy: string | null
  },
  comment: string,
): Promise<void> {
  const named = await trx
    .selectFrom('assignments')
    .innerJoin('assignmentProviders', 'assignmentProviders.assignmentId', 'assignments.id')
    .select('assignmentProviders.userId')
    .where('assignments.roundId', '=', answer.roundId)
    .where('assignments.countryCode', '=', answer.countryCode)
    .where('assignments.indicatorCode', '=', answer.indicatorCode)
    .where('assignmentProviders.organisationId', '=', answer.organisationId)
    .executeTakeFirst()
  const readers = await providerReaders(trx, answer.organisationId, named?.userId ?? null)
  const submitter = answer.submittedBy ? await providerReaders(trx, answer.organisationId, answer.submittedBy) : []
  await notify(trx, ctx, {
    roundId: answer.roundId,
    countryCode: answer.countryCode,
    indicatorCode: answer.indicatorCode,
    organisationId: answer.organisationId,
    userIds: [...readers, ...submitter],
    kind: 'answer_returned',
    role: 'provider',
    comment,
  })
}

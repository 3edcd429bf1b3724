import type { ReportData, ReportKind } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { testPause } from '../../test-pause.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { blockersFor } from '../rounds/transition-round.ts'
import { buildNationalReport } from './build-national.ts'
import { buildRegionalReport } from './build-regional.ts'
import { enqueueReportRender } from './render-job.ts'

const PUBLISHABLE = ['reviewing', 'published', 'archived']

/**
 * Publishes a national report (scope = country code) or the regional report (scope 'region'): freezes its data as
 * the next numbered snapshot, in the same transaction as its audit row. Needs the round in review or later and
 * nothing left to validate or follow up for the scope (409 listing it); a correction needs a change note. Also queues,
 * in the same transaction, the job that renders and stores its documents (unless `render` is false).
 */
export async function publishReport(
  trx: Trx,
  ctx: RequestContext,
  round: LoadedRound,
  scope: string,
  changeNote: string | null,
  disclosureThreshold: number,
  options: { render?: boolean } = {},
): Promise<{ id: string; number: number; renderJobId: string | null }> {
  const kind: ReportKind = scope === 'region' ? 'regional' : 'national'
  if (!PUBLISHABLE.includes(round.row.status))
    throw invalidState(`A report is published once the round is in review; this round is ${round.row.status}`)
  const blockers = (await blockersFor(trx, round, 'published')).filter(
    (b) => kind === 'regional' || b.countryCode === scope,
  )
  if (blockers.length)
    throw invalidState(`${blockers.length} item(s) must be validated or followed up before publication`, {
      blockers,
    })
  const last = await trx
    .selectFrom('reportPublications')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('roundId', '=', round.row.id)
    .where('scope', '=', scope)
    .executeTakeFirst()
  const number = Number(last?.number ?? 0) + 1
  if (number > 1 && !changeNote)
    throw validationFailed([{ path: 'body.changeNote', message: 'Say what this correction changes' }])
  const data: ReportData =
    kind === 'regional'
      ? await buildRegionalReport(trx, round, disclosureThreshold)
      : await buildNationalReport(trx, round, scope, disclosureThreshold)
  const id = newId()
  await trx
    .insertInto('reportPublications')
    .values({
      id,
      kind,
      roundId: round.row.id,
      scope,
      number,
      changeNote,
      data: JSON.stringify(data),
      publishedAt: nowIso(),
      publishedBy: ctx.actor?.id ?? null,
    })
    .execute()
  await testPause('report-publish')
  await recordAudit(trx, ctx, {
    action: 'report.published',
    subjectType: 'reportPublication',
    subjectId: id,
    countryCode: kind === 'national' ? scope : null,
    after: { roundId: round.row.id, scope, number, changeNote },
  })
  const renderJobId = options.render === false ? null : await enqueueReportRender(trx, id, ctx.actor?.id ?? null)
  return { id, number, renderJobId }
}

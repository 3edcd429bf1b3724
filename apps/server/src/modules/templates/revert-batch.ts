import type { RequestContext } from '../../actor.ts'
import { parseJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, conflict, invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { type AnswerSnapshot, restoreSnapshot } from './answer-snapshot.ts'
import type { ImportBatchRow } from './import-batches.queries.ts'
import { assertCollectingRound } from './import-template.ts'

/**
 * Reverts an import batch: every answer it touched goes back to its recorded previous state, and answers it created
 * are deleted (with their cells and evidence). Refused with 409, listing them, when any of those answers changed
 * after the batch (its version is not the one the batch left, or a later batch owns it); nothing changes then.
 */
export async function revertBatch(
  trx: Trx,
  req: RequestContext,
  round: LoadedRound,
  batch: ImportBatchRow,
  reason: string,
): Promise<void> {
  if (batch.revertedAt) throw invalidState('This import was reverted already', { revertedAt: batch.revertedAt })
  assertCollectingRound(round)
  const items = await trx.selectFrom('importBatchAnswers').selectAll().where('batchId', '=', batch.id).execute()
  const current = await trx
    .selectFrom('answers')
    .select(['id', 'version', 'importBatchId'])
    .where('id', 'in', items.length ? items.map((i) => i.answerId) : [''])
    .execute()
  const changed = items.filter((item) => {
    const now = current.find((a) => a.id === item.answerId)
    return now?.version !== item.afterVersion || now.importBatchId !== batch.id
  })
  if (changed.length) {
    throw conflict(
      `${changed.length} answer(s) changed after this import; revert refused. Correct them in the form instead.`,
      {
        answers: changed.map((c) => ({
          answerId: c.answerId,
          indicatorCode: c.indicatorCode,
          organisationId: c.organisationId,
          version: current.find((a) => a.id === c.answerId)?.version ?? null,
        })),
      },
    )
  }
  const at = nowIso()
  let deleted = 0
  for (const item of items) {
    const snapshot = parseJson<AnswerSnapshot | null>(item.before, null)
    if (snapshot) {
      await restoreSnapshot(trx, snapshot, { version: item.afterVersion }, { actorId: req.actor?.id ?? null, at })
      // The answer is again exactly what an earlier batch left (its version then): that batch may be reverted next.
      if (snapshot.row.importBatchId)
        await trx
          .updateTable('importBatchAnswers')
          .set({ afterVersion: item.afterVersion + 1 })
          .where('batchId', '=', snapshot.row.importBatchId)
          .where('answerId', '=', item.answerId)
          .where('afterVersion', '=', snapshot.row.version)
          .execute()
    } else {
      await trx.deleteFrom('answers').where('id', '=', item.answerId).execute()
      deleted++
    }
  }
  const res = await trx
    .updateTable('importBatches')
    .set({ revertedAt: at, revertedBy: req.actor?.id ?? null, revertReason: reason, version: batch.version + 1 })
    .where('id', '=', batch.id)
    .where('version', '=', batch.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, req, {
    action: 'importBatch.reverted',
    subjectType: 'importBatch',
    subjectId: batch.id,
    countryCode: batch.countryCode,
    before: { answers: items.map((i) => i.answerId) },
    after: { restored: items.length - deleted, deleted, reason },
  })
}

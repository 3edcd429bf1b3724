import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated } from '../../errors.ts'
import type { AnswerRow } from '../answers/answers.queries.ts'

/**
 * An answer as it was before an import: its row, cells (by key, in the database's order) and evidence (by position),
 * kept as JSON in import_batch_answers.before (apply-changes.ts) so that reverting the batch can put it back.
 * Persisted: change this shape only together with a reader for old rows.
 */
export interface AnswerSnapshot {
  row: AnswerRow
  cells: { cellKey: string; value: number }[]
  evidence: DB['evidence'][]
}

/**
 * Puts an answer back as the snapshot has it, as a new version (versions only grow, so a client holding the version
 * from before the import still gets a conflict), recording who restored it and when.
 */
export async function restoreSnapshot(
  trx: Trx,
  snapshot: AnswerSnapshot,
  current: { version: number },
  by: { actorId: string | null; at: string },
): Promise<void> {
  const { id, roundId: _r, countryCode: _c, indicatorCode: _i, organisationId: _o, ...columns } = snapshot.row
  const res = await trx
    .updateTable('answers')
    .set({ ...columns, updatedAt: by.at, updatedBy: by.actorId, version: current.version + 1 })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await trx.deleteFrom('answerCells').where('answerId', '=', id).execute()
  if (snapshot.cells.length)
    await trx
      .insertInto('answerCells')
      .values(snapshot.cells.map((c) => ({ answerId: id, cellKey: c.cellKey, value: c.value })))
      .execute()
  await trx.deleteFrom('evidence').where('answerId', '=', id).execute()
  if (snapshot.evidence.length) await trx.insertInto('evidence').values(snapshot.evidence).execute()
}

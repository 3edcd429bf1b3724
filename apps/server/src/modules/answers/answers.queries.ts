import { type Answer, type AnswerStatus, checkAnswer, type SaveAnswerBody } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { toBool } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { abilitiesFor } from '../../policies.ts'
import type { AnswerContext } from './answer-context.ts'
import { previousValue } from './previous-value.ts'

type Db = Database | Trx
export type AnswerRow = DB['answers']

export async function findAnswerRow(
  db: Db,
  ctx: AnswerContext,
  organisationId: string,
): Promise<AnswerRow | undefined> {
  return db
    .selectFrom('answers')
    .selectAll()
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst()
}

/** An answer row with its cells and evidence, as the body that would save it again. */
export async function answerBody(db: Db, row: AnswerRow): Promise<SaveAnswerBody> {
  return (await loadAnswerParts(db, row)).body
}

/** Cells in the order every answer shows them: by key, the same on both engines (whatever the database collation). */
export const byCellKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** The save body of an answer plus the ids of its evidence rows (in the body's order), read once. */
async function loadAnswerParts(db: Db, row: AnswerRow): Promise<{ body: SaveAnswerBody; evidenceIds: string[] }> {
  const cells = await db.selectFrom('answerCells').select(['cellKey', 'value']).where('answerId', '=', row.id).execute()
  const evidence = await db
    .selectFrom('evidence')
    .selectAll()
    .where('answerId', '=', row.id)
    .orderBy('position')
    .execute()
  return { body: storedBody(row, cells, evidence), evidenceIds: evidence.map((e) => e.id) }
}

/** An answer's row, cells and evidence rows as stored, as the body that would save it again. */
export function storedBody(
  row: AnswerRow,
  cells: { cellKey: string; value: number }[],
  evidence: Pick<DB['evidence'], 'kind' | 'title' | 'url' | 'citation' | 'fileId' | 'internal'>[],
): SaveAnswerBody {
  return {
    version: row.version,
    noData: toBool(row.noData),
    noDataReason: row.noDataReason,
    value: {
      choice: row.valueChoice,
      number: row.valueNumber,
      numerator: row.valueNumerator,
      denominator: row.valueDenominator,
      text: row.valueText,
    },
    cells: cells.map((c) => ({ key: c.cellKey, value: c.value })).sort(byCellKey),
    narrative: row.narrative,
    partsExplanation: row.partsExplanation,
    changeComment: row.changeComment,
    evidence: evidence.map((e) => ({
      kind: e.kind as 'file',
      title: e.title,
      url: e.url,
      citation: e.citation,
      fileId: e.fileId,
      internal: toBool(e.internal),
    })),
  }
}

/** The answers of the given organisations (all when null) for one indicator, with their checks and abilities. */
export async function presentAnswers(
  db: Db,
  actor: Actor,
  ctx: AnswerContext,
  organisationIds: string[] | null,
): Promise<Answer[]> {
  let query = db
    .selectFrom('answers')
    .innerJoin('organisations', 'organisations.id', 'answers.organisationId')
    .leftJoin('users', 'users.id', 'answers.updatedBy')
    .selectAll('answers')
    .select([
      'organisations.name as organisationName',
      'organisations.type as organisationType',
      'users.name as updatedByName',
    ])
    .where('answers.roundId', '=', ctx.round.row.id)
    .where('answers.countryCode', '=', ctx.countryCode)
    .where('answers.indicatorCode', '=', ctx.indicator.code)
    .orderBy('organisations.name')
  if (organisationIds !== null)
    query = query.where('answers.organisationId', 'in', organisationIds.length ? organisationIds : [''])
  const rows = await query.execute()
  const out: Answer[] = []
  for (const row of rows) {
    const { body, evidenceIds } = await loadAnswerParts(db, row)
    const files = body.evidence.some((e) => e.fileId)
      ? await db
          .selectFrom('files')
          .select(['id', 'originalName', 'size', 'mediaType'])
          .where(
            'id',
            'in',
            body.evidence.map((e) => e.fileId ?? ''),
          )
          .execute()
      : []
    const previous = await previousValue(db, ctx, row.organisationId)
    const subject = { countryCode: ctx.countryCode, organisationId: row.organisationId }
    out.push({
      id: row.id,
      organisation: { id: row.organisationId, name: row.organisationName, type: row.organisationType },
      status: row.status as AnswerStatus,
      noData: body.noData,
      noDataReason: body.noDataReason,
      value: body.value,
      cells: body.cells,
      narrative: body.narrative,
      partsExplanation: body.partsExplanation,
      changeComment: body.changeComment,
      returnComment: row.returnComment,
      evidence: body.evidence.map((e, i) => {
        const file = files.find((f) => f.id === e.fileId)
        return {
          ...e,
          id: evidenceIds[i] as string,
          file: file ? { id: file.id, name: file.originalName, size: file.size, mediaType: file.mediaType } : null,
        }
      }),
      checks: checkAnswer(ctx.indicator, body, {
        complete: false,
        previous: previous?.number ?? null,
        changeThreshold: ctx.changeThreshold,
      }),
      updatedAt: row.updatedAt,
      updatedBy: row.updatedByName,
      submittedAt: row.submittedAt,
      version: row.version,
      abilities: abilitiesFor(actor, ['answer.write', 'answer.return'], subject),
    })
  }
  return out
}

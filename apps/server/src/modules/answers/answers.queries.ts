import { type Answer, type AnswerCheck, type AnswerStatus, checkAnswer, type SaveAnswerBody } from '@thbm/shared'
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

export interface EvidenceFile {
  id: string
  originalName: string
  size: number
  mediaType: string
}

/** What an answer is shown from: its row as stored, with its organisation and the name of who changed it last. */
export interface StoredAnswer {
  row: AnswerRow
  organisation: { id: string; name: string; type: string }
  updatedByName: string | null
  body: SaveAnswerBody
  evidenceIds: string[]
  files: EvidenceFile[]
  /** Its checks when they are known already (the save that stored it ran them on the same figures). */
  checks?: AnswerCheck[]
}

/** An answer as the API shows it, with its checks (against the previous round's figure) and the actor's abilities. */
export function toAnswer(actor: Actor, ctx: AnswerContext, stored: StoredAnswer, previous: number | null): Answer {
  const { row, body } = stored
  const subject = { countryCode: ctx.countryCode, organisationId: row.organisationId }
  return {
    id: row.id,
    organisation: stored.organisation,
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
      const file = stored.files.find((f) => f.id === e.fileId)
      return {
        ...e,
        id: stored.evidenceIds[i] as string,
        file: file ? { id: file.id, name: file.originalName, size: file.size, mediaType: file.mediaType } : null,
      }
    }),
    checks:
      stored.checks ??
      checkAnswer(ctx.indicator, body, { complete: false, previous, changeThreshold: ctx.changeThreshold }),
    updatedAt: row.updatedAt,
    updatedBy: stored.updatedByName,
    submittedAt: row.submittedAt,
    version: row.version,
    abilities: abilitiesFor(actor, ['answer.write', 'answer.return'], subject),
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
  for (const { organisationName, organisationType, updatedByName, ...row } of rows) {
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
    const organisation = { id: row.organisationId, name: organisationName, type: organisationType }
    out.push(
      toAnswer(actor, ctx, { row, organisation, updatedByName, body, evidenceIds, files }, previous?.number ?? null),
    )
  }
  return out
}

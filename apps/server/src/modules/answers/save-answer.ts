import type { SaveAnswerBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { fromBool, keepsNumbersExactly, toBool } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { AnswerContext } from './answer-context.ts'
import { type AnswerRow, type StoredAnswer, storedBody } from './answers.queries.ts'
import { type PreviousValue, previousFrom, previousValue } from './previous-value.ts'
import { checkEvidence, checkSave, sameFigures } from './save-checks.ts'

/**
 * Answers change while the round is collecting; during review, only an answer that was returned to its organisation
 * can be fixed (and submitted again). A validated answer is locked.
 */
export function assertWritable(ctx: AnswerContext, status: string | undefined): void {
  if (status === 'validated') throw invalidState('This answer is validated and locked')
  const status_ = ctx.round.row.status
  if (status_ === 'collecting' || (status_ === 'reviewing' && status === 'returned')) return
  throw invalidState(
    status_ === 'reviewing'
      ? 'The round is in review; only answers returned to their organisation can be changed'
      : `The round is ${status_}; answers can be changed only while it is collecting`,
  )
}

/**
 * Saves an organisation's answer as it stands (autosave): a new answer starts as a draft; saving a submitted answer
 * takes it back to draft. Invalid values (wrong type, negative, over 100 %) are refused; incompleteness is not.
 */
export async function saveAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  body: SaveAnswerBody,
): Promise<string> {
  return (await writeAnswer(trx, req, ctx, organisationId, body)).stored.row.id
}

/** The answer as saveAnswer stored it (read back by the writes themselves) and the previous round's figure. */
export interface WrittenAnswer {
  stored: StoredAnswer
  previous: PreviousValue | null
}

export type AnsweringOrganisation = Pick<DB['organisations'], 'id' | 'name' | 'type' | 'countryCode'>

/** The organisation that gives an answer (undefined when there is none). */
export const findAnsweringOrganisation = (db: Database | Trx, id: string) =>
  db.selectFrom('organisations').select(['id', 'name', 'type', 'countryCode']).where('id', '=', id).executeTakeFirst()

/**
 * saveAnswer, returning the answer as stored: the route shows it without reading it again. `organisation` is the
 * answering organisation when the caller has it already (read for the same setup generation: it changes only with
 * the setup).
 */
export async function writeAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  body: SaveAnswerBody,
  known: { organisation?: AnsweringOrganisation | undefined } = {},
): Promise<WrittenAnswer> {
  const org = 'organisation' in known ? known.organisation : await findAnsweringOrganisation(trx, organisationId)
  if (org?.id !== organisationId || org.countryCode !== ctx.countryCode)
    throw notFound('Organisation not found in this country')
  const found = await findExisting(trx, ctx, organisationId)
  const existing = found?.answer
  assertWritable(ctx, existing?.status)
  assertVersion(existing?.version ?? 0, body.version)
  const previous = found?.previous !== undefined ? found.previous : await previousValue(trx, ctx, organisationId)
  const evidence = await checkEvidence(trx, ctx, body)
  const checked = checkSave(ctx, body, previous?.number ?? null)
  const issues = [...checked.issues, ...evidence.issues]
  if (issues.length) throw validationFailed(issues)
  const now = nowIso()
  const columns = {
    noData: fromBool(body.noData),
    noDataReason: body.noDataReason,
    valueChoice: body.value.choice,
    valueNumber: body.value.number,
    valueNumerator: body.value.numerator,
    valueDenominator: body.value.denominator,
    valueText: body.value.text,
    narrative: body.narrative,
    partsExplanation: body.partsExplanation,
    changeComment: body.changeComment,
    updatedAt: now,
    updatedBy: req.actor?.id ?? null,
  }
  const id = existing?.id ?? newId()
  // Where the database keeps every figure exactly (SQLite), the row and cells are known without reading them back.
  const exact = keepsNumbersExactly(trx)
  let row: AnswerRow
  if (existing) {
    const status = existing.status === 'submitted' ? 'draft' : existing.status
    const changes = { ...columns, status, version: existing.version + 1 }
    const update = trx.updateTable('answers').set(changes).where('id', '=', id).where('version', '=', body.version)
    if (exact) {
      assertOneRowUpdated(await update.executeTakeFirst())
      row = { ...existing, ...changes }
    } else {
      const updated = await update.returningAll().executeTakeFirst()
      assertOneRowUpdated({ numUpdatedRows: updated ? 1n : 0n })
      row = updated as AnswerRow
    }
  } else {
    const values: AnswerRow = {
      id,
      roundId: ctx.round.row.id,
      countryCode: ctx.countryCode,
      indicatorCode: ctx.indicator.code,
      organisationId,
      status: 'draft',
      returnComment: null,
      importBatchId: null,
      createdAt: now,
      submittedAt: null,
      submittedBy: null,
      version: 1,
      ...columns,
    }
    const insert = trx.insertInto('answers').values(values)
    if (exact) await insert.execute()
    row = exact ? values : await insert.returningAll().executeTakeFirstOrThrow()
  }
  const cells = await storeCells(trx, id, body.cells, found?.hasCells === true, exact)
  if (found?.hasEvidence) await trx.deleteFrom('evidence').where('answerId', '=', id).execute()
  const evidenceIds = body.evidence.map(() => newId())
  if (body.evidence.length) {
    await trx
      .insertInto('evidence')
      .values(
        body.evidence.map((e, position) => ({
          id: evidenceIds[position] as string,
          answerId: id,
          kind: e.kind,
          fileId: e.fileId,
          url: e.url,
          citation: e.citation,
          title: e.title,
          internal: fromBool(e.internal),
          position,
        })),
      )
      .execute()
  }
  await recordAudit(trx, req, {
    action: 'answer.saved',
    subjectType: 'answer',
    subjectId: id,
    countryCode: ctx.countryCode,
    before: existing ? { version: existing.version, status: existing.status } : undefined,
    after: {
      round: ctx.round.row.id,
      indicator: ctx.indicator.code,
      organisationId,
      noData: body.noData,
      value: body.value,
      cells: body.cells.length,
      evidence: body.evidence.length,
    },
  })
  const shown = storedBody(
    row,
    cells,
    body.evidence.map((e) => ({ ...e, internal: fromBool(e.internal) })),
  )
  return {
    stored: {
      row,
      organisation: { id: org.id, name: org.name, type: org.type },
      updatedByName: req.actor?.name ?? null,
      body: shown,
      evidenceIds,
      files: evidence.files,
      // Checked already, unless the database kept a figure differently (PostgreSQL's `real` is a float4).
      ...(sameFigures(shown, checked.body) ? { checks: checked.checks } : {}),
    },
    previous,
  }
}

/**
 * The answer as it stands, whether it has cells and evidence that a save replaces (deleting only what is there: any
 * other change to them also changes the answer's version, which the save's update checks), and, when the context
 * knows the previous round, the previous value (one query instead of two).
 */
async function findExisting(trx: Trx, ctx: AnswerContext, organisationId: string) {
  const { earlier } = ctx
  const row = await trx
    .selectFrom('answers')
    .selectAll('answers')
    .select((eb) => {
      const previous = eb
        .selectFrom('answers as p')
        .where('p.roundId', '=', earlier?.id ?? '')
        .where('p.countryCode', '=', ctx.countryCode)
        .where('p.indicatorCode', '=', earlier?.code ?? '')
        .where('p.organisationId', '=', organisationId)
        .where('p.status', 'in', ['submitted', 'validated'])
      return [
        eb
          .exists(
            eb
              .selectFrom('answerCells')
              .select('answerCells.answerId')
              .whereRef('answerCells.answerId', '=', 'answers.id'),
          )
          .as('hasCells'),
        eb
          .exists(
            eb.selectFrom('evidence').select('evidence.answerId').whereRef('evidence.answerId', '=', 'answers.id'),
          )
          .as('hasEvidence'),
        eb.exists(previous.select('p.id')).as('hasPrevious'),
        previous.select('p.valueNumber').as('previousNumber'),
        previous.select('p.valueNumerator').as('previousNumerator'),
        previous.select('p.valueDenominator').as('previousDenominator'),
        previous.select('p.valueChoice').as('previousChoice'),
      ]
    })
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .where('organisationId', '=', organisationId)
    .executeTakeFirst()
  if (!row) return undefined
  const {
    hasCells,
    hasEvidence,
    hasPrevious,
    previousNumber,
    previousNumerator,
    previousDenominator,
    previousChoice,
    ...answer
  } = row
  const figures = {
    valueNumber: previousNumber,
    valueNumerator: previousNumerator,
    valueDenominator: previousDenominator,
    valueChoice: previousChoice,
  }
  return {
    answer: answer as AnswerRow,
    hasCells: toBool(hasCells),
    hasEvidence: toBool(hasEvidence),
    // undefined: not known here (the context has not looked up the previous round).
    previous:
      earlier === undefined ? undefined : earlier && toBool(hasPrevious) ? previousFrom(ctx, earlier, figures) : null,
  }
}

/**
 * Stores an answer's cells in place of those it had, and returns them as stored (read back where the database does not
 * keep figures exactly: PostgreSQL's `real` is a float4). A cell given again is updated in place (its row and index
 * entry stay: fewer pages written than deleting and inserting it again); one no longer given is deleted.
 */
async function storeCells(
  trx: Trx,
  answerId: string,
  cells: SaveAnswerBody['cells'],
  hadCells: boolean,
  exact: boolean,
): Promise<{ cellKey: string; value: number }[]> {
  if (hadCells) {
    let removed = trx.deleteFrom('answerCells').where('answerId', '=', answerId)
    if (cells.length)
      removed = removed.where(
        'cellKey',
        'not in',
        cells.map((c) => c.key),
      )
    await removed.execute()
  }
  if (!cells.length) return []
  // The keys are distinct: the checks refuse a cell given twice.
  const insert = trx
    .insertInto('answerCells')
    .values(cells.map((c) => ({ answerId, cellKey: c.key, value: c.value })))
    .onConflict((oc) => oc.columns(['answerId', 'cellKey']).doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
  if (!exact) return insert.returning(['cellKey', 'value']).execute()
  await insert.execute()
  return cells.map((c) => ({ cellKey: c.key, value: c.value }))
}

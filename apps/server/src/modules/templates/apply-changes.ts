import type { Issue } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { fromBool } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { AppError, assertVersion, conflict, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { testPause } from '../../test-pause.ts'
import type { AnswerRow } from '../answers/answers.queries.ts'
import { assertWritable } from '../answers/save-answer.ts'
import { type AuditEntry, recordAudit, recordAudits } from '../audit/record-audit.ts'
import type { AnswerSnapshot } from './answer-snapshot.ts'
import type { AnswerChange, ImportProgress } from './compile-template.ts'
import type { ImportTemplateInput } from './import-template.ts'
import { type AnswerParts, chunks } from './template-batch-load.ts'
import { dataCell } from './template-layout.ts'

/** An error of one answer's save, at its first changed cell, as the upload lists problems. */
function atCell(change: AnswerChange, err: AppError): AppError {
  const path = dataCell('value', change.row)
  return new AppError(err.code, err.message, {
    issues: [{ path, message: `${change.ctx.indicator.code}: ${err.message}` }],
  })
}

/**
 * saveAnswer's own refusals for each change, checked for the whole batch with one query each: an organisation of
 * another country (404), a locked answer or a round that no longer collects (409), a stale version (409) and
 * evidence that is not valid (400). The answer checks (checkAnswer) ran in compileTemplate on the same data.
 */
async function assertSavable(trx: Trx, changes: AnswerChange[]): Promise<void> {
  const orgIds = [...new Set(changes.map((c) => c.organisationId))]
  const orgs = new Map(
    (await trx.selectFrom('organisations').select(['id', 'countryCode']).where('id', 'in', orgIds).execute()).map(
      (o) => [o.id, o.countryCode],
    ),
  )
  const fileIds = [...new Set(changes.flatMap((c) => c.body.evidence.flatMap((e) => (e.fileId ? [e.fileId] : []))))]
  const files = new Map<string, string>()
  for (const ids of chunks(fileIds))
    for (const f of await trx.selectFrom('files').select(['id', 'countryCode']).where('id', 'in', ids).execute())
      files.set(f.id, f.countryCode)
  for (const change of changes) {
    const { ctx, body, existing } = change
    try {
      if (orgs.get(change.organisationId) !== ctx.countryCode) throw notFound('Organisation not found in this country')
      assertWritable(ctx, existing?.status)
      assertVersion(existing?.version ?? 0, body.version)
      const issues: Issue[] = []
      for (const [i, e] of body.evidence.entries()) {
        if (e.kind === 'file' && (!e.fileId || files.get(e.fileId) !== ctx.countryCode))
          issues.push({ path: `body.evidence[${i}].fileId`, message: 'Upload the file first (for this country)' })
        if (e.kind === 'link' && !e.url)
          issues.push({ path: `body.evidence[${i}].url`, message: 'A link needs its address' })
        if (e.kind === 'citation' && !e.citation)
          issues.push({ path: `body.evidence[${i}].citation`, message: 'Write the legal citation' })
      }
      if (issues.length) throw validationFailed(issues)
    } catch (err) {
      if (err instanceof AppError) throw atCell(change, err)
      throw err
    }
  }
}

/** The answers row each change writes: saveAnswer's columns, marked with the batch. */
function answerRowOf(change: AnswerChange, req: RequestContext, batchId: string, now: string): AnswerRow {
  const { body, existing, ctx } = change
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
    importBatchId: batchId,
  }
  if (existing) {
    const status = existing.status === 'submitted' ? 'draft' : existing.status
    return { ...existing, ...columns, status, version: existing.version + 1 }
  }
  return {
    id: newId(),
    roundId: ctx.round.row.id,
    countryCode: ctx.countryCode,
    indicatorCode: ctx.indicator.code,
    organisationId: change.organisationId,
    status: 'draft',
    returnComment: null,
    createdAt: now,
    submittedAt: null,
    submittedBy: null,
    version: 1,
    ...columns,
  }
}

/**
 * Writes the checked changes as one import batch, with what saveAnswer writes for each answer (the row, its cells and
 * evidence, an `answer.saved` audit row) in multi-row statements: a new answer is inserted, a stored one updated only
 * while its version is still the one checked (else 409 at its cell). Each answer is marked with the batch and its
 * previous state kept in import_batch_answers; one `importBatch.applied` audit row ends it. Returns the batch id.
 */
export async function applyChanges(
  trx: Trx,
  req: RequestContext,
  input: ImportTemplateInput,
  changes: AnswerChange[],
  parts: Map<string, AnswerParts>,
  onProgress?: ImportProgress,
): Promise<string> {
  await assertSavable(trx, changes)
  const batchId = newId()
  const created = changes.filter((c) => !c.existing).length
  const organisations = input.parsed.signature.organisations
  const now = nowIso()
  await trx
    .insertInto('importBatches')
    .values({
      id: batchId,
      roundId: input.round.row.id,
      countryCode: input.countryCode,
      organisationIds: JSON.stringify(organisations),
      source: input.source,
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      createdBy: req.actor?.id ?? null,
      createdAt: now,
      answersCreated: created,
      answersUpdated: changes.length - created,
      revertedAt: null,
      revertedBy: null,
      revertReason: null,
      version: 1,
    })
    .execute()
  const rows = changes.map((c) => answerRowOf(c, req, batchId, now))
  const total = input.parsed.rows.length
  let written = 0
  for (const part of chunks(
    rows.map((row, i) => ({ row, change: changes[i] as AnswerChange })),
    400,
  )) {
    const done = await trx
      .insertInto('answers')
      .values(part.map((p) => p.row))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            noData: eb.ref('excluded.noData'),
            noDataReason: eb.ref('excluded.noDataReason'),
            valueChoice: eb.ref('excluded.valueChoice'),
            valueNumber: eb.ref('excluded.valueNumber'),
            valueNumerator: eb.ref('excluded.valueNumerator'),
            valueDenominator: eb.ref('excluded.valueDenominator'),
            valueText: eb.ref('excluded.valueText'),
            narrative: eb.ref('excluded.narrative'),
            partsExplanation: eb.ref('excluded.partsExplanation'),
            changeComment: eb.ref('excluded.changeComment'),
            updatedAt: eb.ref('excluded.updatedAt'),
            updatedBy: eb.ref('excluded.updatedBy'),
            importBatchId: eb.ref('excluded.importBatchId'),
            status: eb.ref('excluded.status'),
            version: eb.ref('excluded.version'),
          }))
          // Only while nobody changed the answer since the checks (saveAnswer's version guard).
          .where((eb) => eb('answers.version', '=', eb(eb.ref('excluded.version'), '-', 1))),
      )
      .returning('id')
      .execute()
    if (done.length !== part.length) {
      const ids = new Set(done.map((w) => w.id))
      const lost = part.find((p) => !ids.has(p.row.id)) as (typeof part)[number]
      throw atCell(lost.change, conflict('This record was changed by someone else. Reload to see the current version.'))
    }
    written += part.length
    // The answers rows are about half of the writes; cells, evidence and the records the other half.
    await onProgress?.('saving', Math.round((total * written) / (2 * rows.length)), total)
  }
  await testPause('template-import')
  const stored = rows.filter((_, i) => changes[i]?.existing).map((r) => r.id)
  for (const ids of chunks(stored)) {
    await trx.deleteFrom('answerCells').where('answerId', 'in', ids).execute()
    await trx.deleteFrom('evidence').where('answerId', 'in', ids).execute()
  }
  const cells = changes.flatMap((c, i) =>
    c.body.cells.map((cell) => ({ answerId: (rows[i] as AnswerRow).id, cellKey: cell.key, value: cell.value })),
  )
  for (const part of chunks(cells, 2000)) await trx.insertInto('answerCells').values(part).execute()
  const evidence = changes.flatMap((c, i) =>
    c.body.evidence.map((e, position) => ({
      id: newId(),
      answerId: (rows[i] as AnswerRow).id,
      kind: e.kind,
      fileId: e.fileId,
      url: e.url,
      citation: e.citation,
      title: e.title,
      internal: fromBool(e.internal),
      position,
    })),
  )
  for (const part of chunks(evidence, 500)) await trx.insertInto('evidence').values(part).execute()
  await recordAudits(
    trx,
    req,
    changes.map((c, i) => savedAudit(c, rows[i] as AnswerRow)),
  )
  const kept = changes.map((c, i) => {
    const row = rows[i] as AnswerRow
    const own = c.existing ? parts.get(c.existing.id) : undefined
    const before: AnswerSnapshot | null = c.existing
      ? { row: c.existing, cells: own?.cells ?? [], evidence: own?.evidence ?? [] }
      : null
    return {
      batchId,
      answerId: row.id,
      indicatorCode: c.ctx.indicator.code,
      organisationId: c.organisationId,
      before: before ? JSON.stringify(before) : null,
      afterVersion: row.version,
    }
  })
  for (const part of chunks(kept, 500)) await trx.insertInto('importBatchAnswers').values(part).execute()
  await onProgress?.('saving', total, total)
  await recordAudit(trx, req, {
    action: 'importBatch.applied',
    subjectType: 'importBatch',
    subjectId: batchId,
    countryCode: input.countryCode,
    after: {
      round: input.round.row.id,
      organisations,
      source: input.source,
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      created,
      updated: changes.length - created,
    },
  })
  return batchId
}

/** The `answer.saved` audit entry saveAnswer records for an answer. */
function savedAudit(change: AnswerChange, row: AnswerRow): AuditEntry {
  const { ctx, body, existing } = change
  return {
    action: 'answer.saved',
    subjectType: 'answer',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: existing ? { version: existing.version, status: existing.status } : undefined,
    after: {
      round: ctx.round.row.id,
      indicator: ctx.indicator.code,
      organisationId: change.organisationId,
      noData: body.noData,
      value: body.value,
      cells: body.cells.length,
      evidence: body.evidence.length,
    },
  }
}

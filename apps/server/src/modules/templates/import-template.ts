import type { Issue } from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { AppError, conflict, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { can } from '../../policies.ts'
import { testPause } from '../../test-pause.ts'
import { saveAnswer } from '../answers/save-answer.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { snapshotAnswer } from './answer-snapshot.ts'
import { type AnswerChange, compileTemplate } from './compile-template.ts'
import { capIssues, type ParsedTemplate } from './read-template.ts'
import { loadCountryContexts } from './template-data.ts'
import { dataCell, signatureCell } from './template-layout.ts'

export interface ImportTemplateInput {
  round: LoadedRound
  countryCode: string
  /** The uploaded workbook, read and structurally checked by readTemplate. */
  parsed: ParsedTemplate
  source: 'upload' | 'cli'
  fileName: string | null
  fileSha256: string
}

export interface ImportOutcome {
  /** The import batch written; null when the workbook changed nothing. */
  batchId: string | null
  unchanged: number
  warnings: Issue[]
}

/** Only collecting rounds take answers; a template is refused with 409 otherwise. */
export function assertCollectingRound(round: LoadedRound): void {
  if (round.row.status !== 'collecting')
    throw invalidState(`The round is ${round.row.status}; answers can be changed only while it is collecting`)
}

/** The refusal for a list of problems: 400 when any is a bad value, else 403 for permissions, else 409 conflicts. */
function refusal(issues: Issue[]): AppError {
  const capped = capIssues(issues)
  const n = issues.length
  if (issues.some((i) => i.code !== 'forbidden' && i.code !== 'conflict'))
    return validationFailed(capped, `The workbook has ${n} problem(s); nothing was imported`)
  if (issues.some((i) => i.code === 'forbidden'))
    return new AppError('forbidden', `You may not change some of these answers; nothing was imported`, {
      issues: capped,
    })
  return conflict(`${n} answer(s) changed in THB Monitor after the template was downloaded; nothing was imported`, {
    issues: capped,
  })
}

async function checkSignature(trx: Trx, actor: Actor | null, input: ImportTemplateInput): Promise<Issue[]> {
  const { signature } = input.parsed
  const issues: Issue[] = []
  if (signature.roundId !== input.round.row.id)
    issues.push({ path: signatureCell('roundId'), message: 'This template is for another round' })
  if (signature.country !== input.countryCode)
    issues.push({
      path: signatureCell('country'),
      message: `This template is for another country (${signature.country})`,
    })
  if (signature.frameworkVersionId !== input.round.row.frameworkVersionId)
    issues.push({
      path: signatureCell('frameworkVersionId'),
      message: 'This template is for another framework version',
    })
  if (issues.length) return issues
  const orgs = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'countryCode'])
    .where('id', 'in', signature.organisations.length ? signature.organisations : [''])
    .execute()
  for (const id of signature.organisations) {
    const org = orgs.find((o) => o.id === id)
    const path = signatureCell('organisations')
    if (org?.countryCode !== input.countryCode) issues.push({ path, message: `Unknown organisation ${id}` })
    else if (actor && !can(actor, 'answer.write', { countryCode: input.countryCode, organisationId: id }))
      issues.push({ path, code: 'forbidden', message: `You may not answer for ${org.name}` })
  }
  return issues
}

/**
 * Imports an uploaded template in the caller's transaction: checks that it belongs to this round, country and
 * framework version and that the actor (null: the system) may answer for its organisations, checks every changed
 * answer (compileTemplate), and only then saves them all through saveAnswer (the rules and audit rows of the form),
 * marking each with the batch id and recording its previous state, plus one `importBatch.applied` audit row.
 */
export async function importTemplate(
  trx: Trx,
  req: RequestContext,
  actor: Actor | null,
  input: ImportTemplateInput,
): Promise<ImportOutcome> {
  assertCollectingRound(input.round)
  const signatureIssues = await checkSignature(trx, actor, input)
  if (signatureIssues.length) throw refusal(signatureIssues)
  const { contexts } = await loadCountryContexts(trx, input.round, input.countryCode)
  const compiled = await compileTemplate(trx, actor, contexts, input.parsed.rows)
  if (compiled.issues.length) throw refusal(compiled.issues)
  const { unchanged, warnings } = compiled
  if (!compiled.changes.length) return { batchId: null, unchanged, warnings }
  return { batchId: await applyChanges(trx, req, input, compiled.changes), unchanged, warnings }
}

async function applyChanges(
  trx: Trx,
  req: RequestContext,
  input: ImportTemplateInput,
  changes: AnswerChange[],
): Promise<string> {
  const batchId = newId()
  const created = changes.filter((c) => !c.existing).length
  const organisations = input.parsed.signature.organisations
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
      createdAt: nowIso(),
      answersCreated: created,
      answersUpdated: changes.length - created,
      revertedAt: null,
      revertedBy: null,
      revertReason: null,
      version: 1,
    })
    .execute()
  for (const [i, change] of changes.entries()) {
    if (i === Math.floor(changes.length / 2)) await testPause('template-import')
    const before = change.existing ? await snapshotAnswer(trx, change.existing) : null
    const id = await saveAnswer(trx, req, change.ctx, change.organisationId, change.body).catch((err: unknown) => {
      // The checks ran just before in this transaction, so this is a race or a rule the checks do not know.
      if (!(err instanceof AppError)) throw err
      const path = dataCell('value', change.row)
      throw new AppError(err.code, err.message, {
        issues: [{ path, message: `${change.ctx.indicator.code}: ${err.message}` }],
      })
    })
    await trx.updateTable('answers').set({ importBatchId: batchId }).where('id', '=', id).execute()
    const saved = await trx.selectFrom('answers').select('version').where('id', '=', id).executeTakeFirstOrThrow()
    await trx
      .insertInto('importBatchAnswers')
      .values({
        batchId,
        answerId: id,
        indicatorCode: change.ctx.indicator.code,
        organisationId: change.organisationId,
        before: before ? JSON.stringify(before) : null,
        afterVersion: saved.version,
      })
      .execute()
  }
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

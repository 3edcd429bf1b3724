import type { Issue } from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { AppError, conflict, invalidState, validationFailed } from '../../errors.ts'
import { can } from '../../policies.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { applyChanges } from './apply-changes.ts'
import { compileTemplate, type ImportProgress } from './compile-template.ts'
import { capIssues, type ParsedTemplate } from './read-template.ts'
import { loadCountryContexts } from './template-data.ts'
import { signatureCell } from './template-layout.ts'

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

async function checkSignature(
  trx: Trx | Database,
  actor: Actor | null,
  input: Pick<ImportTemplateInput, 'round' | 'countryCode' | 'parsed'>,
): Promise<Issue[]> {
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
 * The checks of a template against the round and the actor that need none of its values: its round, country,
 * framework version and organisations (refused as the import refuses them). An upload imported by a job gets them
 * at once, before it is queued.
 */
export async function assertTemplateFits(
  db: Database,
  actor: Actor | null,
  input: Pick<ImportTemplateInput, 'round' | 'countryCode' | 'parsed'>,
): Promise<void> {
  assertCollectingRound(input.round)
  const issues = await checkSignature(db, actor, input)
  if (issues.length) throw refusal(issues)
}

/** Loads what an import reads outside its transaction first, so that the per-process cache serves it (the framework version). */
export async function warmImport(db: Database, round: LoadedRound): Promise<void> {
  await loadVersion(db, round.row.frameworkVersionId)
}

/**
 * Imports an uploaded template in the caller's transaction: checks that it belongs to this round, country and
 * framework version and that the actor (null: the system) may answer for its organisations, checks every changed
 * answer (compileTemplate), and only then saves them all as one batch (applyChanges: what saveAnswer writes and
 * records for each answer, marked with the batch id, with its previous state kept), plus one `importBatch.applied`
 * audit row. `onProgress` hears of rows checked and saved (the job and the CLI draw it).
 */
export async function importTemplate(
  trx: Trx,
  req: RequestContext,
  actor: Actor | null,
  input: ImportTemplateInput,
  onProgress?: ImportProgress,
): Promise<ImportOutcome> {
  assertCollectingRound(input.round)
  const signatureIssues = await checkSignature(trx, actor, input)
  if (signatureIssues.length) throw refusal(signatureIssues)
  const { contexts } = await loadCountryContexts(trx, input.round, input.countryCode)
  const { round, countryCode, parsed } = input
  const compiled = await compileTemplate(trx, actor, round, countryCode, contexts, parsed.rows, onProgress)
  if (compiled.issues.length) throw refusal(compiled.issues)
  const { unchanged, warnings } = compiled
  await onProgress?.('checking', parsed.rows.length, parsed.rows.length)
  if (!compiled.changes.length) return { batchId: null, unchanged, warnings }
  const batchId = await applyChanges(trx, req, input, compiled.changes, compiled.parts, onProgress)
  return { batchId, unchanged, warnings }
}

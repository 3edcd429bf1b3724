import { checkAnswer, type Issue, type SaveAnswerBody, SaveAnswerBodySchema } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from '../answers/answer-context.ts'
import { type AnswerRow, storedBody } from '../answers/answers.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import type { ReadRow } from './read-template.ts'
import { type AnswerParts, loadAnswerParts, loadAnswerRows, previousNumbers } from './template-batch-load.ts'
import { mayWrite } from './template-data.ts'
import { applyRows, rowOfPath } from './template-fields.ts'
import { dataCell } from './template-layout.ts'
import { answerKey } from './template-rows.ts'
import { baselineOf } from './template-signature.ts'

/** An answer the upload changes: the body to save (through saveAnswer) and the answer as it is now. */
export interface AnswerChange {
  ctx: AnswerContext
  organisationId: string
  body: SaveAnswerBody
  existing: AnswerRow | undefined
  /** The first row of the answer someone changed, for error paths. */
  row: number
}

export interface CompiledTemplate {
  changes: AnswerChange[]
  unchanged: number
  /** Blocking problems; `code` is 'forbidden' or 'conflict' for those kinds, so the route can pick the status. */
  issues: Issue[]
  warnings: Issue[]
}

const canonical = (b: SaveAnswerBody) =>
  JSON.stringify({ ...b, cells: [...b.cells].sort((x, y) => x.key.localeCompare(y.key)) })

/** Progress of a long import: rows of the workbook checked or saved so far, of all its rows. */
export type ImportProgress = (phase: 'checking' | 'saving', done: number, total: number) => void | Promise<void>

/** Rows checked between two progress reports. */
const REPORT_EVERY = 500

/** A group of rows (one answer) that passed the checks that need no stored data, waiting for its stored answer. */
interface Candidate {
  group: ReadRow[]
  touched: ReadRow[]
  ctx: AnswerContext
  existing: AnswerRow | undefined
}

type Outcome = { issues: Issue[] } | { unchanged: true } | Candidate

/**
 * Turns the uploaded rows into answer changes, checking everything before anything is written: which answers
 * someone changed (value differs from its baseline), that the actor may write them, that nobody changed them in the
 * app since the download (version), that every value has the right type, and the answer checks of the form
 * (checkAnswer, as a draft: errors block, warnings are reported). The stored answers, their cells and evidence and
 * the previous round's figures are read in a few queries for the whole workbook (template-batch-load.ts); problems
 * come in the order of the rows.
 */
export async function compileTemplate(
  trx: Trx,
  actor: Actor | null,
  round: LoadedRound,
  countryCode: string,
  contexts: Map<string, AnswerContext>,
  rows: ReadRow[],
  onProgress?: ImportProgress,
): Promise<CompiledTemplate & { parts: Map<string, AnswerParts> }> {
  const groups = new Map<string, ReadRow[]>()
  for (const r of rows) {
    const key = answerKey(r.organisationId, r.code)
    const group = groups.get(key)
    if (group) group.push(r)
    else groups.set(key, [r])
  }
  const organisations = [...new Set(rows.map((r) => r.organisationId))]
  const stored = await loadAnswerRows(trx, round, countryCode, organisations)
  const outcomes: Outcome[] = []
  for (const group of groups.values()) outcomes.push(firstChecks(actor, contexts, stored, group))
  const candidates = outcomes.filter((o): o is Candidate => 'group' in o)
  const parts = await loadAnswerParts(
    trx,
    candidates.flatMap((c) => (c.existing ? [c.existing.id] : [])),
  )
  const previous = await previousNumbers(
    trx,
    round,
    countryCode,
    candidates.map((c) => ({ ctx: c.ctx, organisationId: (c.group[0] as ReadRow).organisationId })),
  )
  const out: CompiledTemplate = { changes: [], unchanged: 0, issues: [], warnings: [] }
  let checked = 0
  let reported = 0
  for (const outcome of outcomes) {
    if ('issues' in outcome) out.issues.push(...outcome.issues)
    else if ('unchanged' in outcome) out.unchanged++
    else {
      const p = outcome.existing ? parts.get(outcome.existing.id) : undefined
      lastChecks(
        out,
        outcome,
        p,
        previous.get(answerKey((outcome.group[0] as ReadRow).organisationId, outcome.ctx.indicator.code)),
      )
      checked += outcome.group.length
    }
    if (onProgress && checked - reported >= REPORT_EVERY) {
      reported = checked
      await onProgress('checking', checked, rows.length)
    }
  }
  return { ...out, parts }
}

/** The checks of one answer's rows that need nothing stored but its row: changed at all, listed, permitted, version. */
function firstChecks(
  actor: Actor | null,
  contexts: Map<string, AnswerContext>,
  stored: Map<string, AnswerRow>,
  group: ReadRow[],
): Outcome {
  const first = group[0] as ReadRow
  const touched = group.filter((r) => baselineOf(r.text) !== r.baseline)
  if (!touched.length) return { unchanged: true }
  const at = dataCell('value', (touched[0] as ReadRow).row)
  const ctx = contexts.get(first.code)
  if (!ctx)
    return { issues: [{ path: at, message: `${first.code} is no longer in this country's list for the round` }] }
  const prefix = (message: string) => `${first.code}: ${message}`
  if (!mayWrite(actor, ctx, first.organisationId))
    return { issues: [{ path: at, code: 'forbidden', message: prefix('You may not answer for this organisation') }] }
  const existing = stored.get(answerKey(first.organisationId, first.code))
  const current = existing?.version ?? 0
  if (current !== first.version || existing?.status === 'validated') {
    const message =
      existing?.status === 'validated'
        ? 'This answer is validated and locked'
        : `This answer was changed in THB Monitor after the template was downloaded (version ${first.version} in the template, ${current} now). Download a new template.`
    return { issues: [{ path: at, code: 'conflict', message: prefix(message) }] }
  }
  return { group, touched, ctx, existing }
}

/** The checks of the answer the rows make: values, the form's answer checks, and whether anything changes. */
function lastChecks(
  out: CompiledTemplate,
  { group, touched, ctx, existing }: Candidate,
  parts: AnswerParts | undefined,
  previous: number | null | undefined,
): void {
  const first = group[0] as ReadRow
  const prefix = (message: string) => `${first.code}: ${message}`
  const stored =
    existing && parts ? storedBody(existing, parts.cells, parts.evidence) : SaveAnswerBodySchema.parse({ version: 0 })
  const applied = applyRows(stored, touched)
  if (applied.issues.length) {
    out.issues.push(...applied.issues.map((i) => ({ ...i, message: prefix(i.message) })))
    return
  }
  const where = (path: string) => dataCell('value', rowOfPath(path, applied.body, group))
  const parsed = SaveAnswerBodySchema.safeParse(applied.body)
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      out.issues.push({ path: where(i.path.join('.')), message: prefix(i.message), code: i.code })
    return
  }
  const checks = checkAnswer(ctx.indicator, parsed.data, {
    complete: false,
    previous: previous ?? null,
    changeThreshold: ctx.changeThreshold,
  })
  const located = (severity: 'error' | 'warning') =>
    checks
      .filter((c) => c.severity === severity)
      .map((c) => ({ path: where(c.path), message: prefix(c.message), code: c.code }))
  const errors = located('error')
  if (errors.length) {
    out.issues.push(...errors)
    return
  }
  if (canonical(parsed.data) === canonical(stored)) {
    out.unchanged++
    return
  }
  out.warnings.push(...located('warning'))
  out.changes.push({
    ctx,
    organisationId: first.organisationId,
    body: parsed.data,
    existing,
    row: (touched[0] as ReadRow).row,
  })
}

import { checkAnswer, type Issue, type SaveAnswerBody, SaveAnswerBodySchema } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from '../answers/answer-context.ts'
import { type AnswerRow, storedBody } from '../answers/answers.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import type { ReadRow } from './read-template.ts'
import { type AnswerParts, loadAnswerParts, loadAnswerRows, previousNumbers } from './template-batch-load.ts'
import { mayWrite } from './template-data.ts'
import { applyRows, rowOfPath, schemaIssue } from './template-fields.ts'
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
    return {
      issues: [
        {
          path: at,
          code: 'indicator.removed',
          message: `${first.code} is no longer in this country's list for the round`,
        },
      ],
    }
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

/**
 * The checks of the answer the rows make: values, the form's answer checks, and whether anything changes. Every
 * problem of the answer is reported at once: the cells' own (a number that is text, a negative part, an unknown
 * word), then the schema's and the answer checks' on what could be read, each at its row unless that cell already has
 * a problem, in the order of the rows.
 */
function lastChecks(
  out: CompiledTemplate,
  { group, touched, ctx, existing }: Candidate,
  parts: AnswerParts | undefined,
  previous: number | null | undefined,
): void {
  const first = group[0] as ReadRow
  const stored =
    existing && parts ? storedBody(existing, parts.cells, parts.evidence) : SaveAnswerBodySchema.parse({ version: 0 })
  const applied = applyRows(stored, touched, ctx.indicator.measurement.type)
  const rowOf = (path: string) => rowOfPath(path, applied.body, group)
  const parsed = SaveAnswerBodySchema.safeParse(applied.body)
  const schema = parsed.success
    ? []
    : parsed.error.issues.flatMap((i) => {
        const issue = schemaIssue(i)
        return issue ? [{ row: rowOf(i.path.join('.')), ...issue }] : []
      })
  const checks = checkAnswer(ctx.indicator, parsed.success ? parsed.data : applied.body, {
    complete: false,
    previous: previous ?? null,
    changeThreshold: ctx.changeThreshold,
  })
  const located = (severity: 'error' | 'warning') =>
    checks.filter((c) => c.severity === severity).map((c) => ({ row: rowOf(c.path), code: c.code, message: c.message }))
  // The cells' own problems are at their value cells (Data!H12).
  const own = applied.issues.map(({ path, code, message }) => ({ row: Number(/\d+$/.exec(path)?.[0]), code, message }))
  const stages = [own, schema, located('error')]
  const errors: { row: number; code?: string; message: string }[] = []
  for (const stage of stages) {
    const taken = new Set(errors.map((e) => e.row))
    errors.push(...stage.filter((e) => !taken.has(e.row)))
  }
  const issue = ({ row, code, message }: (typeof errors)[number]): Issue => ({
    path: dataCell('value', row),
    message: `${first.code}: ${message}`,
    ...(code === undefined ? {} : { code }),
  })
  // A schema problem without a template wording, and no other problem: the schema's own words.
  if (!parsed.success && !errors.length)
    errors.push(...parsed.error.issues.map((i) => ({ row: rowOf(i.path.join('.')), code: i.code, message: i.message })))
  if (errors.length || !parsed.success) {
    out.issues.push(...errors.sort((a, b) => a.row - b.row).map(issue))
    return
  }
  if (canonical(parsed.data) === canonical(stored)) {
    out.unchanged++
    return
  }
  out.warnings.push(...located('warning').map(issue))
  out.changes.push({
    ctx,
    organisationId: first.organisationId,
    body: parsed.data,
    existing,
    row: (touched[0] as ReadRow).row,
  })
}

import { checkAnswer, type Issue, type SaveAnswerBody, SaveAnswerBodySchema } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from '../answers/answer-context.ts'
import { type AnswerRow, answerBody, findAnswerRow } from '../answers/answers.queries.ts'
import { previousValue } from '../answers/previous-value.ts'
import type { ReadRow } from './read-template.ts'
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

/**
 * Turns the uploaded rows into answer changes, checking everything before anything is written: which answers
 * someone changed (value differs from its baseline), that the actor may write them, that nobody changed them in the
 * app since the download (version), that every value has the right type, and the answer checks of the form
 * (checkAnswer, as a draft: errors block, warnings are reported).
 */
export async function compileTemplate(
  trx: Trx,
  actor: Actor | null,
  contexts: Map<string, AnswerContext>,
  rows: ReadRow[],
): Promise<CompiledTemplate> {
  const groups = new Map<string, ReadRow[]>()
  for (const r of rows) {
    const key = answerKey(r.organisationId, r.code)
    const group = groups.get(key)
    if (group) group.push(r)
    else groups.set(key, [r])
  }
  const out: CompiledTemplate = { changes: [], unchanged: 0, issues: [], warnings: [] }
  for (const group of groups.values()) {
    const first = group[0] as ReadRow
    const touched = group.filter((r) => baselineOf(r.text) !== r.baseline)
    if (!touched.length) {
      out.unchanged++
      continue
    }
    const at = dataCell('value', (touched[0] as ReadRow).row)
    const ctx = contexts.get(first.code)
    if (!ctx) {
      out.issues.push({ path: at, message: `${first.code} is no longer in this country's list for the round` })
      continue
    }
    const prefix = (message: string) => `${first.code}: ${message}`
    if (!mayWrite(actor, ctx, first.organisationId)) {
      out.issues.push({ path: at, code: 'forbidden', message: prefix('You may not answer for this organisation') })
      continue
    }
    const existing = await findAnswerRow(trx, ctx, first.organisationId)
    const current = existing?.version ?? 0
    if (current !== first.version || existing?.status === 'validated') {
      const message =
        existing?.status === 'validated'
          ? 'This answer is validated and locked'
          : `This answer was changed in THB Monitor after the template was downloaded (version ${first.version} in the template, ${current} now). Download a new template.`
      out.issues.push({ path: at, code: 'conflict', message: prefix(message) })
      continue
    }
    const stored = existing ? await answerBody(trx, existing) : SaveAnswerBodySchema.parse({ version: 0 })
    const applied = applyRows(stored, touched)
    if (applied.issues.length) {
      out.issues.push(...applied.issues.map((i) => ({ ...i, message: prefix(i.message) })))
      continue
    }
    const where = (path: string) => dataCell('value', rowOfPath(path, applied.body, group))
    const parsed = SaveAnswerBodySchema.safeParse(applied.body)
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        out.issues.push({ path: where(i.path.join('.')), message: prefix(i.message), code: i.code })
      continue
    }
    const previous = await previousValue(trx, ctx, first.organisationId)
    const checks = checkAnswer(ctx.indicator, parsed.data, {
      complete: false,
      previous: previous?.number ?? null,
      changeThreshold: ctx.changeThreshold,
    })
    const located = (severity: 'error' | 'warning') =>
      checks
        .filter((c) => c.severity === severity)
        .map((c) => ({ path: where(c.path), message: prefix(c.message), code: c.code }))
    const errors = located('error')
    if (errors.length) {
      out.issues.push(...errors)
      continue
    }
    if (canonical(parsed.data) === canonical(stored)) {
      out.unchanged++
      continue
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
  return out
}

import { type AnswerCheck, checkAnswer, type Issue, type SaveAnswerBody } from '@thbm/shared'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from './answer-context.ts'
import { byCellKey, type EvidenceFile } from './answers.queries.ts'

const toIssues = (checks: AnswerCheck[]): Issue[] =>
  checks
    .filter((c) => c.severity === 'error')
    .map((c) => ({ path: `body.${c.path}`, message: c.message, code: c.code }))

/** Problems of the evidence list, and the files it refers to (for the answer shown after saving). */
export async function checkEvidence(
  trx: Trx,
  ctx: AnswerContext,
  body: SaveAnswerBody,
): Promise<{ issues: Issue[]; files: EvidenceFile[] }> {
  const issues: Issue[] = []
  const files: EvidenceFile[] = []
  for (const [i, e] of body.evidence.entries()) {
    if (e.kind === 'file') {
      const file = e.fileId
        ? await trx
            .selectFrom('files')
            .select(['id', 'countryCode', 'originalName', 'size', 'mediaType'])
            .where('id', '=', e.fileId)
            .executeTakeFirst()
        : undefined
      if (file?.countryCode !== ctx.countryCode)
        issues.push({ path: `body.evidence[${i}].fileId`, message: 'Upload the file first (for this country)' })
      else if (file)
        files.push({ id: file.id, originalName: file.originalName, size: file.size, mediaType: file.mediaType })
    }
    if (e.kind === 'link' && !e.url)
      issues.push({ path: `body.evidence[${i}].url`, message: 'A link needs its address' })
    if (e.kind === 'citation' && !e.citation)
      issues.push({ path: `body.evidence[${i}].citation`, message: 'Write the legal citation' })
  }
  return { issues, files }
}

/**
 * The checks of a save: its errors, with the cell indices of the request, and the checks of the answer as it will be
 * shown (cells in key order, as stored). Whether an answer has errors does not depend on the order of its cells, so
 * the body in key order is checked, and the request's order only to report errors.
 */
export function checkSave(
  ctx: AnswerContext,
  body: SaveAnswerBody,
  previous: number | null,
): { issues: Issue[]; checks: AnswerCheck[]; body: SaveAnswerBody } {
  const options = { complete: false, previous, changeThreshold: ctx.changeThreshold }
  const sorted = { ...body, cells: [...body.cells].sort(byCellKey) }
  const checks = checkAnswer(ctx.indicator, sorted, options)
  const failed = checks.some((c) => c.severity === 'error')
  return { issues: failed ? toIssues(checkAnswer(ctx.indicator, body, options)) : [], checks, body: sorted }
}

export const sameFigures = (a: SaveAnswerBody, b: SaveAnswerBody) =>
  a.value.number === b.value.number &&
  a.value.numerator === b.value.numerator &&
  a.value.denominator === b.value.denominator &&
  a.cells.length === b.cells.length &&
  a.cells.every((c, i) => c.key === b.cells[i]?.key && c.value === b.cells[i]?.value)

import type { AnswerCheck, Issue } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import type { AnswerDraft } from './answer-draft.ts'

/** Where a check or a server issue belongs on the form. */
export type EntryField =
  | 'value.choice'
  | 'value.number'
  | 'value.numerator'
  | 'value.denominator'
  | 'value.text'
  | 'value'
  | 'noDataReason'
  | 'narrative'
  | 'partsExplanation'
  | 'changeComment'
  | 'cells'
  | 'evidence'

const FIELDS: readonly EntryField[] = [
  'value.choice',
  'value.number',
  'value.numerator',
  'value.denominator',
  'value.text',
  'value',
  'noDataReason',
  'narrative',
  'partsExplanation',
  'changeComment',
  'cells',
  'evidence',
]

/** `body.value.number` → `value.number`; `cells[0].key` and `cells[victim_status=x]` → `cells`; unknown → null. */
export function entryFieldOf(path: string): EntryField | null {
  const bare = path.replace(/^body\./, '')
  if (bare.startsWith('cells')) return 'cells'
  if (bare.startsWith('evidence')) return 'evidence'
  return (FIELDS as readonly string[]).includes(bare) ? (bare as EntryField) : null
}

/** A check as the form shows it: where, how serious, and the code that picks its message. */
export interface FieldCheck {
  field: EntryField
  severity: 'error' | 'warning'
  code: string
  /** The server's (English) message, read only for the numbers some messages carry. */
  message: string
}

/** Checks and server issues grouped by field (a server issue counts as an error). */
export function checksByField(checks: readonly (AnswerCheck | Issue)[]): Map<EntryField, FieldCheck[]> {
  const out = new Map<EntryField, FieldCheck[]>()
  for (const c of checks) {
    const field = entryFieldOf(c.path)
    if (!field) continue
    const severity = 'severity' in c ? c.severity : 'error'
    const list = out.get(field) ?? []
    if (!list.some((x) => x.code === c.code && x.severity === severity)) {
      list.push({ field, severity, code: c.code ?? 'invalid', message: c.message })
    }
    out.set(field, list)
  }
  return out
}

/** The parts of the draft each field's problems are about. */
const DRAFT_KEYS: Record<EntryField, (keyof AnswerDraft)[]> = {
  'value.choice': ['choice'],
  'value.number': ['number'],
  'value.numerator': ['numerator'],
  'value.denominator': ['denominator'],
  'value.text': ['text'],
  value: ['choice', 'number', 'numerator', 'denominator', 'text'],
  noDataReason: ['noDataReason'],
  narrative: ['narrative'],
  partsExplanation: ['partsExplanation'],
  changeComment: ['changeComment'],
  cells: ['cells'],
  evidence: ['evidence'],
}

/**
 * The problems of a refused submission that still hold: an issue is dropped once its field changed since that
 * submission (the live checks judge the new value), so no field keeps a stale error such as "Enter a number" after
 * a number was entered. Ticking or unticking "data not available" changes every field.
 */
export function openIssues(issues: readonly Issue[], submitted: AnswerDraft | null, draft: AnswerDraft): Issue[] {
  if (!submitted) return [...issues]
  if (submitted.noData !== draft.noData) return []
  const same = (key: keyof AnswerDraft) => JSON.stringify(submitted[key]) === JSON.stringify(draft[key])
  return issues.filter((issue) => {
    const field = entryFieldOf(issue.path)
    return !field || DRAFT_KEYS[field].every(same)
  })
}

const KNOWN_CODES = new Set([
  'choice.invalid',
  'number.negative',
  'number.whole',
  'number.zero',
  'percentage.over100',
  'cell.unknown',
  'cell.duplicate',
  'status.mixed',
  'parts.mismatch',
])

const PERSONAL = new Set(['national_id', 'passport', 'phone', 'name_and_date'])

/** The translated sentence for a check: by its code (and field, for "required"), never the server's English. */
export function useCheckMessage(): (check: FieldCheck) => string {
  const { t } = useTranslation()
  return (check) => {
    if (check.code === 'required') return t(`rounds:checks.required.${requiredKey(check.field)}`)
    if (check.code === 'change.large') {
      const percent = Number(/(\d+)\s*%/.exec(check.message)?.[1] ?? Number.NaN)
      return Number.isFinite(percent)
        ? t('rounds:checks.changeLarge', { percent })
        : t('rounds:checks.changeLargeNoFigure')
    }
    if (check.code.startsWith('personal_data.')) {
      const kind = check.code.slice('personal_data.'.length)
      return PERSONAL.has(kind) ? t(`rounds:checks.personal.${kind}`) : t('rounds:checks.personal.other')
    }
    if (KNOWN_CODES.has(check.code)) return t(`rounds:checks.code.${check.code.replace('.', '_')}`)
    return t('rounds:checks.invalid')
  }
}

function requiredKey(field: EntryField): string {
  switch (field) {
    case 'value.choice':
      return 'choice'
    case 'value.numerator':
    case 'value.denominator':
    case 'value.number':
      return 'number'
    case 'value.text':
      return 'text'
    case 'noDataReason':
    case 'partsExplanation':
    case 'changeComment':
      return field
    default:
      return 'other'
  }
}

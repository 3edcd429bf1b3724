import type { Issue } from '@thbm/shared'
import {
  type CreateRoundBody,
  CreateRoundBodySchema,
  type LocalizedText,
  type Round,
  type RoundFocus,
} from '@thbm/shared'

/** The plan-a-round form as typed: dates as YYYY-MM-DD strings ('' when empty), shares as percentages. */
export interface RoundFormState {
  name: string
  frameworkVersionId: string | null
  periodFrom: string
  periodTo: string
  countries: string[]
  focus: RoundFocus | null
  focusLabel: string
  manualIndicators: string[]
  collectionClosesOn: string
  reviewClosesOn: string
  publicationOn: string
  doubleScoring: boolean
  ranking: boolean
  discrepancyPercent: number | string
  changePercent: number | string
  redFlagCeiling: number | string
}

/** Form fields that can carry an error, named like the body paths the server reports (without `body.`). */
export type RoundField =
  | 'name'
  | 'frameworkVersionId'
  | 'periodFrom'
  | 'periodTo'
  | 'countries'
  | 'focus'
  | 'focusLabel'
  | 'manualIndicators'
  | 'milestones.collectionClosesOn'
  | 'milestones.reviewClosesOn'
  | 'milestones.publicationOn'
  | 'options.discrepancyShare'
  | 'options.changeThreshold'
  | 'options.redFlagCeiling'

/** Field errors as catalog keys, in the order of the form. */
export type RoundErrors = Partial<Record<RoundField, string>>

/** A new form: the previous calendar year as the reference period, the default options. */
export function emptyRoundForm(today = new Date()): RoundFormState {
  const year = today.getFullYear() - 1
  return {
    name: '',
    frameworkVersionId: null,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    countries: [],
    focus: null,
    focusLabel: '',
    manualIndicators: [],
    collectionClosesOn: '',
    reviewClosesOn: '',
    publicationOn: '',
    doubleScoring: false,
    ranking: false,
    discrepancyPercent: 10,
    changePercent: 50,
    redFlagCeiling: 40,
  }
}

const dateOrNull = (v: string) => (v.trim() ? v.trim() : null)
const share = (v: number | string) => (typeof v === 'number' ? v / 100 : Number.NaN)

/** The request body the form stands for; the custom topic's name is stored in the language it was typed in. */
export function toCreateBody(form: RoundFormState, locale: string): CreateRoundBody {
  const focusLabel: LocalizedText =
    form.focus === 'custom' && form.focusLabel.trim() ? { [locale]: form.focusLabel } : {}
  return {
    name: form.name.trim(),
    frameworkVersionId: form.frameworkVersionId ?? '',
    periodFrom: form.periodFrom,
    periodTo: form.periodTo,
    countries: form.countries,
    focus: form.focus,
    focusLabel,
    manualIndicators: form.manualIndicators,
    milestones: {
      collectionClosesOn: dateOrNull(form.collectionClosesOn),
      reviewClosesOn: dateOrNull(form.reviewClosesOn),
      publicationOn: dateOrNull(form.publicationOn),
    },
    options: {
      doubleScoring: form.doubleScoring,
      ranking: form.ranking,
      discrepancyShare: share(form.discrepancyPercent),
      changeThreshold: share(form.changePercent),
      redFlagCeiling: typeof form.redFlagCeiling === 'number' ? form.redFlagCeiling : Number.NaN,
    },
  }
}

const FIELD_KEYS: readonly RoundField[] = [
  'name',
  'frameworkVersionId',
  'periodFrom',
  'periodTo',
  'countries',
  'focus',
  'focusLabel',
  'manualIndicators',
  'milestones.collectionClosesOn',
  'milestones.reviewClosesOn',
  'milestones.publicationOn',
  'options.discrepancyShare',
  'options.changeThreshold',
  'options.redFlagCeiling',
]

/** `countries[1]` → `countries`, `milestones.publicationOn` stays: the form field a body path belongs to. */
export function roundFieldOf(path: string): RoundField | null {
  const field = path.replace(/^body\./, '').replace(/\[\d+\]/g, '')
  const known: readonly string[] = FIELD_KEYS
  if (known.includes(field)) return field as RoundField
  const first = field.split('.')[0] ?? ''
  return known.includes(first) ? (first as RoundField) : null
}

/** The message (catalog key) for a field whose value the shared schema refused. */
const SCHEMA_MESSAGE: Record<RoundField, string> = {
  name: 'rounds:form.errors.name',
  frameworkVersionId: 'rounds:form.errors.version',
  periodFrom: 'rounds:form.errors.date',
  periodTo: 'rounds:form.errors.date',
  countries: 'rounds:form.errors.countries',
  focus: 'rounds:form.errors.focus',
  focusLabel: 'rounds:form.errors.focusLabel',
  manualIndicators: 'rounds:form.errors.manual',
  'milestones.collectionClosesOn': 'rounds:form.errors.date',
  'milestones.reviewClosesOn': 'rounds:form.errors.date',
  'milestones.publicationOn': 'rounds:form.errors.date',
  'options.discrepancyShare': 'rounds:form.errors.discrepancy',
  'options.changeThreshold': 'rounds:form.errors.change',
  'options.redFlagCeiling': 'rounds:form.errors.redFlagCeiling',
}

/**
 * Checks the form with the shared request schema (the one the server applies), plus the rules the schema cannot
 * express: the period's order and a name for a custom topic. Returns catalog keys per field; empty when valid.
 */
export function validateRoundForm(form: RoundFormState, locale: string): RoundErrors {
  const errors: RoundErrors = {}
  const parsed = CreateRoundBodySchema.safeParse(toCreateBody(form, locale))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = roundFieldOf(issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.'))
      if (field && !errors[field]) errors[field] = SCHEMA_MESSAGE[field]
    }
  }
  if (!errors.periodFrom && !errors.periodTo && form.periodFrom > form.periodTo)
    errors.periodTo = 'rounds:form.errors.periodOrder'
  if (form.focus === 'custom' && !form.focusLabel.trim()) errors.focusLabel = 'rounds:form.errors.focusLabel'
  return errors
}

/** Server messages we know, mapped to catalog keys; anything else gets the generic sentence. */
const SERVER_MESSAGES: [RegExp, string][] = [
  [/ends before it starts/, 'rounds:form.errors.periodOrder'],
  [/published framework version|Unknown framework version/, 'rounds:form.errors.version'],
  [/Name the custom topic/, 'rounds:form.errors.focusLabel'],
  [/listed twice/, 'rounds:form.errors.countryTwice'],
  [/Unknown country/, 'rounds:form.errors.countries'],
  [/is not in this framework version/, 'rounds:form.errors.manual'],
]

/** Field errors (catalog keys) from the issues of a refused request. */
export function roundErrorsFromIssues(issues: readonly Issue[]): RoundErrors {
  const errors: RoundErrors = {}
  for (const issue of issues) {
    const field = roundFieldOf(issue.path)
    if (!field || errors[field]) continue
    errors[field] = SERVER_MESSAGES.find(([re]) => re.test(issue.message))?.[1] ?? 'common:fieldErrors.invalid'
  }
  return errors
}

/** The form filled from an existing round (for editing its name and milestones). */
export function roundFormFrom(round: Round): RoundFormState {
  return {
    ...emptyRoundForm(),
    name: round.name,
    frameworkVersionId: round.frameworkVersion.id,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    countries: round.countries.map((c) => c.code),
    focus: round.focus,
    manualIndicators: round.manualIndicators,
    collectionClosesOn: round.milestones.collectionClosesOn ?? '',
    reviewClosesOn: round.milestones.reviewClosesOn ?? '',
    publicationOn: round.milestones.publicationOn ?? '',
  }
}

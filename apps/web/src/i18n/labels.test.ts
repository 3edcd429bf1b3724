import {
  ANSWER_STATUSES,
  ASSESSMENT_STATUSES,
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_TYPES,
  CHOICES,
  CONFIDENCE_LEVELS,
  CONTENT_LOCALES,
  DiffEntrySchema,
  ERROR_STATUS,
  EVIDENCE_KINDS,
  FOLLOW_UP_STATUSES,
  IMPORT_SOURCES,
  INDICATOR_KINDS,
  IndicatorDocSchema,
  LEGAL_INSTRUMENTS,
  LINEAGE_TYPES,
  MEASUREMENT_TYPES,
  NOTIFICATION_KINDS,
  ORGANISATION_TYPES,
  PARTICIPANT_ROLES,
  type PasswordProblem,
  type PersonalDataKind,
  RECOMMENDATION_PRIORITIES,
  RECOMMENDATION_SOURCES,
  REPORT_FORMATS,
  REVIEW_CRITERIA,
  REVIEW_DECISIONS,
  REVIEW_PROPOSALS,
  REVIEW_STATUSES,
  ROLES,
  ROUND_FOCUSES,
  ROUND_STATUSES,
  SCORERS,
  SELECTION_REASONS,
  STANDARD_DIMENSIONS,
  TOPICS,
  TRANSLATION_FIELDS,
  VERSION_STATUSES,
  WORK_STATUSES,
} from '@thbm/shared'
import { flattenCatalog, LOCALES, NAMESPACES, resources } from '@thbm/shared/i18n'
import { describe, expect, it } from 'vitest'
import answerChecksSource from '../../../../packages/shared/src/answer-checks.ts?raw'
import { FLAGS } from '../features/handbook/filters.ts'

/**
 * Keys the UI builds at run time from a value (`enums:role.${role}`) escape the static i18n check, which only sees
 * literal keys: here every value of every list in packages/shared (and the few lists the web app keeps) must have
 * its label, in every one of the seven locales.
 */
const labels: [list: string, keys: string[]][] = [
  ['roles', ROLES.map((r) => `enums:role.${r}`)],
  ['organisation types', ORGANISATION_TYPES.map((o) => `enums:organisationType.${o}`)],
  ['audit actions', AUDIT_ACTIONS.map((a) => `enums:auditAction.${a}`)],
  ['audit subject types', AUDIT_SUBJECT_TYPES.map((s) => `enums:subjectType.${s}`)],
  ['content locales', CONTENT_LOCALES.map((l) => `enums:contentLocale.${l}`)],
  ['version statuses', VERSION_STATUSES.map((s) => `enums:versionStatus.${s}`)],
  ['indicator kinds', INDICATOR_KINDS.map((k) => `enums:indicatorKind.${k}`)],
  ['measurement types', MEASUREMENT_TYPES.map((m) => `enums:measurementType.${m}`)],
  ['indicator flags', FLAGS.map((f) => `enums:indicatorFlag.${f}`)],
  ['topics', TOPICS.map((t) => `enums:topic.${t}`)],
  ['legal instruments', LEGAL_INSTRUMENTS.map((l) => `enums:legalInstrument.${l}`)],
  ['lineage types', LINEAGE_TYPES.map((l) => `enums:lineageType.${l}`)],
  ['diff changes', DiffEntrySchema.shape.change.options.map((c) => `enums:diffChange.${c}`)],
  [
    'indicator fields (diff)',
    Object.keys(IndicatorDocSchema.shape)
      .filter((f) => f !== 'lineage')
      .map((f) => `enums:indicatorField.${f}`),
  ],
  [
    'dimensions and categories',
    Object.entries(STANDARD_DIMENSIONS).flatMap(([dim, categories]) => [
      `enums:dimension.${dim}`,
      ...categories.map((c) => `enums:dimensionCategory.${dim}.${c}`),
    ]),
  ],
  ['round statuses', ROUND_STATUSES.flatMap((s) => [`rounds:status.round.${s}`, `rounds:round.statusHint.${s}`])],
  [
    'round transitions',
    ROUND_STATUSES.slice(1).flatMap((s) =>
      ['button', 'title', 'explain', 'confirm'].map((part) => `rounds:transition.forward.${s}.${part}`),
    ),
  ],
  ['round focuses', [...ROUND_FOCUSES, 'none'].map((f) => `rounds:focus.${f}`)],
  ['selection reasons', SELECTION_REASONS.map((r) => `rounds:reason.${r}`)],
  ['answer statuses', ANSWER_STATUSES.map((s) => `rounds:status.answer.${s}`)],
  ['work statuses', WORK_STATUSES.map((s) => `rounds:status.work.${s}`)],
  ['answer choices', CHOICES.yes_partial_no.map((c) => `rounds:entry.choice.${c}`)],
  ['answer choices (Handbook)', CHOICES.yes_partial_no.map((c) => `handbook:measure.answer.${c}`)],
  ['score choices', CHOICES.yes_partial_no.map((c) => `assessments:score.choice.${c}`)],
  ['evidence kinds', EVIDENCE_KINDS.map((k) => `rounds:evidence.kind.${k}`)],
  ['import sources', IMPORT_SOURCES.map((s) => `rounds:imports.source.${s}`)],
  [
    'victim statuses (breakdowns)',
    STANDARD_DIMENSIONS.victim_status.flatMap((s) => [
      `rounds:breakdown.group.${s}`,
      `rounds:breakdown.groupTotal.${s}`,
    ]),
  ],
  ['assessment statuses', [...ASSESSMENT_STATUSES, 'not_started'].map((s) => `assessments:status.${s}`)],
  ['scorers', SCORERS.flatMap((s) => [`assessments:panel.scorer.${s}`, `assessments:double.scorer.${s}`])],
  [
    'confidence levels',
    CONFIDENCE_LEVELS.flatMap((c) => [`assessments:confidence.${c}`, `assessments:confidenceHint.${c}`]),
  ],
  ['follow-up statuses', [...FOLLOW_UP_STATUSES, 'none'].map((s) => `recommendations:status.${s}`)],
  [
    'recommendation priorities',
    RECOMMENDATION_PRIORITIES.flatMap((p) => [
      `recommendations:priority.label.${p}`,
      `recommendations:priority.hint.${p}`,
    ]),
  ],
  ['recommendation sources', RECOMMENDATION_SOURCES.map((s) => `recommendations:source.${s}`)],
  [
    'notification kinds',
    NOTIFICATION_KINDS.flatMap((k) => [`notifications:message.${k}`, `notifications:email.subject.${k}`]),
  ],
  ['review criteria', REVIEW_CRITERIA.map((c) => `review:criterion.${c}`)],
  ['review proposals', REVIEW_PROPOSALS.map((p) => `review:proposal.${p}`)],
  ['review decisions', REVIEW_DECISIONS.map((d) => `review:decision.${d}`)],
  ['review statuses', REVIEW_STATUSES.map((s) => `review:status.${s}`)],
  ['review participant roles', PARTICIPANT_ROLES.map((r) => `review:participantRole.${r}`)],
  ['report formats', REPORT_FORMATS.map((f) => `portal:downloads.format.${f}`)],
  ['translation fields', TRANSLATION_FIELDS.map((f) => `handbook:contentTranslation.field.${f}`)],
  ['version management', VERSION_STATUSES.map((s) => `handbook:manage.hint.${s}`)],
  ['error codes', Object.keys(ERROR_STATUS).map((c) => `common:errors.code.${c}`)],
  [
    'password problems',
    Object.keys({
      too_short: 1,
      too_long: 1,
      same_as_email: 1,
      too_common: 1,
    } satisfies Record<PasswordProblem, 1>).map((p) => `auth:password.problem.${p}`),
  ],
  [
    'personal-data warnings',
    Object.keys({ national_id: 1, passport: 1, phone: 1, name_and_date: 1 } satisfies Record<PersonalDataKind, 1>).map(
      (k) => `rounds:checks.personal.${k}`,
    ),
  ],
]

/** The codes of the answer checks (packages/shared/src/answer-checks.ts), read from its source. */
function answerCheckCodes(): string[] {
  const codes = [...answerChecksSource.matchAll(/\b(?:err|warn)\([^,]+,\s*'([a-z0-9_]+\.[a-z0-9_]+)'/g)].map(
    (m) => m[1] as string,
  )
  return [...new Set(codes)]
}

const catalogs = Object.fromEntries(
  LOCALES.map((locale) => {
    const keys = new Set<string>()
    for (const ns of NAMESPACES)
      for (const key of Object.keys(flattenCatalog(resources[locale][ns]))) keys.add(`${ns}:${key}`)
    return [locale, keys]
  }),
) as Record<(typeof LOCALES)[number], Set<string>>

describe('labels of the values the UI shows', () => {
  it.each(labels)('%s have a label in every locale', (_list, keys) => {
    expect(keys.length).toBeGreaterThan(0)
    const missing = LOCALES.flatMap((locale) =>
      keys.filter((k) => !catalogs[locale].has(k)).map((k) => `${locale} ${k}`),
    )
    expect(missing).toEqual([])
  })

  it('every answer check has its own sentence in every locale', () => {
    const codes = answerCheckCodes()
    // The list is read from the source: make sure the reading still finds the checks.
    expect(codes).toEqual(expect.arrayContaining(['number.negative', 'parts.mismatch', 'change.large']))
    const keys = codes
      .filter((c) => c !== 'change.large')
      .map((c) => `rounds:checks.code.${c.replace('.', '_')}`)
      .concat('rounds:checks.changeLarge', 'rounds:checks.changeLargeNoFigure', 'rounds:checks.personal.other')
    const missing = LOCALES.flatMap((locale) =>
      keys.filter((k) => !catalogs[locale].has(k)).map((k) => `${locale} ${k}`),
    )
    expect(missing).toEqual([])
  })
})

import { Anchor, List, Stack, Text } from '@mantine/core'
import type { Answer, Assessment, ContentLocale, IndicatorDoc } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { useDates } from '../rounds/dates.ts'
import { EvidenceFields } from '../rounds/EvidenceFields.tsx'
import { percentage } from '../rounds/numbers.ts'
import { draftFromAssessment } from './assessment-draft.ts'
import { ScoreMethod, useLevelText } from './ScoreFields.tsx'

interface Props {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  country: string
  assessment: Assessment
  answers: Answer[]
}

const multiline = (text: string | null, empty: string): ReactNode =>
  text ? <span style={{ whiteSpace: 'pre-line' }}>{text}</span> : empty

/** An assessment to read (submitted, validated, or for someone who does not write it): every part as label and value. */
export function AssessmentView({ indicator, baseLocale, country, assessment: a, answers }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const levelText = useLevelText(indicator, baseLocale)
  const m = indicator.measurement
  const none = t('assessments:view.none')
  const levels = m.type === 'rubric' || m.type === 'yes_partial_no'

  let value: ReactNode = none
  if (a.noData) value = t('assessments:view.noData', { reason: a.noDataReason ?? none })
  else if (levels && a.score !== null) {
    const { label, descriptor } = levelText(a.score)
    value = (
      <>
        <strong>{label}</strong>
        {descriptor?.text && (
          <>
            {' — '}
            <span lang={descriptor.lang}>{descriptor.text}</span>
          </>
        )}
      </>
    )
  } else if (m.type === 'percentage' && (a.value.numerator !== null || a.value.denominator !== null)) {
    const share = percentage(a.value.numerator, a.value.denominator)
    value = t('assessments:view.percentage', {
      numerator: a.value.numerator === null ? '—' : fmt.number(a.value.numerator, 2),
      denominator: a.value.denominator === null ? '—' : fmt.number(a.value.denominator, 2),
      percent: share === null ? '—' : fmt.percent(share / 100, 1),
    })
  } else if (a.value.number !== null) value = fmt.number(a.value.number, 2)
  else if (a.value.text) value = multiline(a.value.text, none)

  const sources = answers.filter((x) => a.sourceAnswerIds.includes(x.id))
  const sourceEvidence = answers.flatMap((x) =>
    x.evidence.filter((e) => a.answerEvidenceIds.includes(e.id)).map((e) => ({ ...e, organisation: x.organisation })),
  )
  const items = [
    { label: t('assessments:view.expert'), value: a.expert?.name ?? none },
    {
      label: !levels
        ? t('assessments:view.value')
        : a.scoringResolution
          ? t('assessments:view.settledScore')
          : t('assessments:view.score'),
      value,
    },
    ...(levels && a.expertScore !== null
      ? [{ label: t('assessments:view.expertScore'), value: levelText(a.expertScore).label }]
      : []),
    {
      label: t('assessments:view.normalised'),
      value: a.normalisedScore === null ? t('assessments:view.notScored') : fmt.number(a.normalisedScore, 1),
    },
    {
      label: t('assessments:view.sources'),
      value: sources.length ? sources.map((s) => s.organisation.name).join(', ') : none,
    },
    { label: t('assessments:form.consolidationNote'), value: multiline(a.consolidationNote, none) },
    ...(a.discrepancyResolution
      ? [{ label: t('assessments:form.discrepancyResolution'), value: multiline(a.discrepancyResolution, none) }]
      : []),
    { label: t('assessments:form.justification'), value: multiline(a.justification, none) },
    {
      label: t('assessments:form.confidence'),
      value: a.confidence ? t(`assessments:confidence.${a.confidence}`) : none,
    },
    { label: t('assessments:form.dataGaps'), value: multiline(a.dataGaps, none) },
  ]
  return (
    <Stack gap="md">
      <Facts items={items} />
      <ScoreMethod indicator={indicator} />
      <Stack gap="xs">
        <Text size="sm" fw={600} component="h3" m={0}>
          {t('assessments:evidence.title')}
        </Text>
        {sourceEvidence.length > 0 && (
          <List size="sm" spacing={2}>
            {sourceEvidence.map((e) => (
              <List.Item key={e.id}>
                {t('assessments:view.sourceEvidence', { title: e.title, organisation: e.organisation.name })}
                {e.kind === 'link' && e.url && (
                  <>
                    {' '}
                    <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" className="break-all">
                      {e.url}
                    </Anchor>
                  </>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {(a.evidence.length > 0 || sourceEvidence.length === 0) && (
          <EvidenceFields country={country} evidence={draftFromAssessment(a).evidence} onChange={() => {}} readOnly />
        )}
      </Stack>
    </Stack>
  )
}

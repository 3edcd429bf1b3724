import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { type Assessment, type ContentLocale, type IndicatorDoc, type Scorer, scaleOf } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AlertIcon, CheckIcon, InfoIcon } from '../../components/icons.tsx'
import { useDates } from '../rounds/dates.ts'
import { doubleScoringState, firstExpertScore } from './double-scoring.ts'
import { useLevelText } from './ScoreFields.tsx'
import { SettleScoreModal } from './SettleScoreModal.tsx'

interface Props {
  /** The API path of the indicator's assessment. */
  path: string
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  /** The assessments the server let the reader see (each expert sees only their own until both submitted). */
  assessments: Assessment[]
  /** The reader reviews the country's assessments (the country lead): both are shown even before they are in. */
  reviewer: boolean
  /** The reader may settle a disagreement, and the round is open. */
  canSettle: boolean
  onSettled: (assessment: Assessment) => Promise<void> | void
}

const SCORERS: Scorer[] = ['primary', 'second']

/**
 * Independent double scoring on an indicator's entry page. An expert who sees only their own assessment is told the
 * scoring is blind. Once both are visible (always for the country lead), the two assessments side by side; when the
 * scores differ, a notice and (for the lead) "Settle the score"; once settled, the final score and the lead's note.
 */
export function DoubleScoringSummary(props: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const levelText = useLevelText(props.indicator, props.baseLocale)
  const [settling, setSettling] = useState(false)
  const primary = props.assessments.find((a) => a.scorer === 'primary') ?? null
  const second = props.assessments.find((a) => a.scorer === 'second') ?? null
  const state = doubleScoringState(props.indicator, primary, second)
  const none = t('assessments:view.none')
  const level = (n: number | null) => (n === null ? none : levelText(n).label)
  const levels = scaleOf(props.indicator.measurement)?.kind === 'levels'

  if (!props.reviewer && props.assessments.length < 2)
    return (
      <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('assessments:double.blindTitle')}>
        <Text size="sm">{t('assessments:double.blindText')}</Text>
      </Alert>
    )

  const byScorer = { primary, second }
  const rows: { label: string; value: (a: Assessment) => ReactNode; missing?: string }[] = [
    { label: t('assessments:view.expert'), value: (a) => a.expert?.name ?? none },
    {
      label: t('assessments:double.state'),
      value: (a) => t(`assessments:status.${a.status}`),
      missing: t('assessments:status.not_started'),
    },
    levels
      ? {
          label: t('assessments:double.ownScore'),
          value: (a) =>
            a.noData ? t('assessments:double.noData') : level(a.scorer === 'primary' ? firstExpertScore(a) : a.score),
        }
      : {
          label: t('assessments:view.normalised'),
          value: (a) =>
            a.noData
              ? t('assessments:double.noData')
              : a.normalisedScore === null
                ? t('assessments:view.notScored')
                : fmt.number(a.normalisedScore, 1),
        },
    {
      label: t('assessments:form.confidence'),
      value: (a) => (a.confidence ? t(`assessments:confidence.${a.confidence}`) : none),
    },
    {
      label: t('assessments:form.justification'),
      value: (a) => (a.justification ? <span style={{ whiteSpace: 'pre-line' }}>{a.justification}</span> : none),
    },
  ]
  const first = primary ? firstExpertScore(primary) : null

  return (
    <Stack gap="sm" data-testid="double-scoring">
      <Title order={3} size="h5">
        {t('assessments:double.compareTitle')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="scores-side-by-side">
          <Table.Caption className="visually-hidden">{t('assessments:double.compareCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {SCORERS.map((s) => (
                <Table.Th key={s} scope="col">
                  {t(`assessments:double.scorer.${s}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                {SCORERS.map((s) => {
                  const a = byScorer[s]
                  return <Table.Td key={s}>{a ? row.value(a) : (row.missing ?? none)}</Table.Td>
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {state.bothScored && !state.differ && primary?.score !== null && (
        <Text size="sm" data-testid="scores-agree">
          <CheckIcon size={14} style={{ verticalAlign: '-2px' }} />{' '}
          {t('assessments:double.agree', { level: level(primary?.score ?? null) })}
        </Text>
      )}
      {state.differ && primary && second && !state.settled && (
        <Alert
          color="orange"
          variant="light"
          icon={<AlertIcon />}
          title={t('assessments:double.differTitle')}
          data-testid="scores-differ"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('assessments:double.differText', { first: level(first), second: level(second.score) })}
            </Text>
            <Text size="sm">
              {props.reviewer ? t('assessments:double.differLead') : t('assessments:double.differExpert')}
            </Text>
            {props.canSettle && primary.status === 'submitted' && (
              <Button onClick={() => setSettling(true)}>{t('assessments:double.settle')}</Button>
            )}
          </Stack>
        </Alert>
      )}
      {state.settled && primary && (
        <Alert
          color="teal"
          variant="light"
          icon={<InfoIcon />}
          title={t('assessments:double.settledTitle')}
          data-testid="scores-settled"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {t('assessments:double.settledText', {
                final: level(primary.score),
                first: level(first),
                second: level(second?.score ?? null),
              })}
            </Text>
            <Text size="sm" fw={600} component="h4" m={0}>
              {t('assessments:double.settledNote')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="scores-settled-note">
              {primary.scoringResolution}
            </Text>
            {props.canSettle && primary.status === 'submitted' && second && (
              <Button variant="default" size="xs" onClick={() => setSettling(true)}>
                {t('assessments:double.change')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {settling && primary && second && (
        <SettleScoreModal
          path={props.path}
          indicator={props.indicator}
          baseLocale={props.baseLocale}
          primary={primary}
          second={second}
          onSettled={props.onSettled}
          onClose={() => setSettling(false)}
        />
      )}
    </Stack>
  )
}

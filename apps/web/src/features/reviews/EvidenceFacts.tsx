import { Text } from '@mantine/core'
import type { IndicatorEvidence } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { useReviewFormat } from './text.ts'

/** What the monitoring data says about an indicator: coverage, "no data", spread, recommendations, discrepancies. */
export function EvidenceFacts({ evidence }: { evidence: IndicatorEvidence | undefined }) {
  const { t } = useTranslation()
  const { percent, stat } = useReviewFormat()
  if (!evidence || evidence.listed === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('review:evidence.none')}
      </Text>
    )
  return (
    <Facts
      items={[
        {
          label: t('review:evidence.rounds'),
          value: t('review:evidence.roundsValue', { rounds: evidence.rounds, listed: evidence.listed }),
        },
        { label: t('review:evidence.dataShare'), value: percent(evidence.dataShare) },
        { label: t('review:evidence.noDataRate'), value: percent(evidence.noDataRate) },
        { label: t('review:evidence.scoreSpread'), value: stat(evidence.scoreSpread) },
        { label: t('review:evidence.recommendations'), value: String(evidence.recommendations) },
        { label: t('review:evidence.discrepancyRate'), value: percent(evidence.discrepancyRate) },
      ]}
    />
  )
}

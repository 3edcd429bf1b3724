import { Stack, Tabs } from '@mantine/core'
import type { ReviewDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { DecisionsTab } from './DecisionsTab.tsx'
import { OutputTab } from './OutputTab.tsx'
import { OverviewTab } from './OverviewTab.tsx'
import { ParticipantView } from './ParticipantView.tsx'
import { RatingsTab } from './RatingsTab.tsx'
import { ResultsTab } from './ResultsTab.tsx'

const TABS = ['overview', 'results', 'ratings', 'decisions', 'output', 'respond'] as const
type Tab = (typeof TABS)[number]

/**
 * The coordinator's workspace in tabs (the chosen one is in the address): participants and rounds, results with
 * evidence, anonymous individual ratings, decisions, and the draft version with the report. A coordinator who also
 * takes part rates in a tab of their own.
 */
export function CoordinatorView({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const asked = params.get('tab') as Tab | null
  const tabs = TABS.filter((tab) => tab !== 'respond' || review.me)
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'overview'
  const labels: Record<Tab, string> = {
    overview: t('review:tabs.overview'),
    results: t('review:tabs.results'),
    ratings: t('review:tabs.ratings'),
    decisions: t('review:tabs.decisions'),
    output: t('review:tabs.output'),
    respond: t('review:tabs.respond'),
  }
  return (
    <Tabs
      value={tab}
      onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('review:tabs.label')}>
        {tabs.map((v) => (
          <Tabs.Tab key={v} value={v}>
            {labels[v]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Stack pt="lg" gap="lg">
        <Tabs.Panel value="overview">
          <OverviewTab review={review} />
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <ResultsTab review={review} />
        </Tabs.Panel>
        <Tabs.Panel value="ratings">
          <RatingsTab review={review} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions">
          <DecisionsTab review={review} />
        </Tabs.Panel>
        <Tabs.Panel value="output">
          <OutputTab review={review} />
        </Tabs.Panel>
        {review.me && (
          <Tabs.Panel value="respond">
            <ParticipantView review={review} />
          </Tabs.Panel>
        )}
      </Stack>
    </Tabs>
  )
}

import { Button, Group, Select } from '@mantine/core'
import { FOLLOW_UP_STATUSES, RECOMMENDATION_PRIORITIES, type Recommendation } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  hasRecommendationFilters,
  issuingRounds,
  type RecommendationFilterKey,
  readRecommendationFilters,
  withoutRecommendationFilters,
  withRecommendationFilter,
} from './filters.ts'

/** Priority, latest status and issuing round filters; they live in the URL query. */
export function RecommendationFiltersBar({ recs }: { recs: Recommendation[] }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filters = readRecommendationFilters(params)
  const set = (key: RecommendationFilterKey, value: string | null) =>
    setParams((prev) => withRecommendationFilter(prev, key, value), { replace: true })
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('recommendations:filters.label')}>
      <Select
        label={t('recommendations:filters.priority')}
        placeholder={t('recommendations:filters.any')}
        data={RECOMMENDATION_PRIORITIES.map((p) => ({ value: p, label: t(`recommendations:priority.label.${p}`) }))}
        value={filters.priority}
        onChange={(v) => set('priority', v)}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label={t('recommendations:filters.status')}
        placeholder={t('recommendations:filters.any')}
        data={[
          ...FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`recommendations:status.${s}`) })),
          { value: 'none', label: t('recommendations:status.none') },
        ]}
        value={filters.status}
        onChange={(v) => set('status', v)}
        clearable
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('recommendations:filters.round')}
        placeholder={t('recommendations:filters.any')}
        data={issuingRounds(recs).map((r) => ({ value: r.id, label: r.name }))}
        value={filters.round}
        onChange={(v) => set('round', v)}
        clearable
        w={{ base: '100%', xs: 260 }}
      />
      {hasRecommendationFilters(filters) && (
        <Button
          variant="subtle"
          onClick={() => setParams((prev) => withoutRecommendationFilters(prev), { replace: true })}
        >
          {t('recommendations:filters.clear')}
        </Button>
      )}
    </Group>
  )
}

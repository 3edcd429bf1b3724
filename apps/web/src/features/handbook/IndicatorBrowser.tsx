import { Stack, Text } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { AreaSection } from './AreaSection.tsx'
import { hasFilters, matchesFilters, parseFilters } from './filters.ts'
import { IndicatorFilters } from './IndicatorFilters.tsx'

/** Areas in order with their indicators, narrowed by the search and filters kept in the URL. */
export function IndicatorBrowser({ version }: { version: VersionDetail }) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const filters = parseFilters(params)
  const filtering = hasFilters(filters)
  const shown = version.indicators.filter((ind) => matchesFilters(ind, filters))
  const areas = version.areas
    .map((area) => ({ area, indicators: shown.filter((i) => i.area === area.code) }))
    .filter((a) => !filtering || a.indicators.length > 0)
  return (
    <Stack gap="md">
      <Section title={t('handbook:browse.title')} description={t('handbook:browse.description')}>
        <IndicatorFilters filters={filters} />
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {filtering
            ? t('handbook:browse.countFiltered', { count: shown.length, total: version.indicators.length })
            : t('handbook:browse.count', { count: version.indicators.length, areas: version.areas.length })}
        </Text>
        {filtering && shown.length === 0 && <Text>{t('handbook:browse.empty')}</Text>}
      </Section>
      {areas.map(({ area, indicators }) => (
        <AreaSection key={area.id} version={version} area={area} indicators={indicators} filtering={filtering} />
      ))}
    </Stack>
  )
}

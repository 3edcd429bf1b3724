import { NativeSelect, Text } from '@mantine/core'
import type { CountryProfile } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Chart } from '../../components/Chart.tsx'
import { Section } from '../../components/Section.tsx'
import { readProfileIndicator, withParam } from './filters.ts'
import { chosenIndicator, statisticsIndicators, victimsSpec } from './profile-charts.ts'
import { localText } from './text.ts'

/** Persons identified and presumed over rounds for one indicator, chosen in a select that writes the URL. */
export function ProfileStatistics({ profile, country }: { profile: CountryProfile; country: string }) {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const stats = profile.statistics
  const code = chosenIndicator(stats, readProfileIndicator(params))
  const first = statisticsIndicators(stats)[0]?.code ?? null
  return (
    <Section title={t('dashboards:profile.victims.title')} description={t('dashboards:profile.victims.hint')}>
      {code === null || stats.cells.length === 0 ? (
        <Text size="sm">{t('dashboards:profile.victims.empty', { country })}</Text>
      ) : (
        <>
          <NativeSelect
            label={t('dashboards:profile.victims.indicator')}
            data={statisticsIndicators(stats).map((i) => ({
              value: i.code,
              label: `${i.code} · ${localText(i.title, i18n.language)}`,
            }))}
            value={code}
            // The default indicator stays out of the URL, so the plain address keeps following the data.
            onChange={(e) => {
              const next = e.currentTarget.value
              setParams((prev) => withParam(prev, 'indicator', next === first ? null : next), { replace: true })
            }}
            w={{ base: '100%', sm: 480 }}
          />
          <Chart spec={victimsSpec(stats, code, country, t, i18n.language)} height={340} />
        </>
      )}
    </Section>
  )
}

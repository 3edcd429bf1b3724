import { Stack, Title } from '@mantine/core'
import type { AdaptationItem, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Section } from '../../components/Section.tsx'
import { AdaptationItemRow } from './AdaptationItemRow.tsx'
import type { AdaptationDraft } from './adaptation-state.ts'
import { defaultItem } from './adaptation-state.ts'
import { useContentText } from './useContentText.ts'

interface Props {
  version: VersionDetail
  draft: AdaptationDraft
  setItem: (code: string, item: AdaptationItem) => void
  errors: Record<string, string>
  readOnly: boolean
}

/** Every indicator of the version by area, each with its include choice and national details. */
export function AdaptationIndicators({ version, draft, setItem, errors, readOnly }: Props) {
  const { t } = useTranslation()
  const pick = useContentText(version.framework.baseLocale)
  return (
    <Section title={t('handbook:adaptation.indicatorsTitle')} description={t('handbook:adaptation.indicatorsHint')}>
      {version.areas.map((area) => {
        const indicators = version.indicators.filter((i) => i.area === area.code)
        if (indicators.length === 0) return null
        const title = pick(area.title)
        return (
          <Stack key={area.id} gap={0} component="section" aria-labelledby={`adapt-area-${area.code}`}>
            <Title order={3} size="h5" id={`adapt-area-${area.code}`} mb={4}>
              {area.code} · <span lang={title.lang}>{title.text}</span>
            </Title>
            <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {indicators.map((ind) => (
                <AdaptationItemRow
                  key={ind.code}
                  version={version}
                  indicator={ind}
                  item={draft.items[ind.code] ?? defaultItem(ind.code)}
                  onChange={(item) => setItem(ind.code, item)}
                  errors={errors}
                  readOnly={readOnly}
                />
              ))}
            </Stack>
          </Stack>
        )
      })}
    </Section>
  )
}

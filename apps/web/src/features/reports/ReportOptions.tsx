import { Group, NativeSelect, Radio } from '@mantine/core'
import { isLocale, LOCALE_NAMES, LOCALES } from '@thbm/shared/locales'
import { useTranslation } from 'react-i18next'
import { Section } from '../../components/Section.tsx'
import type { ReportChoice } from './api.ts'

/** The language of the documents (each language named in itself) and whether figures are internal or public. */
export function ReportOptions({ value, onChange }: { value: ReportChoice; onChange: (next: ReportChoice) => void }) {
  const { t } = useTranslation()
  return (
    <Section title={t('reports:options.title')}>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <NativeSelect
          label={t('reports:options.language')}
          value={value.lang}
          onChange={(e) => {
            const lang = e.currentTarget.value
            if (isLocale(lang)) onChange({ ...value, lang })
          }}
          w={{ base: '100%', xs: 240 }}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </NativeSelect>
        <Radio.Group
          label={t('reports:options.disclosure')}
          description={t('reports:options.disclosureHint')}
          value={value.disclosure}
          onChange={(v) => onChange({ ...value, disclosure: v === 'public' ? 'public' : 'internal' })}
          maw={560}
        >
          <Group gap="lg" mt={6}>
            <Radio value="internal" label={t('reports:options.internal')} />
            <Radio value="public" label={t('reports:options.public')} />
          </Group>
        </Radio.Group>
      </Group>
    </Section>
  )
}

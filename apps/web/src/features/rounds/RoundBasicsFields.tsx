import { MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { useFrameworks } from './api.ts'
import type { RoundFormState } from './round-form.ts'
import { useLocalText } from './text.tsx'

export interface RoundFieldsProps {
  form: RoundFormState
  onChange: (patch: Partial<RoundFormState>) => void
  /** Translated messages per field. */
  errors: Record<string, string | undefined>
  labels: Record<string, string>
}

/** Name, framework version (published only), reference period and countries of a new round. */
export function RoundBasicsFields({ form, onChange, errors, labels }: RoundFieldsProps) {
  const { t, i18n } = useTranslation()
  const frameworks = useFrameworks()
  const countries = useCountries()
  const pick = useLocalText()
  const versions = (frameworks.data ?? []).flatMap((f) =>
    f.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({
        value: v.id,
        label: t('rounds:form.versionOption', { framework: f.code, version: v.label, name: pick(f.name).text }),
      })),
  )
  return (
    <Stack gap="md">
      <TextInput
        id={fieldId('round', 'name')}
        label={labels.name}
        description={t('rounds:form.nameHint')}
        value={form.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors.name}
        required
        data-autofocus
      />
      <Select
        id={fieldId('round', 'frameworkVersionId')}
        label={labels.frameworkVersionId}
        description={t('rounds:form.versionHint')}
        placeholder={frameworks.isPending ? t('common:status.loading') : t('rounds:form.versionPlaceholder')}
        data={versions}
        value={form.frameworkVersionId}
        onChange={(v) => onChange({ frameworkVersionId: v, manualIndicators: [] })}
        error={errors.frameworkVersionId}
        allowDeselect={false}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput
          id={fieldId('round', 'periodFrom')}
          type="date"
          label={labels.periodFrom}
          value={form.periodFrom}
          onChange={(e) => onChange({ periodFrom: e.currentTarget.value })}
          error={errors.periodFrom}
          required
        />
        <TextInput
          id={fieldId('round', 'periodTo')}
          type="date"
          label={labels.periodTo}
          description={t('rounds:form.periodHint')}
          value={form.periodTo}
          onChange={(e) => onChange({ periodTo: e.currentTarget.value })}
          error={errors.periodTo}
          required
        />
      </SimpleGrid>
      <MultiSelect
        id={fieldId('round', 'countries')}
        label={labels.countries}
        placeholder={form.countries.length ? undefined : t('rounds:form.countriesPlaceholder')}
        data={(countries.data ?? []).map((c) => ({ value: c.code, label: countryName(c, i18n.language) }))}
        value={form.countries}
        onChange={(v) => onChange({ countries: v })}
        error={errors.countries}
        searchable
        required
        hidePickedOptions
      />
    </Stack>
  )
}

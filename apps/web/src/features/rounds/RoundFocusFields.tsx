import { MultiSelect, Select, Stack, TextInput } from '@mantine/core'
import { ROUND_FOCUSES, type RoundFocus } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { useFrameworkVersion } from './api.ts'
import type { RoundFieldsProps } from './RoundBasicsFields.tsx'
import { useLocalText } from './text.tsx'

const NO_FOCUS = 'none'

/**
 * The round's thematic focus (a custom topic is named here) and indicators added by hand. Core indicators and those
 * tagged with the focus are in every country's list anyway, so only the others are offered.
 */
export function RoundFocusFields({ form, onChange, errors, labels }: RoundFieldsProps) {
  const { t } = useTranslation()
  const version = useFrameworkVersion(form.frameworkVersionId)
  const pick = useLocalText(version.data?.framework.baseLocale)
  const focusTopic = form.focus && form.focus !== 'custom' ? form.focus : null
  const optional = (version.data?.indicators ?? []).filter(
    (i) => !i.core && !(focusTopic && i.topics.includes(focusTopic)),
  )
  return (
    <Stack gap="md">
      <Select
        id={fieldId('round', 'focus')}
        label={labels.focus}
        description={t('rounds:form.focusHint')}
        data={[
          { value: NO_FOCUS, label: t('rounds:focus.none') },
          ...ROUND_FOCUSES.map((f) => ({ value: f, label: t(`rounds:focus.${f}`) })),
        ]}
        value={form.focus ?? NO_FOCUS}
        onChange={(v) => onChange({ focus: !v || v === NO_FOCUS ? null : (v as RoundFocus) })}
        error={errors.focus}
        allowDeselect={false}
      />
      {form.focus === 'custom' && (
        <TextInput
          id={fieldId('round', 'focusLabel')}
          label={labels.focusLabel}
          description={t('rounds:form.focusLabelHint')}
          value={form.focusLabel}
          onChange={(e) => onChange({ focusLabel: e.currentTarget.value })}
          error={errors.focusLabel}
          required
        />
      )}
      <MultiSelect
        id={fieldId('round', 'manualIndicators')}
        label={labels.manualIndicators}
        description={form.frameworkVersionId ? t('rounds:form.manualHint') : t('rounds:form.manualNeedsVersion')}
        placeholder={form.manualIndicators.length ? undefined : t('rounds:form.manualPlaceholder')}
        data={optional.map((i) => ({ value: i.code, label: `${i.code} — ${pick(i.title).text}` }))}
        value={form.manualIndicators}
        onChange={(v) => onChange({ manualIndicators: v })}
        error={errors.manualIndicators}
        disabled={!form.frameworkVersionId}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={280}
      />
    </Stack>
  )
}

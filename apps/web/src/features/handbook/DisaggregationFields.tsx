import { Checkbox, Fieldset, Group, Stack } from '@mantine/core'
import { STANDARD_DIMENSION_CODES, type StandardDimension } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { CustomDimensionsField } from './CustomDimensionsField.tsx'
import type { FieldGroupProps } from './IndicatorForm.tsx'

/** Standard disaggregation dimensions (checkboxes) and the indicator's own dimensions. */
export function DisaggregationFields({ idPrefix, doc, set, baseLocale, errors }: FieldGroupProps) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('handbook:form.disaggregation')}>
      <Stack gap="md">
        <Checkbox.Group
          id={fieldId(idPrefix, 'disaggregations')}
          label={t('handbook:form.disaggregations')}
          description={t('handbook:form.disaggregationsHint')}
          value={doc.disaggregations}
          onChange={(v) => set('disaggregations', v as StandardDimension[])}
          error={errors.disaggregations}
        >
          <Group gap="md" mt={6}>
            {STANDARD_DIMENSION_CODES.map((dim) => (
              <Checkbox key={dim} value={dim} label={t(`enums:dimension.${dim}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <CustomDimensionsField
          idPrefix={idPrefix}
          value={doc.customDimensions}
          onChange={(v) => set('customDimensions', v)}
          baseLocale={baseLocale}
          errors={errors}
        />
      </Stack>
    </Fieldset>
  )
}

import { Fieldset, NativeSelect, Stack, TextInput } from '@mantine/core'
import { MEASUREMENT_TYPES, type Measurement, type MeasurementType } from '@thbm/shared'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { FieldGroupProps } from './IndicatorForm.tsx'
import { defaultMeasurement } from './indicator-form.ts'
import { LocalizedInput } from './LocalizedInput.tsx'
import { TargetBandsField } from './TargetBandsField.tsx'

/** The measurement type and what it needs: rubric levels, yes/partial/no descriptors, unit, currency, bands. */
export function MeasurementFields({ idPrefix, doc, set, baseLocale, errors }: FieldGroupProps) {
  const { t } = useTranslation()
  const m = doc.measurement
  // Switching type and back restores what was typed for that type.
  const byType = useRef<Partial<Record<MeasurementType, Measurement>>>({ [m.type]: m })
  const change = (next: Measurement) => {
    byType.current[next.type] = next
    set('measurement', next)
  }
  const text = { idPrefix, baseLocale, errors }
  return (
    <Fieldset legend={t('handbook:form.measurement')}>
      <Stack gap="sm">
        <NativeSelect
          id={fieldId(idPrefix, 'measurement.type')}
          label={t('handbook:form.measurementType')}
          data={MEASUREMENT_TYPES.map((type) => ({ value: type, label: t(`enums:measurementType.${type}`) }))}
          value={m.type}
          onChange={(e) => {
            const type = e.currentTarget.value as MeasurementType
            change(byType.current[type] ?? defaultMeasurement(type))
          }}
          error={errors['measurement.type']}
          required
          maw={360}
        />
        {m.type === 'rubric' &&
          m.levels.map((level, i) => (
            <LocalizedInput
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are positional (0 to 4)
              key={i}
              {...text}
              path={`measurement.levels[${i}]`}
              label={t('handbook:measure.level', { level: i })}
              value={level}
              onChange={(v) => change({ ...m, levels: m.levels.map((l, j) => (j === i ? v : l)) })}
              multiline
              required
            />
          ))}
        {m.type === 'yes_partial_no' &&
          (['yes', 'partial', 'no'] as const).map((answer) => (
            <LocalizedInput
              key={answer}
              {...text}
              path={`measurement.descriptors.${answer}`}
              label={t(`handbook:measure.answer.${answer}`)}
              value={m.descriptors[answer]}
              onChange={(v) => change({ ...m, descriptors: { ...m.descriptors, [answer]: v } })}
              multiline
              required
            />
          ))}
        {m.type === 'count' && (
          <LocalizedInput
            {...text}
            path="measurement.unit"
            label={t('handbook:form.countUnit')}
            value={m.unit}
            onChange={(v) => change({ ...m, unit: v })}
          />
        )}
        {m.type === 'percentage' && (
          <>
            <LocalizedInput
              {...text}
              path="measurement.numeratorLabel"
              label={t('handbook:measure.numerator')}
              value={m.numeratorLabel}
              onChange={(v) => change({ ...m, numeratorLabel: v })}
            />
            <LocalizedInput
              {...text}
              path="measurement.denominatorLabel"
              label={t('handbook:measure.denominator')}
              value={m.denominatorLabel}
              onChange={(v) => change({ ...m, denominatorLabel: v })}
            />
          </>
        )}
        {(m.type === 'count' || m.type === 'percentage') && (
          <TargetBandsField
            idPrefix={idPrefix}
            value={m.targetBands ?? []}
            onChange={(bands) => change({ ...m, targetBands: bands.length ? bands : undefined })}
            errors={errors}
          />
        )}
        {m.type === 'amount' && (
          <TextInput
            id={fieldId(idPrefix, 'measurement.currency')}
            label={t('handbook:form.currency')}
            description={t('handbook:form.currencyHint')}
            value={m.currency}
            onChange={(e) => change({ ...m, currency: e.currentTarget.value.toUpperCase() })}
            error={errors['measurement.currency']}
            maxLength={3}
            required
            maw={200}
          />
        )}
      </Stack>
    </Fieldset>
  )
}

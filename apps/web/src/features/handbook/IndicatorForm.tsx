import { Button, Group, Stack } from '@mantine/core'
import type { ContentLocale, CreateIndicatorBody, LocalizedText } from '@thbm/shared'
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { BasicsFields } from './BasicsFields.tsx'
import { ClassificationFields } from './ClassificationFields.tsx'
import { DisaggregationFields } from './DisaggregationFields.tsx'
import { labelsFor } from './form-labels.ts'
import { cleanIndicator, validateIndicator } from './indicator-form.ts'
import { LegalReferencesField } from './LegalReferencesField.tsx'
import { MeasurementFields } from './MeasurementFields.tsx'

/** What every group of fields of the indicator form receives. */
export interface FieldGroupProps {
  idPrefix: string
  doc: CreateIndicatorBody
  set: <K extends keyof CreateIndicatorBody>(key: K, value: CreateIndicatorBody[K]) => void
  baseLocale: ContentLocale
  errors: Record<string, string | undefined>
}

interface IndicatorFormProps {
  idPrefix: string
  initial: CreateIndicatorBody
  areas: { code: string; title: LocalizedText }[]
  baseLocale: ContentLocale
  /** Problems the server reported, by field path, already translated. */
  serverErrors: Record<string, string>
  submitting: boolean
  submitLabel: string
  onSubmit: (doc: CreateIndicatorBody) => void
  onCancel: () => void
  /** Shown above the fields (a conflict or a general error). */
  top?: ReactNode
}

/**
 * Every field of an indicator. Checked on submit with the shared schema and the Handbook's rules; problems are
 * listed in an announced summary linking to each field, and shown on the fields themselves (server ones too).
 */
export function IndicatorForm(props: IndicatorFormProps) {
  const { idPrefix, initial, areas, baseLocale, serverErrors, submitting, submitLabel, onSubmit, onCancel, top } = props
  const { t } = useTranslation()
  const [doc, setDoc] = useState(initial)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const set: FieldGroupProps['set'] = (key, value) => setDoc((d) => ({ ...d, [key]: value }))
  const translated = Object.fromEntries(Object.entries(clientErrors).map(([k, key]) => [k, t(key)]))
  const errors = { ...serverErrors, ...translated }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const cleaned = cleanIndicator(doc)
    const problems = validateIndicator(cleaned, baseLocale)
    setClientErrors(problems)
    if (Object.keys(problems).length === 0) onSubmit(cleaned)
  }
  const group: FieldGroupProps = { idPrefix, doc, set, baseLocale, errors }
  return (
    <form onSubmit={submit} noValidate aria-label={t('handbook:form.label')}>
      <Stack gap="lg">
        {top}
        <FormErrorSummary errors={errors} labels={labelsFor(t, errors)} idPrefix={idPrefix} />
        <BasicsFields {...group} areas={areas} />
        <MeasurementFields {...group} />
        <DisaggregationFields {...group} />
        <LegalReferencesField
          idPrefix={idPrefix}
          path="legalReferences"
          value={doc.legalReferences}
          onChange={(v) => set('legalReferences', v)}
          errors={errors}
        />
        <ClassificationFields {...group} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

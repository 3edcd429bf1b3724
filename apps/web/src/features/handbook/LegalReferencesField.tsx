import { Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { LEGAL_INSTRUMENTS, type LegalInstrument, type LegalReference } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'

interface Props {
  idPrefix: string
  /** The list's path (`legalReferences`, `items[3].nationalLegalReferences`), for ids and errors. */
  path: string
  value: LegalReference[]
  onChange: (next: LegalReference[]) => void
  errors: Record<string, string | undefined>
  legend?: string
}

const MAX = 30

/** A list of legal references: instrument, article, and a title for national or other instruments. */
export function LegalReferencesField({ idPrefix, path, value, onChange, errors, legend }: Props) {
  const { t } = useTranslation()
  const setRef = (i: number, patch: Partial<LegalReference>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <Fieldset legend={legend ?? t('handbook:form.legalReferences')}>
      <Stack gap="sm">
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('handbook:legal.none')}
          </Text>
        )}
        {value.map((ref, i) => {
          const at = `${path}[${i}]`
          const n = i + 1
          const needsTitle = ref.instrument === 'national' || ref.instrument === 'other'
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: references are positional
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                id={fieldId(idPrefix, `${at}.instrument`)}
                label={t('handbook:form.instrumentN', { n })}
                data={LEGAL_INSTRUMENTS.map((v) => ({ value: v, label: t(`enums:legalInstrument.${v}`) }))}
                value={ref.instrument}
                onChange={(e) => setRef(i, { instrument: e.currentTarget.value as LegalInstrument })}
                error={errors[`${at}.instrument`]}
                w={{ base: '100%', sm: 280 }}
              />
              <TextInput
                id={fieldId(idPrefix, `${at}.article`)}
                label={t('handbook:form.articleN', { n })}
                value={ref.article}
                onChange={(e) => setRef(i, { article: e.currentTarget.value })}
                error={errors[`${at}.article`]}
                w={{ base: '100%', sm: 140 }}
              />
              {needsTitle && (
                <TextInput
                  id={fieldId(idPrefix, `${at}.title`)}
                  label={t('handbook:form.instrumentTitleN', { n })}
                  value={ref.title ?? ''}
                  onChange={(e) => setRef(i, { title: e.currentTarget.value || undefined })}
                  error={errors[`${at}.title`]}
                  w={{ base: '100%', sm: 280 }}
                />
              )}
              <Button variant="subtle" size="sm" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('handbook:form.removeReferenceN', { n })}
              </Button>
            </Group>
          )
        })}
        {value.length < MAX && (
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => onChange([...value, { instrument: 'national', article: '' }])}
            >
              {t('handbook:form.addReference')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  )
}

import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core'
import type { ContentLocale, CustomDimension } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { LocalizedInput } from './LocalizedInput.tsx'

interface Props {
  idPrefix: string
  value: CustomDimension[]
  onChange: (next: CustomDimension[]) => void
  baseLocale: ContentLocale
  errors: Record<string, string | undefined>
}

const MAX_DIMENSIONS = 5
const emptyDimension = (): CustomDimension => ({
  code: '',
  label: {},
  categories: [
    { code: '', label: {} },
    { code: '', label: {} },
  ],
})

/** The indicator's own dimensions: a code, a label and two or more categories each. */
export function CustomDimensionsField({ idPrefix, value, onChange, baseLocale, errors }: Props) {
  const { t } = useTranslation()
  const setDim = (i: number, next: CustomDimension) => onChange(value.map((d, j) => (j === i ? next : d)))
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('handbook:form.customDimensions')}
      </Text>
      {value.map((dim, i) => {
        const at = `customDimensions[${i}]`
        const n = i + 1
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positional until saved
          <Fieldset key={i} legend={t('handbook:form.customDimensionN', { n })} variant="filled">
            <Stack gap="xs">
              <TextInput
                id={fieldId(idPrefix, `${at}.code`)}
                label={t('handbook:form.dimensionCode')}
                description={t('handbook:form.dimensionCodeHint')}
                value={dim.code}
                onChange={(e) => setDim(i, { ...dim, code: e.currentTarget.value })}
                error={errors[`${at}.code`]}
                required
                maw={280}
              />
              <LocalizedInput
                idPrefix={idPrefix}
                path={`${at}.label`}
                label={t('handbook:form.dimensionLabel')}
                value={dim.label}
                onChange={(label) => setDim(i, { ...dim, label })}
                baseLocale={baseLocale}
                errors={errors}
                required
              />
              {dim.categories.map((cat, j) => {
                const catAt = `${at}.categories[${j}]`
                const setCat = (patch: Partial<typeof cat>) =>
                  setDim(i, { ...dim, categories: dim.categories.map((c, k) => (k === j ? { ...c, ...patch } : c)) })
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: categories are positional until saved
                  <Group key={j} gap="xs" align="flex-end" wrap="wrap">
                    <TextInput
                      id={fieldId(idPrefix, `${catAt}.code`)}
                      label={t('handbook:form.categoryCodeN', { n: j + 1 })}
                      value={cat.code}
                      onChange={(e) => setCat({ code: e.currentTarget.value })}
                      error={errors[`${catAt}.code`]}
                      required
                      w={{ base: '100%', sm: 180 }}
                    />
                    <div style={{ flex: 1, minWidth: 220 }}>
                      <LocalizedInput
                        idPrefix={idPrefix}
                        path={`${catAt}.label`}
                        label={t('handbook:form.categoryLabelN', { n: j + 1 })}
                        value={cat.label}
                        onChange={(label) => setCat({ label })}
                        baseLocale={baseLocale}
                        errors={errors}
                        required
                      />
                    </div>
                    {dim.categories.length > 2 && (
                      <Button
                        variant="subtle"
                        size="sm"
                        onClick={() => setDim(i, { ...dim, categories: dim.categories.filter((_, k) => k !== j) })}
                      >
                        {t('handbook:form.removeCategoryN', { n: j + 1 })}
                      </Button>
                    )}
                  </Group>
                )
              })}
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setDim(i, { ...dim, categories: [...dim.categories, { code: '', label: {} }] })}
                >
                  {t('handbook:form.addCategory')}
                </Button>
                <Button variant="subtle" size="xs" onClick={() => onChange(value.filter((_, k) => k !== i))}>
                  {t('handbook:form.removeDimensionN', { n })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        )
      })}
      {value.length < MAX_DIMENSIONS && (
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...value, emptyDimension()])}>
            {t('handbook:form.addDimension')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

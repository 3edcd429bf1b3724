import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { INDICATOR_KINDS, type IndicatorKind, type LocalizedText } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { FieldGroupProps } from './IndicatorForm.tsx'
import { LocalizedInput } from './LocalizedInput.tsx'
import { useContentText } from './useContentText.ts'

/** Code, area, kind, title, definition, guidance and unit. */
export function BasicsFields({
  idPrefix,
  doc,
  set,
  baseLocale,
  errors,
  areas,
}: FieldGroupProps & { areas: { code: string; title: LocalizedText }[] }) {
  const { t } = useTranslation()
  const pick = useContentText(baseLocale)
  const text = { idPrefix, baseLocale, errors }
  return (
    <Fieldset legend={t('handbook:form.basics')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            id={fieldId(idPrefix, 'code')}
            label={t('handbook:form.code')}
            description={t('handbook:form.codeHint')}
            value={doc.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
            required
          />
          <NativeSelect
            id={fieldId(idPrefix, 'area')}
            label={t('handbook:form.area')}
            data={areas.map((a) => ({ value: a.code, label: `${a.code} · ${pick(a.title).text}` }))}
            value={doc.area}
            onChange={(e) => set('area', e.currentTarget.value)}
            error={errors.area}
            required
          />
          <NativeSelect
            id={fieldId(idPrefix, 'kind')}
            label={t('handbook:form.kind')}
            data={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`enums:indicatorKind.${k}`) }))}
            value={doc.kind}
            onChange={(e) => set('kind', e.currentTarget.value as IndicatorKind)}
            error={errors.kind}
            required
          />
        </SimpleGrid>
        <LocalizedInput
          {...text}
          path="title"
          label={t('handbook:form.title')}
          value={doc.title}
          onChange={(v) => set('title', v)}
          required
        />
        <LocalizedInput
          {...text}
          path="definition"
          label={t('handbook:form.definition')}
          value={doc.definition}
          onChange={(v) => set('definition', v)}
          multiline
          required
        />
        <LocalizedInput
          {...text}
          path="guidance"
          label={t('handbook:form.guidance')}
          value={doc.guidance}
          onChange={(v) => set('guidance', v)}
          multiline
        />
        <LocalizedInput
          {...text}
          path="unit"
          label={t('handbook:form.unit')}
          description={t('handbook:form.unitHint')}
          value={doc.unit}
          onChange={(v) => set('unit', v)}
        />
      </Stack>
    </Fieldset>
  )
}

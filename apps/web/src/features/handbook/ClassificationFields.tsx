import { Checkbox, Fieldset, Group, NumberInput, Stack } from '@mantine/core'
import { ORGANISATION_TYPES, type OrganisationType, TOPICS, type Topic } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { FieldGroupProps } from './IndicatorForm.tsx'

/** Expected sources, topics, the three flags and the weight. */
export function ClassificationFields({ idPrefix, doc, set, errors }: FieldGroupProps) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('handbook:form.classification')}>
      <Stack gap="md">
        <Checkbox.Group
          id={fieldId(idPrefix, 'sources')}
          label={t('handbook:form.sources')}
          value={doc.sources}
          onChange={(v) => set('sources', v as OrganisationType[])}
          error={errors.sources}
        >
          <Group gap="md" mt={6}>
            {ORGANISATION_TYPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`enums:organisationType.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          id={fieldId(idPrefix, 'topics')}
          label={t('handbook:form.topics')}
          value={doc.topics}
          onChange={(v) => set('topics', v as Topic[])}
          error={errors.topics}
        >
          <Group gap="md" mt={6}>
            {TOPICS.map((s) => (
              <Checkbox key={s} value={s} label={t(`enums:topic.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap="xs">
          <Checkbox
            id={fieldId(idPrefix, 'core')}
            label={t('enums:indicatorFlag.core')}
            description={t('handbook:form.coreHint')}
            checked={doc.core}
            onChange={(e) => set('core', e.currentTarget.checked)}
            error={errors.core}
          />
          <Checkbox
            id={fieldId(idPrefix, 'frameworkIndicator')}
            label={t('enums:indicatorFlag.framework')}
            description={t('handbook:form.frameworkHint')}
            checked={doc.frameworkIndicator}
            onChange={(e) => set('frameworkIndicator', e.currentTarget.checked)}
            error={errors.frameworkIndicator}
          />
          <Checkbox
            id={fieldId(idPrefix, 'redFlag')}
            label={t('enums:indicatorFlag.redFlag')}
            description={t('handbook:form.redFlagHint')}
            checked={doc.redFlag}
            onChange={(e) => set('redFlag', e.currentTarget.checked)}
            error={errors.redFlag}
          />
        </Stack>
        <NumberInput
          id={fieldId(idPrefix, 'weight')}
          label={t('handbook:form.weight')}
          description={t('handbook:form.weightHint')}
          value={doc.weight}
          min={0}
          max={100}
          onChange={(v) => set('weight', typeof v === 'number' ? v : Number.parseFloat(v) || 0)}
          error={errors.weight}
          maw={200}
        />
      </Stack>
    </Fieldset>
  )
}

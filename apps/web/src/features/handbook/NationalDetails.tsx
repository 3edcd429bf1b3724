import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core'
import { type AdaptationItem, ORGANISATION_TYPES, type OrganisationType, type VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { LegalReferencesField } from './LegalReferencesField.tsx'
import { LegalReferencesView } from './LegalReferencesView.tsx'
import { LocalizedInput } from './LocalizedInput.tsx'
import { LocalText } from './LocalText.tsx'

interface Props {
  version: VersionDetail
  item: AdaptationItem
  onChange: (item: AdaptationItem) => void
  errors: Record<string, string>
  /** Path of the item for ids and errors (`items.IDN-1`). */
  path: string
  readOnly: boolean
}

/** The country's note, legal references and sources for one indicator; shown as text when read-only. */
export function NationalDetails({ version, item, onChange, errors, path, readOnly }: Props) {
  const { t } = useTranslation()
  const base = version.framework.baseLocale
  if (readOnly) {
    return (
      <Paper bg="gray.0" p="sm" mt="xs" radius="sm">
        <Facts
          items={[
            {
              label: t('handbook:adaptation.note'),
              value: (
                <LocalText text={item.nationalNote} baseLocale={base} size="sm" empty={t('handbook:measure.none')} />
              ),
            },
            {
              label: t('handbook:adaptation.legal'),
              value: <LegalReferencesView references={item.nationalLegalReferences} />,
            },
            {
              label: t('handbook:adaptation.sources'),
              value: item.nationalSources.length
                ? item.nationalSources.map((s) => t(`enums:organisationType.${s}`)).join(', ')
                : t('handbook:measure.none'),
            },
          ]}
        />
      </Paper>
    )
  }
  return (
    <Paper bg="gray.0" p="sm" mt="xs" radius="sm">
      <Stack gap="sm">
        <LocalizedInput
          idPrefix="adapt"
          path={`${path}.nationalNote`}
          label={t('handbook:adaptation.note')}
          value={item.nationalNote}
          onChange={(nationalNote) => onChange({ ...item, nationalNote })}
          baseLocale={base}
          errors={errors}
          multiline
        />
        <LegalReferencesField
          idPrefix="adapt"
          path={`${path}.nationalLegalReferences`}
          legend={t('handbook:adaptation.legal')}
          value={item.nationalLegalReferences}
          onChange={(nationalLegalReferences) => onChange({ ...item, nationalLegalReferences })}
          errors={errors}
        />
        <Checkbox.Group
          id={fieldId('adapt', `${path}.nationalSources`)}
          label={t('handbook:adaptation.sources')}
          value={item.nationalSources}
          onChange={(v) => onChange({ ...item, nationalSources: v as OrganisationType[] })}
          error={errors[`${path}.nationalSources`]}
        >
          <Group gap="md" mt={6}>
            {ORGANISATION_TYPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`enums:organisationType.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Text size="xs" c="dimmed">
          {t('handbook:adaptation.detailsHint')}
        </Text>
      </Stack>
    </Paper>
  )
}

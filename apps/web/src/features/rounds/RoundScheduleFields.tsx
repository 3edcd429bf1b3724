import { NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { RoundFieldsProps } from './RoundBasicsFields.tsx'

type DateField = 'collectionClosesOn' | 'reviewClosesOn' | 'publicationOn'
const MILESTONES: DateField[] = ['collectionClosesOn', 'reviewClosesOn', 'publicationOn']

/** The milestone dates (all optional), as date inputs; used when planning and when editing a round. */
export function MilestoneFields({ form, onChange, errors, labels }: RoundFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      {MILESTONES.map((m) => (
        <TextInput
          key={m}
          id={fieldId('round', `milestones.${m}`)}
          type="date"
          label={labels[`milestones.${m}`]}
          value={form[m]}
          onChange={(e) => onChange({ [m]: e.currentTarget.value })}
          error={errors[`milestones.${m}`]}
        />
      ))}
    </SimpleGrid>
  )
}

/** Round options: double scoring, ranking, and the thresholds for discrepancies and large changes (in per cent). */
export function OptionFields({ form, onChange, errors, labels }: RoundFieldsProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Switch
        label={t('rounds:form.doubleScoring')}
        description={t('rounds:form.doubleScoringHint')}
        checked={form.doubleScoring}
        onChange={(e) => onChange({ doubleScoring: e.currentTarget.checked })}
      />
      <Switch
        label={t('rounds:form.ranking')}
        description={t('rounds:form.rankingHint')}
        checked={form.ranking}
        onChange={(e) => onChange({ ranking: e.currentTarget.checked })}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <NumberInput
          id={fieldId('round', 'options.discrepancyShare')}
          label={labels['options.discrepancyShare']}
          description={t('rounds:form.discrepancyHint')}
          value={form.discrepancyPercent}
          onChange={(v) => onChange({ discrepancyPercent: v })}
          error={errors['options.discrepancyShare']}
          min={0}
          max={1000}
          suffix=" %"
        />
        <NumberInput
          id={fieldId('round', 'options.changeThreshold')}
          label={labels['options.changeThreshold']}
          description={t('rounds:form.changeHint')}
          value={form.changePercent}
          onChange={(v) => onChange({ changePercent: v })}
          error={errors['options.changeThreshold']}
          min={0}
          max={10000}
          suffix=" %"
        />
        <NumberInput
          id={fieldId('round', 'options.redFlagCeiling')}
          label={labels['options.redFlagCeiling']}
          description={t('rounds:form.redFlagCeilingHint')}
          value={form.redFlagCeiling}
          onChange={(v) => onChange({ redFlagCeiling: v })}
          error={errors['options.redFlagCeiling']}
          min={0}
          max={100}
        />
      </SimpleGrid>
    </Stack>
  )
}

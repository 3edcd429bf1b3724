import { useTranslation } from 'react-i18next'
import type { RoundField } from './round-form.ts'

/** The label of every round form field, for the inputs and the error summary. */
export function useRoundLabels(): Record<RoundField, string> {
  const { t } = useTranslation()
  return {
    name: t('rounds:form.name'),
    frameworkVersionId: t('rounds:form.version'),
    periodFrom: t('rounds:form.periodFrom'),
    periodTo: t('rounds:form.periodTo'),
    countries: t('rounds:form.countries'),
    focus: t('rounds:form.focus'),
    focusLabel: t('rounds:form.focusLabel'),
    manualIndicators: t('rounds:form.manual'),
    'milestones.collectionClosesOn': t('rounds:milestones.collectionClosesOn'),
    'milestones.reviewClosesOn': t('rounds:milestones.reviewClosesOn'),
    'milestones.publicationOn': t('rounds:milestones.publicationOn'),
    'options.discrepancyShare': t('rounds:form.discrepancy'),
    'options.changeThreshold': t('rounds:form.change'),
    'options.redFlagCeiling': t('rounds:form.redFlagCeiling'),
  }
}

/** Translates field errors held as catalog keys. */
export function useTranslatedErrors(errors: Partial<Record<string, string>>): Record<string, string> {
  const { t } = useTranslation()
  return Object.fromEntries(
    Object.entries(errors)
      .filter((e): e is [string, string] => Boolean(e[1]))
      .map(([field, key]) => [field, t(key)]),
  )
}

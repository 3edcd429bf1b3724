import { Anchor, Breadcrumbs, Button, Group, Stack } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Round } from '@thbm/shared'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError, api } from '../../api/client.ts'
import { useMe } from '../../app/queries.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { roundKeys, useFrameworks } from './api.ts'
import { mayPlanRounds } from './permissions.ts'
import { RoundBasicsFields } from './RoundBasicsFields.tsx'
import { RoundFocusFields } from './RoundFocusFields.tsx'
import { MilestoneFields, OptionFields } from './RoundScheduleFields.tsx'
import {
  emptyRoundForm,
  type RoundErrors,
  type RoundFormState,
  roundErrorsFromIssues,
  toCreateBody,
  validateRoundForm,
} from './round-form.ts'
import { useRoundLabels, useTranslatedErrors } from './round-labels.ts'

/** Plan a round: framework version, period, countries, focus, extra indicators, milestones and options. */
export default function NewRoundPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('rounds:form.title'))
  const me = useMe().data
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const errorMessage = useErrorMessage()
  const labels = useRoundLabels()
  const canPlan = me ? mayPlanRounds(me) : false
  const frameworks = useFrameworks(canPlan)
  const [form, setForm] = useState<RoundFormState>(() => emptyRoundForm())
  const [errors, setErrors] = useState<RoundErrors>({})
  const shown = useTranslatedErrors(errors)
  const onChange = (patch: Partial<RoundFormState>) => setForm((f) => ({ ...f, ...patch }))

  // Preselect the newest published version: usually the only sensible choice.
  const newest = frameworks.data?.flatMap((f) => f.versions.filter((v) => v.status === 'published')).at(-1)?.id
  useEffect(() => {
    if (newest) setForm((f) => (f.frameworkVersionId ? f : { ...f, frameworkVersionId: newest }))
  }, [newest])

  const create = useMutation({
    mutationFn: () => api<{ data: Round }>('/rounds', { method: 'POST', body: toCreateBody(form, i18n.language) }),
    onError: (error) => setErrors(error instanceof ApiError ? roundErrorsFromIssues(error.issues) : {}),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.all })
      navigate(`/rounds/${created.data.id}`)
    },
  })
  if (!me || !canPlan) return <NotFound />

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateRoundForm(form, i18n.language)
    setErrors(found)
    if (Object.keys(found).length === 0) create.mutate()
  }
  const general =
    create.error && !(create.error instanceof ApiError && create.error.issues.length > 0)
      ? errorMessage(create.error)
      : null
  const props = { form, onChange, errors: shown, labels }

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <span aria-current="page">{t('rounds:form.title')}</span>
      </Breadcrumbs>
      <PageHeader title={t('rounds:form.title')} subtitle={t('rounds:form.subtitle')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <FormErrorSummary errors={shown} labels={labels} idPrefix="round" message={general} />
          <Section title={t('rounds:form.basics')}>
            <RoundBasicsFields {...props} />
          </Section>
          <Section title={t('rounds:form.scope')} description={t('rounds:form.scopeHint')}>
            <RoundFocusFields {...props} />
          </Section>
          <Section title={t('rounds:milestones.title')} description={t('rounds:form.milestonesHint')}>
            <MilestoneFields {...props} />
          </Section>
          <Section title={t('rounds:form.options')}>
            <OptionFields {...props} />
          </Section>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/rounds">
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('rounds:form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

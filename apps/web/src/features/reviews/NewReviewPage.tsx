import {
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { REVIEW_CRITERIA, type ReviewCriterion } from '@thbm/shared'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useMe } from '../../app/queries.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { useFrameworks } from '../rounds/api.ts'
import { createReview, reviewKeys } from './api.ts'
import { mayRunReviews } from './permissions.ts'
import {
  emptyReviewForm,
  type ReviewFormErrors,
  type ReviewFormState,
  reviewErrorsFromIssues,
  toCreateReviewBody,
  validateReviewForm,
} from './review-form.ts'

const ID = 'review'

/** Start an indicator review: the published Handbook version, a title, the criteria, the consensus threshold, the schedule. */
export default function NewReviewPage() {
  const { t } = useTranslation()
  usePageTitle(t('review:form.title'))
  const me = useMe().data?.data
  const runs = mayRunReviews(me)
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const errorMessage = useErrorMessage()
  const frameworks = useFrameworks(runs)
  const [form, setForm] = useState<ReviewFormState>(emptyReviewForm)
  const [errors, setErrors] = useState<ReviewFormErrors>({})
  const change = (patch: Partial<ReviewFormState>) => setForm((f) => ({ ...f, ...patch }))

  const published = (frameworks.data ?? []).flatMap((f) =>
    f.versions.filter((v) => v.status === 'published').map((v) => ({ value: v.id, label: `${f.code} ${v.label}` })),
  )
  const newest = published.at(-1)?.value
  useEffect(() => {
    if (newest) setForm((f) => (f.frameworkVersionId ? f : { ...f, frameworkVersionId: newest }))
  }, [newest])

  const create = useMutation({
    mutationFn: () => createReview(toCreateReviewBody(form)),
    onError: (error) => setErrors(error instanceof ApiError ? reviewErrorsFromIssues(error.issues) : {}),
    onSuccess: async (review) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.list })
      navigate(`/reviews/${review.id}`)
    },
  })
  if (!runs) return <NotFound />

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateReviewForm(form)
    setErrors(found)
    if (Object.keys(found).length === 0) create.mutate()
  }
  const problem: Record<string, string> = {
    required: t('review:form.errors.required'),
    criteria: t('review:form.errors.criteria'),
    threshold: t('review:form.errors.threshold'),
    date: t('review:form.errors.date'),
    order: t('review:form.errors.order'),
    invalid: t('common:fieldErrors.invalid'),
  }
  const shown = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, problem[v] ?? problem.invalid]))
  const labels: Record<string, string> = {
    frameworkVersionId: t('review:form.version'),
    title: t('review:form.name'),
    description: t('review:form.description'),
    criteria: t('review:form.criteria'),
    consensusIqr: t('review:form.threshold'),
    ...Object.fromEntries(form.schedule.map((_, i) => [`schedule.${i}`, t('review:form.closesOn', { round: i + 1 })])),
  }
  const general =
    create.error && !(create.error instanceof ApiError && create.error.issues.length > 0)
      ? errorMessage(create.error)
      : null

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/reviews" size="sm">
          {t('review:list.title')}
        </Anchor>
        <span aria-current="page">{t('review:form.title')}</span>
      </Breadcrumbs>
      <PageHeader title={t('review:form.title')} subtitle={t('review:form.subtitle')} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <FormErrorSummary errors={shown} labels={labels} idPrefix={ID} message={general} />
          <Section title={t('review:form.basics')}>
            <NativeSelect
              id={fieldId(ID, 'frameworkVersionId')}
              label={labels.frameworkVersionId}
              description={published.length === 0 && frameworks.isSuccess ? t('review:form.noPublished') : undefined}
              data={[{ value: '', label: t('review:form.chooseVersion'), disabled: true }, ...published]}
              value={form.frameworkVersionId}
              onChange={(e) => change({ frameworkVersionId: e.currentTarget.value })}
              error={shown.frameworkVersionId}
              required
              maw={360}
            />
            <TextInput
              id={fieldId(ID, 'title')}
              label={labels.title}
              value={form.title}
              onChange={(e) => change({ title: e.currentTarget.value })}
              error={shown.title}
              required
              maxLength={300}
            />
            <Textarea
              id={fieldId(ID, 'description')}
              label={labels.description}
              description={t('review:form.descriptionHint')}
              value={form.description}
              onChange={(e) => change({ description: e.currentTarget.value })}
              autosize
              minRows={3}
            />
          </Section>
          <Section title={t('review:form.method')} description={t('review:form.methodHint')}>
            <Checkbox.Group
              id={fieldId(ID, 'criteria')}
              label={labels.criteria}
              description={t('review:form.criteriaHint')}
              value={form.criteria}
              onChange={(v) => change({ criteria: v as ReviewCriterion[] })}
              error={shown.criteria}
            >
              <Stack gap="xs" mt="xs">
                {REVIEW_CRITERIA.map((c) => (
                  <Checkbox key={c} value={c} label={t(`review:criterion.${c}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NumberInput
              id={fieldId(ID, 'consensusIqr')}
              label={labels.consensusIqr}
              description={t('review:form.thresholdHint')}
              value={form.consensusIqr}
              onChange={(v) => change({ consensusIqr: v })}
              error={shown.consensusIqr}
              min={0}
              max={4}
              step={0.5}
              decimalScale={2}
              maw={240}
            />
          </Section>
          <Section title={t('review:form.schedule')} description={t('review:form.scheduleHint')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              {form.schedule.map((date, i) => (
                <TextInput
                  // biome-ignore lint/suspicious/noArrayIndexKey: one field per round number
                  key={i}
                  id={fieldId(ID, `schedule.${i}`)}
                  type="date"
                  label={labels[`schedule.${i}`]}
                  value={date}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    change({ schedule: form.schedule.map((d, j) => (j === i ? value : d)) })
                  }}
                  error={shown[`schedule.${i}`]}
                />
              ))}
            </SimpleGrid>
            {form.schedule.length < 5 && (
              <Group>
                <Button variant="default" size="xs" onClick={() => change({ schedule: [...form.schedule, ''] })}>
                  {t('review:form.addRound')}
                </Button>
              </Group>
            )}
          </Section>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/reviews">
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('review:form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

import { Alert, Button, Fieldset, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import {
  type MyResponses,
  REVIEW_PROPOSALS,
  type ReviewCriterion,
  type ReviewProposal,
  TOPICS,
  type Topic,
} from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { ChoiceFieldset } from '../assessments/ChoiceFieldset.tsx'
import { isRoundClosedError, saveResponse } from './api.ts'
import { GroupDistribution } from './GroupDistribution.tsx'
import { RatingScale } from './RatingScale.tsx'
import {
  COMMENT_MAX,
  fromResponse,
  type RatingErrors,
  type RatingFormState,
  ratingErrorsFromIssues,
  toResponseBody,
  validateRating,
} from './rating-form.ts'
import { useReviewFormat } from './text.ts'

export type WorkspaceItem = MyResponses['indicators'][number]
type ProposalChoice = ReviewProposal | 'none'

interface Props {
  reviewId: string
  item: WorkspaceItem
  criteria: readonly ReviewCriterion[]
  /** Every indicator of the version (code and title in the UI language), for a merge target. */
  indicators: { code: string; title: string }[]
  /** The round takes responses and the user may respond. */
  editable: boolean
  onSaved: (item: WorkspaceItem) => void
  /** The round closed or someone changed the answer meanwhile: load the review and the workspace again. */
  onStale: () => void
}

/** A participant's ratings (1-5 per criterion), proposal with its target, and comment on one indicator. */
export function RatingForm({ reviewId, item, criteria, indicators, editable, onSaved, onStale }: Props) {
  const { t } = useTranslation()
  const { medianIqr } = useReviewFormat()
  const [form, setForm] = useState<RatingFormState>(() => fromResponse(item.response))
  const [errors, setErrors] = useState<RatingErrors>({})
  const [saved, setSaved] = useState(false)
  const change = (patch: Partial<RatingFormState>) => {
    setSaved(false)
    setForm((f) => ({ ...f, ...patch }))
  }
  const save = useMutation({
    mutationFn: () => saveResponse(reviewId, item.code, toResponseBody(form, item.response?.version ?? 0, criteria)),
    onSuccess: (next) => {
      setSaved(true)
      onSaved(next)
    },
    onError: (error) => {
      setErrors(error instanceof ApiError ? ratingErrorsFromIssues(error.issues) : {})
      if (isRoundClosedError(error)) onStale()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateRating(form, item.code, criteria)
    setErrors(found)
    setSaved(false)
    if (Object.keys(found).length === 0) save.mutate()
  }
  const problem = (field: string) => (errors[field] ? t(`review:rate.errors.${errors[field]}`) : undefined)
  const id = (field: string) => `rate-${item.code}-${field}`
  const proposalOptions: { value: ProposalChoice; label: string }[] = [
    { value: 'none', label: t('review:rate.noProposal') },
    ...REVIEW_PROPOSALS.map((p) => ({ value: p, label: t(`review:proposal.${p}`) })),
  ]
  const mergeTargets = indicators
    .filter((i) => i.code !== item.code)
    .map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))
  const hint = (c: ReviewCriterion) => {
    if (!item.group) return undefined
    const s = item.group.criteria.find((x) => x.criterion === c)
    return t('review:rate.previousHint', {
      yours: item.previous?.ratings[c] ?? t('review:stats.none'),
      group: medianIqr(s?.median ?? null, s?.iqr ?? null),
    })
  }
  const conflict = save.error instanceof ApiError && save.error.code === 'conflict'
  const closed = isRoundClosedError(save.error)
  const general = save.error && !conflict && !closed && !(save.error instanceof ApiError && save.error.issues.length)
  return (
    <Stack gap="md">
      {item.group && <GroupDistribution group={item.group} previous={item.previous} criteria={criteria} />}
      {editable && item.previous && !item.response && (
        <Group>
          <Button size="xs" variant="default" onClick={() => change(fromResponse(item.previous))}>
            {t('review:rate.startFromPrevious')}
          </Button>
        </Group>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={t('review:rate.formLabel', { code: item.code })}>
        <Stack gap="md">
          <Fieldset variant="unstyled" p={0} m={0} disabled={!editable}>
            <Stack gap="md">
              {criteria.map((c) => (
                <RatingScale
                  key={c}
                  id={id(`ratings-${c}`)}
                  legend={t(`review:criterion.${c}`)}
                  hint={hint(c)}
                  value={form.ratings[c]}
                  onChange={(v) => change({ ratings: { ...form.ratings, [c]: v } })}
                  error={problem(`ratings.${c}`)}
                  disabled={!editable}
                />
              ))}
              <ChoiceFieldset<ProposalChoice>
                id={id('proposal')}
                legend={t('review:rate.proposal')}
                description={t('review:rate.proposalHint')}
                options={proposalOptions}
                value={form.proposal ?? 'none'}
                onChange={(v) => change({ proposal: v === 'none' ? null : v })}
              />
              {form.proposal === 'merge' && (
                <Select
                  id={id('mergeInto')}
                  label={t('review:rate.mergeInto')}
                  data={mergeTargets}
                  value={form.mergeInto}
                  onChange={(v) => change({ mergeInto: v })}
                  searchable
                  nothingFoundMessage={t('review:rate.noIndicator')}
                  error={problem('mergeInto')}
                  disabled={!editable}
                  required
                />
              )}
              {form.proposal === 'move' && (
                <Select
                  id={id('moveTo')}
                  label={t('review:rate.moveTo')}
                  data={TOPICS.map((topic) => ({ value: topic, label: t(`enums:topic.${topic}`) }))}
                  value={form.moveTo}
                  onChange={(v) => change({ moveTo: v as Topic | null })}
                  error={problem('moveTo')}
                  disabled={!editable}
                  required
                />
              )}
              <Textarea
                id={id('comment')}
                label={t('review:rate.comment')}
                description={t('review:rate.commentHint')}
                value={form.comment}
                onChange={(e) => change({ comment: e.currentTarget.value })}
                error={problem('comment')}
                maxLength={COMMENT_MAX}
                autosize
                minRows={2}
                disabled={!editable}
              />
            </Stack>
          </Fieldset>
          {Object.keys(errors).length > 0 && !save.isPending && (
            <Text size="sm" c="red.9" role="alert">
              <AlertIcon size={14} style={{ verticalAlign: '-2px' }} /> {t('review:rate.fixErrors')}
            </Text>
          )}
          {conflict && <ConflictAlert onReload={onStale} />}
          {closed && (
            <Alert color="orange" variant="light" icon={<AlertIcon />}>
              {t('review:rate.closedWhileEditing')}
            </Alert>
          )}
          {general && <ErrorAlert error={save.error} />}
          {editable && (
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {t('review:rate.save', { code: item.code })}
              </Button>
              {saved && (
                <Text size="sm" c="teal.9" role="status">
                  {t('review:rate.saved')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  )
}

import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import {
  type ContentLocale,
  type DecisionsOverview,
  REVIEW_DECISIONS,
  type ReviewDecisionKind,
  TOPICS,
  type Topic,
} from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ChoiceFieldset } from '../assessments/ChoiceFieldset.tsx'
import { conflictsOf, saveDecision } from './api.ts'
import {
  type DecisionErrors,
  type DecisionFormState,
  decisionErrorsFromIssues,
  decisionForm,
  isGone,
  remainingAfter,
  toDecisionBody,
  validateDecision,
} from './decision-form.ts'

export interface DecisionTarget {
  code: string
  title: string
  /** What the group proposed in the last round, in words. */
  proposals: string
}

interface Props {
  reviewId: string
  target: DecisionTarget
  overview: DecisionsOverview
  /** Every indicator of the reviewed version, for the merge target. */
  indicators: { code: string; title: string }[]
  baseLocale: ContentLocale
  onClose: () => void
  onSaved: (overview: DecisionsOverview) => void
  onReload: () => void
}

/** Records the decision on one indicator, showing live how many indicators the decisions would then leave. */
export function DecisionModal({
  reviewId,
  target,
  overview,
  indicators,
  baseLocale,
  onClose,
  onSaved,
  onReload,
}: Props) {
  const { t } = useTranslation()
  const existing = overview.decisions.find((d) => d.code === target.code)
  const [form, setForm] = useState<DecisionFormState>(() => decisionForm(existing, baseLocale))
  const [errors, setErrors] = useState<DecisionErrors>({})
  const change = (patch: Partial<DecisionFormState>) => setForm((f) => ({ ...f, ...patch }))
  const save = useMutation({
    mutationFn: () => saveDecision(reviewId, target.code, toDecisionBody(form, existing?.version ?? 0, baseLocale)),
    onSuccess: (next) => onSaved(next),
    onError: (error) => setErrors(error instanceof ApiError ? decisionErrorsFromIssues(error.issues) : {}),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateDecision(form, target.code, overview.decisions)
    setErrors(found)
    if (Object.keys(found).length === 0) save.mutate()
  }
  const problem = (field: string): string | undefined => {
    const p = errors[field]
    return p ? t(`review:decisions.errors.${p}`) : undefined
  }
  const gone = new Set(overview.decisions.filter((d) => isGone(d.decision)).map((d) => d.code))
  const targets = indicators
    .filter((i) => i.code !== target.code && !gone.has(i.code))
    .map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))
  const conflicts = conflictsOf(save.error)
  const versionConflict = save.error instanceof ApiError && save.error.code === 'conflict'
  const remaining = remainingAfter(overview, target.code, form.decision)
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('review:decisions.modalTitle', { code: target.code })}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm" fw={500}>
            {target.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t('review:decisions.groupProposed', { proposals: target.proposals })}
          </Text>
          <ChoiceFieldset<ReviewDecisionKind>
            id="decision-kind"
            legend={t('review:decisions.decision')}
            options={REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`review:decision.${d}`) }))}
            value={form.decision}
            onChange={(decision) => change({ decision })}
            error={problem('decision')}
            required
            autoFocus
          />
          {form.decision === 'merge' && (
            <Select
              id="decision-mergeInto"
              label={t('review:decisions.mergeInto')}
              description={t('review:decisions.mergeIntoHint')}
              data={targets}
              value={form.mergeInto}
              onChange={(v) => change({ mergeInto: v })}
              searchable
              nothingFoundMessage={t('review:rate.noIndicator')}
              error={problem('mergeInto')}
              required
            />
          )}
          {form.decision === 'reword' && (
            <TextInput
              id="decision-newTitle"
              label={t('review:decisions.newTitle')}
              description={t('review:decisions.newTitleHint', { language: t(`enums:contentLocale.${baseLocale}`) })}
              value={form.newTitle}
              onChange={(e) => change({ newTitle: e.currentTarget.value })}
              lang={baseLocale}
              error={problem('newTitle')}
              required
            />
          )}
          {form.decision === 'move' && (
            <Select
              id="decision-moveTo"
              label={t('review:decisions.moveTo')}
              data={TOPICS.map((topic) => ({ value: topic, label: t(`enums:topic.${topic}`) }))}
              value={form.moveTo}
              onChange={(v) => change({ moveTo: v as Topic | null })}
              error={problem('moveTo')}
              required
            />
          )}
          <Textarea
            id="decision-rationale"
            label={t('review:decisions.rationale')}
            description={t('review:decisions.rationaleHint')}
            value={form.rationale}
            onChange={(e) => change({ rationale: e.currentTarget.value })}
            error={problem('rationale')}
            autosize
            minRows={2}
            required={form.decision !== null && form.decision !== 'keep'}
          />
          <Text size="sm" role="status" aria-live="polite" data-testid="decision-preview">
            {t('review:decisions.preview', { remaining, total: overview.summary.total })}
          </Text>
          {versionConflict && <ConflictAlert onReload={onReload} />}
          {conflicts.length > 0 && (
            <ErrorAlert
              error={save.error}
              title={conflicts.map((c) => t('review:decisions.conflict', { code: c.code, target: c.target })).join(' ')}
            />
          )}
          {save.error &&
            !versionConflict &&
            conflicts.length === 0 &&
            !(save.error instanceof ApiError && save.error.issues.length) && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('review:decisions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

import { Button, Fieldset, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { FOLLOW_UP_STATUSES, type FollowUpStatus, type Recommendation } from '@thbm/shared'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { fetchRecommendation, saveFollowUp } from './api.ts'
import { byTopField } from './field-errors.ts'
import {
  checkFollowUp,
  draftFromFollowUp,
  type FollowUpDraft,
  type FollowUpField,
  followUpIn,
  newLinkKey,
} from './follow-up-form.ts'

interface Props {
  rec: Recommendation
  roundId: string
  roundName: string
  onSaved: (rec: Recommendation) => void
  onCancel: () => void
}

/**
 * Records (or changes) a recommendation's follow-up in a round: its status, a comment, the institution's response and
 * evidence links. Saves with the version of this round's follow-up (0 when there is none yet); a 409 offers to reload
 * the current one, never overwrites it.
 */
export function FollowUpForm({ rec, roundId, roundName, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const prefix = `fu-${rec.id.slice(0, 8)}`
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [base, setBase] = useState(rec)
  const [draft, setDraft] = useState<FollowUpDraft>(() => draftFromFollowUp(followUpIn(rec, roundId)))
  const [errors, setErrors] = useState<Partial<Record<FollowUpField, string>>>({})
  const [linkErrors, setLinkErrors] = useState<Record<string, string>>({})
  const change = (patch: Partial<FollowUpDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    // A field's message goes once the field is changed.
    setErrors((e) => {
      const keys = Object.keys(patch).filter((k) => k in e)
      return keys.length ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e
    })
  }
  const version = followUpIn(base, roundId)?.version ?? 0
  // The form opens on request: move focus into it, to the first status.
  useEffect(() => document.getElementById(fieldId(prefix, 'status'))?.focus(), [prefix])

  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveFollowUp>[2]) => saveFollowUp(rec.id, roundId, body),
    onError: (error) => setErrors(byTopField(serverFieldErrors(error))),
    onSuccess: (saved) => onSaved(saved),
  })
  const reload = useMutation({
    mutationFn: () => fetchRecommendation(rec.id),
    onSuccess: (current) => {
      setBase(current)
      setDraft(draftFromFollowUp(followUpIn(current, roundId)))
      setErrors({})
      setLinkErrors({})
      save.reset()
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkFollowUp(draft, version)
    if (!checked.ok) {
      setErrors({
        ...(checked.errors.status && { status: t('recommendations:followUp.errors.status') }),
        ...(Object.keys(checked.errors.links).length > 0 && { evidence: t('recommendations:followUp.errors.url') }),
      })
      setLinkErrors(
        Object.fromEntries(Object.keys(checked.errors.links).map((k) => [k, t('recommendations:followUp.errors.url')])),
      )
      return
    }
    setErrors({})
    setLinkErrors({})
    save.mutate(checked.body)
  }

  const conflict = save.error instanceof ApiError && save.error.code === 'conflict'
  const labels: Record<FollowUpField, string> = {
    status: t('recommendations:followUp.status'),
    comment: t('recommendations:followUp.comment'),
    response: t('recommendations:followUp.response'),
    evidence: t('recommendations:followUp.evidence'),
  }
  const general =
    save.error && !conflict && Object.keys(serverFieldErrors(save.error)).length === 0 ? errorMessage(save.error) : null
  const setLink = (key: string, patch: Partial<{ title: string; url: string }>) => {
    change({ links: draft.links.map((l) => (l.key === key ? { ...l, ...patch } : l)) })
    if (patch.url !== undefined && linkErrors[key]) {
      const rest = Object.fromEntries(Object.entries(linkErrors).filter(([k]) => k !== key))
      setLinkErrors(rest)
      if (Object.keys(rest).length === 0) setErrors(({ evidence: _e, ...others }) => others)
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {conflict && <ConflictAlert onReload={() => reload.mutate()} reloading={reload.isPending} />}
        <FormErrorSummary errors={errors} labels={labels} idPrefix={prefix} message={general} />
        <Radio.Group
          label={labels.status}
          description={t('recommendations:followUp.statusHint', { round: roundName })}
          value={draft.status ?? ''}
          onChange={(v) => change({ status: v as FollowUpStatus })}
          error={errors.status}
          required
        >
          <Group gap="md" mt="xs" wrap="wrap">
            {FOLLOW_UP_STATUSES.map((s, i) => (
              <Radio
                key={s}
                id={i === 0 ? fieldId(prefix, 'status') : undefined}
                value={s}
                label={t(`recommendations:status.${s}`)}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          id={fieldId(prefix, 'comment')}
          label={labels.comment}
          description={t('recommendations:followUp.commentHint')}
          value={draft.comment}
          onChange={(e) => change({ comment: e.currentTarget.value })}
          error={errors.comment}
          autosize
          minRows={2}
        />
        <Textarea
          id={fieldId(prefix, 'response')}
          label={labels.response}
          description={t('recommendations:followUp.responseHint')}
          value={draft.response}
          onChange={(e) => change({ response: e.currentTarget.value })}
          error={errors.response}
          autosize
          minRows={2}
        />
        <Fieldset legend={labels.evidence} variant="unstyled" id={fieldId(prefix, 'evidence')}>
          <Stack gap="xs">
            {draft.links.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('recommendations:followUp.noLinks')}
              </Text>
            )}
            {draft.links.map((l, i) => (
              <Group key={l.key} gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  type="url"
                  label={t('recommendations:followUp.linkUrl', { n: i + 1 })}
                  placeholder="https://"
                  value={l.url}
                  onChange={(e) => setLink(l.key, { url: e.currentTarget.value })}
                  error={linkErrors[l.key]}
                  w={{ base: '100%', sm: 320 }}
                />
                <TextInput
                  label={t('recommendations:followUp.linkTitle', { n: i + 1 })}
                  value={l.title}
                  onChange={(e) => setLink(l.key, { title: e.currentTarget.value })}
                  w={{ base: '100%', sm: 260 }}
                />
                <Button
                  variant="default"
                  size="sm"
                  mt={{ base: 0, sm: 25 }}
                  onClick={() => change({ links: draft.links.filter((x) => x.key !== l.key) })}
                  aria-label={t('recommendations:followUp.removeLink', { n: i + 1 })}
                >
                  {t('recommendations:followUp.remove')}
                </Button>
              </Group>
            ))}
            {draft.other.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('recommendations:followUp.otherEvidence', { count: draft.other.length })}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                size="sm"
                onClick={() => change({ links: [...draft.links, { key: newLinkKey(), title: '', url: '' }] })}
              >
                {t('recommendations:followUp.addLink')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {t('recommendations:followUp.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

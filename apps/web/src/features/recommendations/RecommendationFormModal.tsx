import { Button, Group, Modal, MultiSelect, Radio, Select, Stack, TagsInput, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import {
  type Area,
  type ContentLocale,
  RECOMMENDATION_PRIORITIES,
  RECOMMENDATION_SOURCES,
  type Recommendation,
  type RecommendationSource,
} from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { useLocalText } from '../rounds/text.tsx'
import { createRecommendation, fetchRecommendation, updateRecommendation } from './api.ts'
import { byTopField } from './field-errors.ts'
import {
  checkRecommendation,
  draftFromRecommendation,
  emptyRecommendationDraft,
  type RecommendationDraft,
  type RecommendationField,
} from './recommendation-form.ts'

export type RecommendationTarget =
  | { kind: 'create'; roundId: string; country: string }
  | { kind: 'edit'; rec: Recommendation }

interface Props {
  target: RecommendationTarget
  /** The framework's areas (a pick list); without them areas are typed as codes. */
  areas: Area[]
  baseLocale: ContentLocale
  /** Indicator codes to suggest (the round's); other codes may be typed. */
  indicatorCodes: string[]
  onClose: () => void
  onSaved: (rec: Recommendation) => void
}

const PREFIX = 'rec'

/**
 * Issue a recommendation in a round, or edit one while its round is open: text, GRETA-style priority, source, the
 * institutions it is addressed to, areas and indicators. Edits send the version they started from; a 409 offers to
 * reload, never overwrites.
 */
export function RecommendationFormModal({ target, areas, baseLocale, indicatorCodes, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [base, setBase] = useState(target.kind === 'edit' ? target.rec : null)
  const [draft, setDraft] = useState<RecommendationDraft>(() =>
    target.kind === 'edit' ? draftFromRecommendation(target.rec) : emptyRecommendationDraft(),
  )
  const [errors, setErrors] = useState<Partial<Record<RecommendationField, string>>>({})
  const change = (patch: Partial<RecommendationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    // A field's message goes once the field is changed; the summary keeps only what is still wrong.
    setErrors((e) => {
      const keys = Object.keys(patch).filter((k) => k in e)
      return keys.length ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e
    })
  }

  const save = useMutation({
    mutationFn: (input: Parameters<typeof createRecommendation>[2]) =>
      target.kind === 'create'
        ? createRecommendation(target.roundId, target.country, input)
        : updateRecommendation(target.rec.id, { version: base?.version ?? target.rec.version, ...input }),
    onError: (error) => setErrors(byTopField(serverFieldErrors(error))),
    onSuccess: (rec) => onSaved(rec),
  })
  const reload = useMutation({
    mutationFn: (id: string) => fetchRecommendation(id),
    onSuccess: (current) => {
      setBase(current)
      setDraft(draftFromRecommendation(current))
      setErrors({})
      save.reset()
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkRecommendation(draft)
    if (!checked.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(checked.errors).map(([field, kind]) => [
            field,
            kind === 'code' ? t(`recommendations:form.errors.${field}`) : t('recommendations:form.errors.required'),
          ]),
        ),
      )
      return
    }
    setErrors({})
    save.mutate(checked.input)
  }

  const conflict = save.error instanceof ApiError && save.error.code === 'conflict'
  const labels: Record<RecommendationField, string> = {
    text: t('recommendations:fields.text'),
    priority: t('recommendations:fields.priority'),
    source: t('recommendations:fields.source'),
    institutions: t('recommendations:fields.institutions'),
    areaCodes: t('recommendations:fields.areas'),
    indicatorCodes: t('recommendations:fields.indicators'),
  }
  const general =
    save.error && !conflict && Object.keys(serverFieldErrors(save.error)).length === 0 ? errorMessage(save.error) : null
  const areaOptions = areas.map((a) => ({ value: a.code, label: `${a.code} · ${pick(a.title).text}` }))
  // Codes already on the recommendation stay choosable even when the framework does not list them.
  for (const code of draft.areaCodes)
    if (!areaOptions.some((o) => o.value === code)) areaOptions.push({ value: code, label: code })

  return (
    <Modal
      opened
      onClose={onClose}
      title={target.kind === 'create' ? t('recommendations:form.createTitle') : t('recommendations:form.editTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {conflict && base && <ConflictAlert onReload={() => reload.mutate(base.id)} reloading={reload.isPending} />}
          <FormErrorSummary errors={errors} labels={labels} idPrefix={PREFIX} message={general} />
          <Textarea
            id={fieldId(PREFIX, 'text')}
            label={labels.text}
            description={t('recommendations:form.textHint')}
            value={draft.text}
            onChange={(e) => change({ text: e.currentTarget.value })}
            error={errors.text}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          <Radio.Group
            label={labels.priority}
            description={t('recommendations:form.priorityHint')}
            value={draft.priority ?? ''}
            onChange={(v) => change({ priority: v as RecommendationDraft['priority'] })}
            error={errors.priority}
            required
          >
            <Stack gap="xs" mt="xs">
              {RECOMMENDATION_PRIORITIES.map((p, i) => (
                <Radio
                  key={p}
                  id={i === 0 ? fieldId(PREFIX, 'priority') : undefined}
                  value={p}
                  label={t(`recommendations:priority.label.${p}`)}
                  description={t(`recommendations:priority.hint.${p}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Select
            id={fieldId(PREFIX, 'source')}
            label={labels.source}
            data={RECOMMENDATION_SOURCES.map((s) => ({ value: s, label: t(`recommendations:source.${s}`) }))}
            value={draft.source}
            onChange={(v) => v && change({ source: v as RecommendationSource })}
            allowDeselect={false}
            error={errors.source}
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            id={fieldId(PREFIX, 'institutions')}
            label={labels.institutions}
            description={t('recommendations:form.institutionsHint')}
            value={draft.institutions}
            onChange={(v) => change({ institutions: v })}
            error={errors.institutions}
            maxTags={20}
            clearable
          />
          {areas.length > 0 ? (
            <MultiSelect
              id={fieldId(PREFIX, 'areaCodes')}
              label={labels.areaCodes}
              data={areaOptions}
              value={draft.areaCodes}
              onChange={(v) => change({ areaCodes: v })}
              error={errors.areaCodes}
              searchable
              hidePickedOptions
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <TagsInput
              id={fieldId(PREFIX, 'areaCodes')}
              label={labels.areaCodes}
              description={t('recommendations:form.areasHint')}
              value={draft.areaCodes}
              onChange={(v) => change({ areaCodes: v })}
              error={errors.areaCodes}
            />
          )}
          <TagsInput
            id={fieldId(PREFIX, 'indicatorCodes')}
            label={labels.indicatorCodes}
            description={t('recommendations:form.indicatorsHint')}
            data={indicatorCodes}
            value={draft.indicatorCodes}
            onChange={(v) => change({ indicatorCodes: v })}
            error={errors.indicatorCodes}
            comboboxProps={{ withinPortal: true }}
            clearable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={conflict}>
              {target.kind === 'create' ? t('recommendations:form.create') : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

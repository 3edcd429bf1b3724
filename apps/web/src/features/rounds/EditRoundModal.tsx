import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Round } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { roundKeys, roundPath } from './api.ts'
import { MilestoneFields } from './RoundScheduleFields.tsx'
import {
  type RoundErrors,
  type RoundFormState,
  roundErrorsFromIssues,
  roundFormFrom,
  toCreateBody,
  validateRoundForm,
} from './round-form.ts'
import { useRoundLabels, useTranslatedErrors } from './round-labels.ts'

/** Renames a round and changes its milestones; a stale version (409) offers to load the current one. */
export function EditRoundModal({ round, onClose }: { round: Round; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const errorMessage = useErrorMessage()
  const labels = useRoundLabels()
  const [base, setBase] = useState(round)
  const [form, setForm] = useState<RoundFormState>(() => roundFormFrom(round))
  const [errors, setErrors] = useState<RoundErrors>({})
  const shown = useTranslatedErrors(errors)
  const onChange = (patch: Partial<RoundFormState>) => setForm((f) => ({ ...f, ...patch }))
  const save = useMutation({
    mutationFn: () => {
      const body = toCreateBody(form, i18n.language)
      return api<{ data: Round }>(roundPath(base.id), {
        method: 'PATCH',
        body: { version: base.version, name: body.name, milestones: body.milestones },
      })
    },
    onError: (error) => setErrors(error instanceof ApiError ? roundErrorsFromIssues(error.issues) : {}),
    onSuccess: (updated) => {
      queryClient.setQueryData(roundKeys.one(base.id), updated.data)
      void queryClient.invalidateQueries({ queryKey: roundKeys.list })
      onClose()
    },
  })
  const reload = useMutation({
    mutationFn: () => api<{ data: Round }>(roundPath(base.id)).then((r) => r.data),
    onSuccess: (current) => {
      setBase(current)
      setForm(roundFormFrom(current))
      setErrors({})
      save.reset()
      queryClient.setQueryData(roundKeys.one(current.id), current)
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const all = validateRoundForm(form, i18n.language)
    const found: RoundErrors = {
      name: all.name,
      'milestones.collectionClosesOn': all['milestones.collectionClosesOn'],
      'milestones.reviewClosesOn': all['milestones.reviewClosesOn'],
      'milestones.publicationOn': all['milestones.publicationOn'],
    }
    setErrors(found)
    if (!Object.values(found).some(Boolean)) save.mutate()
  }
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict
  const general =
    save.error && !conflict && !(save.error instanceof ApiError && save.error.issues.length > 0)
      ? errorMessage(save.error)
      : null

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rounds:edit.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {conflict && <ConflictAlert onReload={() => reload.mutate()} reloading={reload.isPending} />}
          <FormErrorSummary errors={shown} labels={labels} idPrefix="round" message={general} />
          <TextInput
            id={fieldId('round', 'name')}
            label={labels.name}
            value={form.name}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            error={shown.name}
            required
            data-autofocus
          />
          <MilestoneFields form={form} onChange={onChange} errors={shown} labels={labels} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={conflict}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

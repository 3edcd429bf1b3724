import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Progress, ProgressRow } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useOrganisations } from '../countries/api.ts'
import { useUsers } from '../people/api.ts'
import { roundKeys, roundPath, useRound } from './api.ts'
import { type AssignmentForm, assignmentFormFrom, assignmentIssues, validateAssignment } from './assignment-form.ts'

interface Props {
  roundId: string
  country: string
  row: ProgressRow
  onClose: () => void
}

/**
 * The country lead sets who answers an indicator (organisations, optionally a named person in each), which expert
 * assesses it (and, when the round uses double scoring, the second expert), and the due date. Sends the version it
 * started from; a 409 offers to load the current assignment.
 */
export function AssignmentModal({ roundId, country, row, onClose }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const errorMessage = useErrorMessage()
  const [form, setForm] = useState<AssignmentForm>(() => assignmentFormFrom(row.assignment))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const experts = useUsers({ country, role: 'expert' })
  const people = useUsers({ country, role: 'data_provider' })
  const orgs = useOrganisations(country)
  const doubleScoring = useRound(roundId).data?.options.doubleScoring ?? false
  const save = useMutation({
    mutationFn: () =>
      api(roundPath(roundId, `/countries/${country}/assignments/${row.code}`), {
        method: 'PUT',
        body: {
          version: form.version,
          expertId: form.expertId,
          secondExpertId: doubleScoring ? form.secondExpertId : null,
          providers: form.providers.map((p) => ({ organisationId: p.organisationId, userId: p.userId })),
          dueOn: form.dueOn || null,
        },
      }),
    onError: (error) => setErrors(error instanceof ApiError ? assignmentIssues(error.issues, t) : {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.progress(roundId, country) })
      onClose()
    },
  })
  const reload = useMutation({
    mutationFn: () => api<{ data: Progress }>(roundPath(roundId, `/countries/${country}/progress`)),
    onSuccess: (fresh) => {
      queryClient.setQueryData(roundKeys.progress(roundId, country), fresh.data)
      const current = fresh.data.indicators.find((r) => r.code === row.code)
      setForm(assignmentFormFrom(current?.assignment ?? null))
      setErrors({})
      save.reset()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateAssignment(form, t)
    setErrors(found)
    if (Object.keys(found).length === 0) save.mutate()
  }
  const setProvider = (i: number, patch: Partial<AssignmentForm['providers'][number]>) =>
    setForm((f) => ({ ...f, providers: f.providers.map((p, j) => (j === i ? { ...p, ...patch } : p)) }))
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict
  const general =
    save.error && !conflict && !(save.error instanceof ApiError && save.error.issues.length > 0)
      ? errorMessage(save.error)
      : null
  const labels: Record<string, string> = {
    expertId: t('rounds:assignment.expert'),
    secondExpertId: t('assessments:assignment.secondExpert'),
    dueOn: t('rounds:assignment.due'),
    ...Object.fromEntries(
      form.providers.flatMap((_, i) => [
        [`providers.${i}.organisationId`, t('rounds:assignment.organisationN', { n: i + 1 })],
        [`providers.${i}.userId`, t('rounds:assignment.personN', { n: i + 1 })],
      ]),
    ),
  }
  const orgOptions = (orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))
  const expertOptions = (experts.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rounds:assignment.title', { code: row.code })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {conflict && <ConflictAlert onReload={() => reload.mutate()} reloading={reload.isPending} />}
          <FormErrorSummary errors={errors} labels={labels} idPrefix="assign" message={general} />
          <Text size="sm">{t('rounds:assignment.intro')}</Text>
          <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
            <Text component="legend" fw={600} size="sm" mb={4}>
              {t('rounds:assignment.providers')}
            </Text>
            {form.providers.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('rounds:assignment.noProviders')}
              </Text>
            )}
            {form.providers.map((p, i) => (
              <Group key={p.key} align="flex-end" gap="xs" wrap="wrap">
                <Select
                  id={fieldId('assign', `providers.${i}.organisationId`)}
                  label={labels[`providers.${i}.organisationId`]}
                  data={orgOptions}
                  value={p.organisationId}
                  onChange={(v) => setProvider(i, { organisationId: v, userId: null })}
                  error={errors[`providers.${i}.organisationId`]}
                  searchable
                  w={{ base: '100%', sm: 250 }}
                  data-autofocus={i === 0 || undefined}
                />
                <Select
                  id={fieldId('assign', `providers.${i}.userId`)}
                  label={labels[`providers.${i}.userId`]}
                  placeholder={t('rounds:assignment.anyPerson')}
                  data={(people.data ?? [])
                    .filter((u) =>
                      u.memberships.some((m) => m.role === 'data_provider' && m.organisationId === p.organisationId),
                    )
                    .map((u) => ({ value: u.id, label: u.name }))}
                  value={p.userId}
                  onChange={(v) => setProvider(i, { userId: v })}
                  error={errors[`providers.${i}.userId`]}
                  disabled={!p.organisationId}
                  clearable
                  w={{ base: '100%', sm: 200 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  mb={errors[`providers.${i}.organisationId`] || errors[`providers.${i}.userId`] ? 22 : 0}
                  onClick={() => setForm((f) => ({ ...f, providers: f.providers.filter((_, j) => j !== i) }))}
                  aria-label={t('rounds:assignment.removeN', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  setForm((f) => ({
                    ...f,
                    providers: [...f.providers, { key: crypto.randomUUID(), organisationId: null, userId: null }],
                  }))
                }
              >
                {t('rounds:assignment.addProvider')}
              </Button>
            </Group>
          </Stack>
          <Select
            id={fieldId('assign', 'expertId')}
            label={labels.expertId}
            description={t('rounds:assignment.expertHint')}
            placeholder={t('rounds:assignment.noExpert')}
            data={expertOptions}
            value={form.expertId}
            onChange={(v) => setForm((f) => ({ ...f, expertId: v }))}
            error={errors.expertId}
            clearable
          />
          {doubleScoring && (
            <Select
              id={fieldId('assign', 'secondExpertId')}
              label={labels.secondExpertId}
              description={t('assessments:assignment.secondExpertHint')}
              placeholder={t('assessments:assignment.noSecondExpert')}
              data={expertOptions.filter((o) => o.value !== form.expertId || o.value === form.secondExpertId)}
              value={form.secondExpertId}
              onChange={(v) => setForm((f) => ({ ...f, secondExpertId: v }))}
              error={errors.secondExpertId}
              clearable
            />
          )}
          <TextInput
            id={fieldId('assign', 'dueOn')}
            type="date"
            label={labels.dueOn}
            value={form.dueOn}
            onChange={(e) => {
              const dueOn = e.currentTarget.value
              setForm((f) => ({ ...f, dueOn }))
            }}
            error={errors.dueOn}
            maw={240}
          />
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

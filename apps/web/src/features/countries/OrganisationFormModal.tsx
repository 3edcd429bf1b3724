import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Organisation, OrganisationType } from '@thbm/shared'
import { ORGANISATION_TYPES } from '@thbm/shared/roles'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'

interface Props {
  code: string
  /** null: create a new organisation in the country. */
  organisation: Organisation | null
  onClose: () => void
}

type Field = 'name' | 'type'

/** Create or edit an organisation. Edits send the version they started from; a 409 offers to reload, never overwrites. */
export function OrganisationFormModal({ code, organisation, onClose }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [base, setBase] = useState(organisation)
  const [name, setName] = useState(organisation?.name ?? '')
  const [type, setType] = useState<OrganisationType>(organisation?.type ?? 'government')
  const [active, setActive] = useState(organisation?.active ?? true)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})

  const save = useMutation({
    mutationFn: () =>
      base
        ? api(`/organisations/${base.id}`, {
            method: 'PATCH',
            body: { version: base.version, name: name.trim(), type, active },
          })
        : api('/organisations', { method: 'POST', body: { name: name.trim(), type, countryCode: code } }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organisations', code] })
      onClose()
    },
  })
  const reload = useMutation({
    mutationFn: (id: string) => api<{ data: Organisation }>(`/organisations/${id}`).then((r) => r.data),
    onSuccess: (current) => {
      setBase(current)
      setName(current.name)
      setType(current.type)
      setActive(current.active)
      setErrors({})
      save.reset()
      void queryClient.invalidateQueries({ queryKey: ['organisations', code] })
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setErrors({ name: t('countries:organisations.nameRequired') })
      return
    }
    setErrors({})
    save.mutate()
  }
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict
  const labels = { name: t('countries:organisations.name'), type: t('countries:organisations.type') }
  const general =
    save.error && !conflict && Object.keys(serverFieldErrors(save.error)).length === 0 ? errorMessage(save.error) : null
  const title = base ? t('countries:organisations.editTitle') : t('countries:organisations.addTitle')

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {conflict && base && <ConflictAlert onReload={() => reload.mutate(base.id)} reloading={reload.isPending} />}
          <FormErrorSummary errors={errors} labels={labels} idPrefix="org" message={general} />
          <TextInput
            id={fieldId('org', 'name')}
            label={labels.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Select
            id={fieldId('org', 'type')}
            label={labels.type}
            data={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`enums:organisationType.${v}`) }))}
            value={type}
            onChange={(v) => v && setType(v as OrganisationType)}
            allowDeselect={false}
            error={errors.type}
            required
          />
          {base && (
            <Switch
              label={t('countries:organisations.activeLabel')}
              description={t('countries:organisations.activeHint')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
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

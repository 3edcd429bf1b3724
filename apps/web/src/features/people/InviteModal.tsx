import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Me, OneTimeLink } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { isAdmin } from '../../app/permissions.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { OneTimeLinkBox } from '../../components/OneTimeLinkBox.tsx'
import { peopleKeys } from './api.ts'
import { GrantFields, type GrantValue, REGION, validateGrant } from './GrantFields.tsx'

type Field = 'email' | 'name' | 'role' | 'countryCode' | 'organisationId'

/** Invites someone by email with one role; the one-time link is shown once, to copy and send. */
export function InviteModal({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [grant, setGrant] = useState<GrantValue>({ role: null, countryCode: REGION, organisationId: null })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const invite = useMutation({
    mutationFn: () =>
      api<OneTimeLink>('/invitations', {
        method: 'POST',
        body: {
          email: email.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          role: grant.role,
          countryCode: grant.countryCode === REGION ? null : grant.countryCode,
          organisationId: grant.organisationId,
        },
      }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.invitations }),
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    // Same order as the form, so the summary reads top to bottom.
    const found: Partial<Record<Field, string>> = {}
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) found.email = t('people:invite.emailInvalid')
    Object.assign(found, validateGrant(grant, isAdmin(me), t))
    setErrors(found)
    if (Object.keys(found).length === 0) invite.mutate()
  }
  const labels: Record<Field, string> = {
    email: t('people:invite.email'),
    name: t('people:invite.name'),
    role: t('people:grant.role'),
    countryCode: t('people:grant.country'),
    organisationId: t('people:grant.organisation'),
  }
  const general =
    invite.error && Object.keys(serverFieldErrors(invite.error)).length === 0 ? errorMessage(invite.error) : null

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people:invite.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {invite.data ? (
        <Stack gap="md">
          <OneTimeLinkBox
            link={invite.data.link}
            expiresAt={invite.data.expiresAt}
            label={t('people:invite.linkLabel')}
            instructions={t('people:invite.linkInstructions', { email: email.trim() })}
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common:actions.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('people:invite.intro')}</Text>
            <FormErrorSummary errors={errors} labels={labels} idPrefix="invite" message={general} />
            <TextInput
              id={fieldId('invite', 'email')}
              label={labels.email}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
              data-autofocus
            />
            <TextInput
              id={fieldId('invite', 'name')}
              label={labels.name}
              description={t('people:invite.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <GrantFields me={me} value={grant} onChange={setGrant} errors={errors} idPrefix="invite" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('people:invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

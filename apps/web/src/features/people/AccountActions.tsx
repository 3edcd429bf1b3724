import { Button, Group, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { OneTimeLink, User } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { OneTimeLinkBox } from '../../components/OneTimeLinkBox.tsx'
import { Section } from '../../components/Section.tsx'
import { peopleKeys } from './api.ts'

/** Deactivate or reactivate an account (version-checked) and create a one-time password-reset link. */
export function AccountActions({ user }: { user: User }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const canUpdate = user.abilities.includes('user.update')
  const canReset = user.abilities.includes('user.resetPassword')

  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      api<{ data: User }>(`/users/${user.id}`, { method: 'PATCH', body: { version: user.version, active } }),
    onSuccess: (data) => {
      queryClient.setQueryData(peopleKeys.one(user.id), data.data)
      void queryClient.invalidateQueries({ queryKey: ['users'] })
      setConfirming(false)
    },
    onError: () => setConfirming(false),
  })
  const reset = useMutation({
    mutationFn: () => api<OneTimeLink>(`/users/${user.id}/password-reset`, { method: 'POST' }),
  })
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: peopleKeys.one(user.id) })
    setActive.reset()
  }
  if (!canUpdate && !canReset) return null
  const conflict = setActive.error instanceof ApiError && setActive.error.isVersionConflict

  return (
    <Section title={t('people:account.title')}>
      <Stack gap="md">
        {conflict && <ConflictAlert onReload={() => void reload()} />}
        {setActive.error && !conflict && <ErrorAlert error={setActive.error} />}
        {canUpdate && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" maw={560}>
              {user.active ? t('people:account.deactivateHint') : t('people:account.reactivateHint')}
            </Text>
            {user.active ? (
              <Button color="red" variant="outline" onClick={() => setConfirming(true)} disabled={conflict}>
                {t('people:account.deactivate')}
              </Button>
            ) : (
              <Button
                variant="outline"
                onClick={() => setActive.mutate(true)}
                loading={setActive.isPending}
                disabled={conflict}
              >
                {t('people:account.reactivate')}
              </Button>
            )}
          </Group>
        )}
        {canReset && (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" maw={560}>
                {t('people:account.resetHint')}
              </Text>
              <Button variant="default" onClick={() => reset.mutate()} loading={reset.isPending}>
                {t('people:account.resetCreate')}
              </Button>
            </Group>
            {reset.error && <ErrorAlert error={reset.error} />}
            {reset.data && (
              <OneTimeLinkBox
                link={reset.data.link}
                expiresAt={reset.data.expiresAt}
                label={t('people:account.resetLinkLabel')}
                instructions={t('people:account.resetInstructions', { name: user.name })}
              />
            )}
          </Stack>
        )}
      </Stack>
      {confirming && (
        <ConfirmModal
          title={t('people:account.confirmTitle')}
          message={t('people:account.confirmText', { name: user.name })}
          confirmLabel={t('people:account.deactivate')}
          danger
          loading={setActive.isPending}
          onConfirm={() => setActive.mutate(false)}
          onClose={() => setConfirming(false)}
        />
      )}
    </Section>
  )
}

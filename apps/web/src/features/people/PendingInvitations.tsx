import { Button, Table } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { PendingInvitation } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { peopleKeys, usePendingInvitations } from './api.ts'

/** Invitations not yet used, with who sent them and when they expire; each can be revoked. */
export function PendingInvitations({ canInvite }: { canInvite: boolean }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const countryName = useCountryName()
  const queryClient = useQueryClient()
  const invitations = usePendingInvitations()
  const [revoking, setRevoking] = useState<PendingInvitation | null>(null)
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.invitations })
      setRevoking(null)
    },
  })
  return (
    <Section title={t('people:pending.title')} description={t('people:pending.description')}>
      {invitations.isPending && <ListSkeleton rows={2} label={t('people:pending.loading')} />}
      {invitations.isError && <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && (
        <EmptyState>{canInvite ? t('people:pending.emptyCanInvite') : t('people:pending.empty')}</EmptyState>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption className="visually-hidden">{t('people:pending.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people:pending.email')}</Table.Th>
                <Table.Th scope="col">{t('people:pending.role')}</Table.Th>
                <Table.Th scope="col">{t('people:pending.invitedBy')}</Table.Th>
                <Table.Th scope="col">{t('people:pending.expires')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common:table.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td className="break-all">{i.email}</Table.Td>
                  <Table.Td>
                    {t('people:table.roleIn', { role: t(`enums:role.${i.role}`), scope: countryName(i.countryCode) })}
                  </Table.Td>
                  <Table.Td>{i.createdByName ?? t('common:system')}</Table.Td>
                  <Table.Td>{fmt.dateTime(i.expiresAt)}</Table.Td>
                  <Table.Td ta="end">
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => setRevoking(i)}
                      aria-label={t('people:pending.revokeNamed', { email: i.email })}
                    >
                      {t('people:pending.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {revoking && (
        <ConfirmModal
          title={t('people:pending.confirmTitle')}
          message={t('people:pending.confirmText', { email: revoking.email })}
          confirmLabel={t('people:pending.revoke')}
          danger
          error={revoke.error}
          loading={revoke.isPending}
          onConfirm={() => revoke.mutate(revoking.id)}
          onClose={() => {
            revoke.reset()
            setRevoking(null)
          }}
        />
      )}
    </Section>
  )
}

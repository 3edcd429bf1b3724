import { Button, Divider, Group, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Me, Membership, User } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { isAdmin, mayGrant } from '../../app/permissions.ts'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { useCountryName } from '../../components/country-name.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { MembershipList } from '../../components/MembershipList.tsx'
import { Section } from '../../components/Section.tsx'
import { peopleKeys } from './api.ts'
import { GrantFields, type GrantValue, REGION, validateGrant } from './GrantFields.tsx'

type Field = 'role' | 'countryCode' | 'organisationId'
const EMPTY: GrantValue = { role: null, countryCode: REGION, organisationId: null }

/** A person's roles; those the signed-in user may grant can be removed, and new ones added. */
export function MembershipsEditor({ me, user }: { me: Me; user: User }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const countryName = useCountryName()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [grant, setGrant] = useState<GrantValue>(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [removing, setRemoving] = useState<Membership | null>(null)
  const isSelf = user.id === me.id
  // Mirrors the server: nobody edits their own roles; others only within the roles and countries they may grant.
  const canEdit = !isSelf && (isAdmin(me) || me.memberships.some((m) => m.role === 'country_lead'))

  const onSaved = (data: { data: User }) => {
    queryClient.setQueryData(peopleKeys.one(user.id), data.data)
    void queryClient.invalidateQueries({ queryKey: ['users'] })
  }
  const add = useMutation({
    mutationFn: () =>
      api<{ data: User }>(`/users/${user.id}/memberships`, {
        method: 'POST',
        body: {
          role: grant.role,
          countryCode: grant.countryCode === REGION ? null : grant.countryCode,
          organisationId: grant.organisationId,
        },
      }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: (data) => {
      onSaved(data)
      setGrant(EMPTY)
    },
  })
  const remove = useMutation({
    mutationFn: (m: Membership) => api<{ data: User }>(`/users/${user.id}/memberships/${m.id}`, { method: 'DELETE' }),
    onSuccess: (data) => {
      onSaved(data)
      setRemoving(null)
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validateGrant(grant, isAdmin(me), t)
    setErrors(found)
    if (Object.keys(found).length === 0) add.mutate()
  }
  const labels = {
    role: t('people:grant.role'),
    countryCode: t('people:grant.country'),
    organisationId: t('people:grant.organisation'),
  }
  const general = add.error && Object.keys(serverFieldErrors(add.error)).length === 0 ? errorMessage(add.error) : null
  const describe = (m: Membership) =>
    t('people:table.roleIn', { role: t(`enums:role.${m.role}`), scope: countryName(m.countryCode) })

  return (
    <Section title={t('people:memberships.title')} description={isSelf ? t('people:memberships.selfHint') : undefined}>
      <MembershipList
        memberships={user.memberships}
        empty={canEdit ? t('people:memberships.emptyCanAdd') : t('people:memberships.empty')}
        actions={(m) =>
          canEdit && mayGrant(me, m) ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => setRemoving(m)}
              aria-label={t('people:memberships.removeNamed', { membership: describe(m) })}
            >
              {t('people:memberships.remove')}
            </Button>
          ) : null
        }
      />
      {canEdit && (
        <>
          <Divider />
          <form onSubmit={onSubmit} noValidate aria-label={t('people:memberships.addTitle')}>
            <Stack gap="sm" maw={480}>
              <Text fw={600} size="sm" component="h3">
                {t('people:memberships.addTitle')}
              </Text>
              <FormErrorSummary errors={errors} labels={labels} idPrefix="membership" message={general} />
              <GrantFields me={me} value={grant} onChange={setGrant} errors={errors} idPrefix="membership" />
              <Group>
                <Button type="submit" loading={add.isPending}>
                  {t('people:memberships.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </>
      )}
      {removing && (
        <ConfirmModal
          title={t('people:memberships.confirmTitle')}
          message={t('people:memberships.confirmText', { membership: describe(removing), name: user.name })}
          confirmLabel={t('people:memberships.remove')}
          danger
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing)}
          onClose={() => {
            remove.reset()
            setRemoving(null)
          }}
        />
      )}
    </Section>
  )
}

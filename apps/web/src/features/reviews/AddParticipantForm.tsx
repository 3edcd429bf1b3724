import { Button, Group, NativeSelect, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { PARTICIPANT_ROLES, type ParticipantRole, type ReviewDetail } from '@thbm/shared'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useUsers } from '../people/api.ts'
import { addParticipant, useStoreReview } from './api.ts'

/** Adds a person (any active user) to the review for a country and in a role. */
export function AddParticipantForm({ review }: { review: ReviewDetail }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const store = useStoreReview()
  const users = useUsers({})
  const countries = useCountries()
  const [userId, setUserId] = useState<string | null>(null)
  const [country, setCountry] = useState('')
  const [role, setRole] = useState<ParticipantRole>('rapporteur')
  const [missing, setMissing] = useState<{ user?: boolean; country?: boolean }>({})
  const taken = new Set((review.participants ?? []).map((p) => p.userId))
  const options = (users.data ?? [])
    .filter((u) => u.active && !taken.has(u.id))
    .map((u) => ({ value: u.id, label: t('review:participants.userOption', { name: u.name, email: u.email }) }))

  const add = useMutation({
    mutationFn: () => addParticipant(review.id, { userId: userId ?? '', countryCode: country, role }),
    onSuccess: (updated) => {
      store(updated)
      setUserId(null)
      setCountry('')
    },
  })
  const pickUser = (id: string | null) => {
    setUserId(id)
    setMissing((m) => ({ ...m, user: false }))
    const home = users.data?.find((u) => u.id === id)?.memberships.find((m) => m.countryCode)?.countryCode
    if (home) setCountry(home)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const problems = { user: !userId, country: !country }
    setMissing(problems)
    if (!problems.user && !problems.country) add.mutate()
  }
  const fieldIssue = (field: string) =>
    add.error instanceof ApiError && add.error.issues.some((i) => i.path === `body.${field}`)
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t('review:participants.addTitle')}
        </Title>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('review:participants.user')}
            placeholder={t('review:participants.userPlaceholder')}
            data={options}
            value={userId}
            onChange={pickUser}
            searchable
            nothingFoundMessage={t('review:participants.noUser')}
            error={missing.user || fieldIssue('userId') ? t('review:participants.userRequired') : undefined}
            required
            w={320}
          />
          <NativeSelect
            label={t('review:participants.country')}
            data={[
              { value: '', label: t('review:participants.chooseCountry'), disabled: true },
              ...(countries.data ?? []).map((c) => ({ value: c.code, label: countryName(c, i18n.language) })),
            ]}
            value={country}
            onChange={(e) => {
              setCountry(e.currentTarget.value)
              setMissing((m) => ({ ...m, country: false }))
            }}
            error={missing.country || fieldIssue('countryCode') ? t('review:participants.countryRequired') : undefined}
            required
            w={220}
          />
          <NativeSelect
            label={t('review:participants.role')}
            data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`review:participantRole.${r}`) }))}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as ParticipantRole)}
            w={220}
          />
        </Group>
        {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        {add.error && !(add.error instanceof ApiError && add.error.issues.length > 0) && (
          <ErrorAlert error={add.error} />
        )}
        {add.isSuccess && (
          <Text size="sm" c="teal.9" role="status">
            {t('review:participants.added')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('review:participants.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

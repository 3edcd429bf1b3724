import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InvitationInfo, MeResponse } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError, api } from '../../api/client.ts'
import { queryKeys } from '../../app/queries.ts'
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.tsx'
import { Facts } from '../../components/Facts.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { PageLoader } from '../../components/PageLoader.tsx'
import { PasswordWithPolicy } from '../../components/PasswordWithPolicy.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useFormat } from '../../i18n/format.ts'
import { InvalidLink } from './InvalidLink.tsx'

type Field = 'name' | 'password'

/** Accepting an invitation: shows what it grants, asks for a name and a password, then signs the person in. */
export default function InvitationPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth:invitation.title'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const info = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) =>
      api<InvitationInfo>(`/auth/invitations/${encodeURIComponent(token)}`, { signal, allowAnonymous: true }),
    enabled: token.length > 0,
  })
  if (!token) return <InvalidLink kind="invitation" />
  if (info.isPending) return <PageLoader />
  if (info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400)) {
    return <InvalidLink kind="invitation" />
  }
  if (info.isError) return <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />
  return <AcceptForm token={token} info={info.data} />
}

function AcceptForm({ token, info }: { token: string; info: InvitationInfo }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [name, setName] = useState(info.name ?? '')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})

  const accept = useMutation({
    mutationFn: () =>
      api<MeResponse>('/auth/invitations/accept', {
        method: 'POST',
        body: { token, name: name.trim(), password },
        allowAnonymous: true,
      }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: (me) => {
      queryClient.clear()
      queryClient.setQueryData(queryKeys.me, me)
      navigate('/', { replace: true })
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    if (!name.trim()) found.name = t('auth:invitation.nameRequired')
    if (!password) found.password = t('auth:invitation.passwordRequired')
    setErrors(found)
    if (Object.keys(found).length === 0) accept.mutate()
  }
  const labels = { name: t('auth:fields.name'), password: t('auth:fields.password') }
  const general =
    accept.error && Object.keys(serverFieldErrors(accept.error)).length === 0 ? errorMessage(accept.error) : null

  return (
    <Paper withBorder shadow="xs" radius="md" p={{ base: 'md', sm: 'xl' }} bg="white">
      <form onSubmit={onSubmit} noValidate aria-labelledby="invitation-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="invitation-title">
            {t('auth:invitation.title')}
          </Title>
          <Text size="sm">{t('auth:invitation.intro')}</Text>
          <Facts
            items={[
              { label: t('auth:fields.email'), value: info.email },
              { label: t('auth:invitation.role'), value: t(`enums:role.${info.role}`) },
              { label: t('auth:invitation.country'), value: info.countryCode ?? t('common:scope.region') },
              ...(info.organisationName
                ? [{ label: t('auth:invitation.organisation'), value: info.organisationName }]
                : []),
              { label: t('auth:invitation.expires'), value: fmt.dateTime(info.expiresAt) },
            ]}
          />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="invitation" message={general} />
          <TextInput
            id={fieldId('invitation', 'name')}
            label={labels.name}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <PasswordWithPolicy
            id={fieldId('invitation', 'password')}
            label={labels.password}
            value={password}
            onChange={setPassword}
            email={info.email}
            error={errors.password}
            note={t('auth:invitation.existingAccountNote')}
          />
          <Button type="submit" loading={accept.isPending} size="md">
            {t('auth:invitation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

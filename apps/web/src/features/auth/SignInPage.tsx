import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MeResponse } from '@thbm/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { ApiError, api } from '../../api/client.ts'
import { queryKeys, useMe } from '../../app/queries.ts'
import { safeNext } from '../../app/RootLayout.tsx'
import { DemoBanner } from '../../components/DemoBanner.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { AlertIcon, CheckIcon } from '../../components/icons.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { activeLocale } from '../../i18n/i18n.ts'

type Field = 'email' | 'password'

/** The sign-in form. A wrong email or password gets one generic answer; too many attempts say how long to wait. */
export default function SignInPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('auth:signIn.title'))
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const me = useMe()
  const errorMessage = useErrorMessage()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const emailRef = useRef<HTMLInputElement>(null)
  const next = safeNext(params.get('next'))

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<MeResponse>('/auth/login', { method: 'POST', body, allowAnonymous: true }),
    onSuccess: (data) => {
      queryClient.clear()
      queryClient.setQueryData(queryKeys.me, data)
      navigate(next, { replace: true })
    },
  })

  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    if (!email.trim()) found.email = t('auth:signIn.emailRequired')
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) found.email = t('auth:signIn.emailInvalid')
    if (!password) found.password = t('auth:signIn.passwordRequired')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    signIn.mutate({ email: email.trim(), password })
  }

  const failure = signIn.error
  const failureText =
    failure instanceof ApiError && failure.status === 401
      ? t('auth:signIn.wrongCredentials')
      : failure
        ? errorMessage(failure)
        : null
  const labels = { email: t('auth:fields.email'), password: t('auth:fields.password') }

  return (
    <Stack gap="lg">
      <Paper withBorder shadow="xs" radius="md" p={{ base: 'md', sm: 'xl' }} bg="white">
        <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
          <Stack gap="md">
            <Title order={1} size="h2" id="sign-in-title">
              {t('auth:signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth:signIn.intro')}
            </Text>
            {params.get('reset') === 'done' && (
              <Alert color="teal" icon={<CheckIcon />} role="status">
                {t('auth:signIn.resetDone')}
              </Alert>
            )}
            {params.get('signedOut') === '1' && !failureText && (
              <Alert color="gray" icon={<CheckIcon />} role="status">
                {t('auth:signIn.signedOut')}
              </Alert>
            )}
            {failureText && (
              <Alert color="red" icon={<AlertIcon />} title={t('auth:signIn.failedTitle')}>
                {failureText}
              </Alert>
            )}
            <FormErrorSummary errors={errors} labels={labels} idPrefix="sign-in" />
            <TextInput
              ref={emailRef}
              id={fieldId('sign-in', 'email')}
              label={labels.email}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              required
            />
            <PasswordInput
              id={fieldId('sign-in', 'password')}
              label={labels.password}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              required
              visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth size="md">
              {t('auth:signIn.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('auth:signIn.forgotHint')}
            </Text>
          </Stack>
        </form>
      </Paper>
      <Text ta="center">
        <Anchor component={Link} to={`/public/${activeLocale(i18n)}`}>
          {t('portal:layout.name')}
        </Anchor>
      </Text>
      <DemoBanner
        onPick={(e, p) => {
          setEmail(e)
          setPassword(p)
          setErrors({})
          emailRef.current?.focus()
        }}
      />
    </Stack>
  )
}

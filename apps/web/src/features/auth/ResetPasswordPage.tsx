import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { checkPassword } from '@thbm/shared/password'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError, api } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { PasswordWithPolicy } from '../../components/PasswordWithPolicy.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { InvalidLink } from './InvalidLink.tsx'

type Field = 'password' | 'confirm'

/** Setting a new password from a one-time reset link; afterwards the person signs in with it. */
export default function ResetPasswordPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth:reset.title'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const navigate = useNavigate()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const reset = useMutation({
    mutationFn: () => api('/auth/password-reset', { method: 'POST', body: { token, password }, allowAnonymous: true }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: () => navigate('/sign-in?reset=done', { replace: true }),
  })

  if (!token || (reset.error instanceof ApiError && reset.error.status === 404)) return <InvalidLink kind="reset" />

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    const problem = checkPassword(password)
    if (problem) found.password = t(`auth:password.problem.${problem}`)
    if (confirm !== password) found.confirm = t('auth:reset.mismatch')
    setErrors(found)
    if (Object.keys(found).length === 0) reset.mutate()
  }
  const labels = { password: t('auth:reset.newPassword'), confirm: t('auth:reset.confirm') }
  const general =
    reset.error && Object.keys(serverFieldErrors(reset.error)).length === 0 ? errorMessage(reset.error) : null

  return (
    <Paper withBorder shadow="xs" radius="md" p={{ base: 'md', sm: 'xl' }} bg="white">
      <form onSubmit={onSubmit} noValidate aria-labelledby="reset-title">
        <Stack gap="md">
          <Title order={1} size="h2" id="reset-title">
            {t('auth:reset.title')}
          </Title>
          <Text size="sm">{t('auth:reset.intro')}</Text>
          <FormErrorSummary errors={errors} labels={labels} idPrefix="reset" message={general} />
          <PasswordWithPolicy
            id={fieldId('reset', 'password')}
            label={labels.password}
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <PasswordInput
            id={fieldId('reset', 'confirm')}
            label={labels.confirm}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            required
            visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
          />
          <Button type="submit" loading={reset.isPending} size="md">
            {t('auth:reset.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}

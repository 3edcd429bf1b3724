import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { checkPassword } from '@thbm/shared/password'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { CheckIcon } from '../../components/icons.tsx'
import { PasswordWithPolicy } from '../../components/PasswordWithPolicy.tsx'

type Field = 'currentPassword' | 'newPassword' | 'confirm'

/** Changes the person's own password; other sessions end, this one stays signed in. */
export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const change = useMutation({
    mutationFn: () => api('/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      setConfirm('')
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found: Partial<Record<Field, string>> = {}
    if (!current) found.currentPassword = t('account:password.currentRequired')
    const problem = checkPassword(next, email)
    if (problem) found.newPassword = t(`auth:password.problem.${problem}`)
    if (confirm !== next) found.confirm = t('auth:reset.mismatch')
    setErrors(found)
    if (Object.keys(found).length === 0) change.mutate()
  }
  const labels = {
    currentPassword: t('account:password.current'),
    newPassword: t('account:password.new'),
    confirm: t('auth:reset.confirm'),
  }
  const general =
    change.error && Object.keys(serverFieldErrors(change.error)).length === 0 ? errorMessage(change.error) : null
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('account:password.title')}>
      <Stack gap="md" maw={480}>
        <FormErrorSummary errors={errors} labels={labels} idPrefix="password" message={general} />
        {change.isSuccess && (
          <Alert color="teal" icon={<CheckIcon />} role="status">
            {t('account:password.changed')}
          </Alert>
        )}
        <PasswordInput
          id={fieldId('password', 'currentPassword')}
          label={labels.currentPassword}
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassword}
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
        />
        <PasswordWithPolicy
          id={fieldId('password', 'newPassword')}
          label={labels.newPassword}
          value={next}
          onChange={setNext}
          email={email}
          error={errors.newPassword}
        />
        <PasswordInput
          id={fieldId('password', 'confirm')}
          label={labels.confirm}
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
          required
          visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account:password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

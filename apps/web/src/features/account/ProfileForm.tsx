import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Me, MeResponse } from '@thbm/shared'
import { LOCALE_NAMES, LOCALES, type Locale } from '@thbm/shared/locales'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { queryKeys } from '../../app/queries.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { CheckIcon } from '../../components/icons.tsx'
import { storeLocale } from '../../i18n/i18n.ts'

const AUTO = 'auto'

/** Name and preferred language; saving the language also switches the interface to it. */
export function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [name, setName] = useState(me.name)
  const [locale, setLocale] = useState<string>(me.locale ?? AUTO)
  const [errors, setErrors] = useState<{ name?: string }>({})
  const save = useMutation({
    mutationFn: (body: { name: string; locale: Locale | null }) =>
      api<MeResponse>('/auth/me', { method: 'PATCH', body }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.me, data)
      if (data.data.locale) {
        storeLocale(data.data.locale)
        void i18n.changeLanguage(data.data.locale)
      }
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) {
      setErrors({ name: t('account:profile.nameRequired') })
      return
    }
    setErrors({})
    save.mutate({ name: name.trim(), locale: locale === AUTO ? null : (locale as Locale) })
  }
  const labels = { name: t('account:profile.name') }
  const general =
    save.error && Object.keys(serverFieldErrors(save.error)).length === 0 ? errorMessage(save.error) : null
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('account:profile.title')}>
      <Stack gap="md" maw={480}>
        <FormErrorSummary errors={errors} labels={labels} idPrefix="profile" message={general} />
        {save.isSuccess && (
          <Alert color="teal" icon={<CheckIcon />} role="status">
            {t('account:profile.saved')}
          </Alert>
        )}
        <TextInput
          id={fieldId('profile', 'name')}
          label={labels.name}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
        />
        <Select
          id={fieldId('profile', 'locale')}
          label={t('account:profile.language')}
          description={t('account:profile.languageHint')}
          data={[
            { value: AUTO, label: t('account:profile.languageAuto') },
            ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
          ]}
          value={locale}
          onChange={(v) => setLocale(v ?? AUTO)}
          allowDeselect={false}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

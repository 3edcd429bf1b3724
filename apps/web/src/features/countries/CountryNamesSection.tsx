import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Country } from '@thbm/shared'
import { LOCALE_NAMES, LOCALES, type Locale } from '@thbm/shared/locales'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { queryKeys } from '../../app/queries.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useServerFieldErrors } from '../../components/field-errors.ts'
import { CheckIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { countryKeys } from './api.ts'

const namesOf = (country: Country) =>
  Object.fromEntries(LOCALES.map((l) => [l, country.names[l] ?? ''])) as Record<Locale, string>

/** Admins edit a country's name in each UI language (English required); version-checked. */
export function CountryNamesSection({ country }: { country: Country }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const serverFieldErrors = useServerFieldErrors()
  const errorMessage = useErrorMessage()
  const [version, setVersion] = useState(country.version)
  const [names, setNames] = useState(() => namesOf(country))
  const [errors, setErrors] = useState<Record<string, string>>({})

  const save = useMutation({
    mutationFn: () =>
      api<{ data: Country }>(`/countries/${country.code}`, {
        method: 'PATCH',
        body: { version, names: Object.fromEntries(Object.entries(names).filter(([, v]) => v.trim())) },
      }).then((r) => r.data),
    onError: (error) => setErrors(serverFieldErrors(error)),
    onSuccess: (updated) => {
      setVersion(updated.version)
      queryClient.setQueryData(countryKeys.one(country.code), updated)
      void queryClient.invalidateQueries({ queryKey: queryKeys.countries, exact: true })
    },
  })
  const reload = useMutation({
    mutationFn: () => api<{ data: Country }>(`/countries/${country.code}`).then((r) => r.data),
    onSuccess: (current) => {
      setVersion(current.version)
      setNames(namesOf(current))
      setErrors({})
      save.reset()
      queryClient.setQueryData(countryKeys.one(country.code), current)
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!names.en.trim()) {
      setErrors({ 'names.en': t('common:fieldErrors.englishNameRequired') })
      return
    }
    setErrors({})
    save.mutate()
  }
  const conflict = save.error instanceof ApiError && save.error.isVersionConflict
  const labels = Object.fromEntries(
    LOCALES.map((l) => [`names.${l}`, t('countries:names.field', { language: LOCALE_NAMES[l] })]),
  )
  const general =
    save.error && !conflict && Object.keys(serverFieldErrors(save.error)).length === 0 ? errorMessage(save.error) : null

  return (
    <Section title={t('countries:names.title')} description={t('countries:names.description')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('countries:names.title')}>
        <Stack gap="md">
          {conflict && <ConflictAlert onReload={() => reload.mutate()} reloading={reload.isPending} />}
          {save.isSuccess && (
            <Alert color="teal" icon={<CheckIcon />} role="status">
              {t('countries:names.saved')}
            </Alert>
          )}
          <FormErrorSummary errors={errors} labels={labels} idPrefix="names" message={general} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {LOCALES.map((l) => (
              <TextInput
                key={l}
                id={fieldId('names', `names.${l}`)}
                label={labels[`names.${l}`]}
                lang={l}
                value={names[l]}
                onChange={(e) => {
                  const value = e.currentTarget.value
                  setNames((n) => ({ ...n, [l]: value }))
                }}
                error={errors[`names.${l}`]}
                required={l === 'en'}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={conflict}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  )
}

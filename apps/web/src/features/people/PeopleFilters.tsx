import { Button, Group, Select, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { ROLES } from '@thbm/shared/roles'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'

/** Country, role and search filters kept in the URL query, so a filtered list can be bookmarked and shared. */
export function PeopleFilters() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const countries = useCountries()
  const [q, setQ] = useState(params.get('q') ?? '')
  const update = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  const updateQ = useDebouncedCallback((value: string) => update('q', value.trim() || null), 300)
  const hasFilters = Boolean(params.get('country') || params.get('role') || params.get('q'))

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('people:filters.label')}>
      <TextInput
        label={t('people:filters.search')}
        placeholder={t('people:filters.searchPlaceholder')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value)
          updateQ(e.currentTarget.value)
        }}
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('people:filters.country')}
        placeholder={t('people:filters.any')}
        data={(countries.data ?? []).map((c) => ({ value: c.code, label: countryName(c, i18n.language) }))}
        value={params.get('country')}
        onChange={(v) => update('country', v)}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      <Select
        label={t('people:filters.role')}
        placeholder={t('people:filters.any')}
        data={ROLES.map((r) => ({ value: r, label: t(`enums:role.${r}`) }))}
        value={params.get('role')}
        onChange={(v) => update('role', v)}
        clearable
        w={{ base: '100%', xs: 220 }}
      />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('')
            setParams(new URLSearchParams(), { replace: true })
          }}
        >
          {t('people:filters.clear')}
        </Button>
      )}
    </Group>
  )
}

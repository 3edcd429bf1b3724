import { Button, Group, NativeSelect, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { INDICATOR_KINDS, LEGAL_INSTRUMENTS, TOPICS } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  type FilterKey,
  type IndicatorFilters as Filters,
  FLAGS,
  hasFilters,
  withFilter,
  withoutFilters,
} from './filters.ts'

/** Search and filters (kind, topic, flag, legal instrument), kept in the URL query so a view can be shared. */
export function IndicatorFilters({ filters }: { filters: Filters }) {
  const { t } = useTranslation()
  const [, setParams] = useSearchParams()
  const [q, setQ] = useState(filters.q)
  // Built on the address as it is now, not as it was at the last render, so quick changes never undo each other.
  const current = () => new URLSearchParams(window.location.search)
  const update = (key: FilterKey, value: string | null) =>
    setParams(withFilter(current(), key, value), { replace: true })
  const updateQ = useDebouncedCallback((value: string) => update('q', value), 250)
  const any = t('handbook:filters.any')
  const options = (values: readonly string[], label: (v: string) => string) => [
    { value: '', label: any },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ]
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('handbook:filters.label')}>
      <TextInput
        label={t('handbook:filters.search')}
        placeholder={t('handbook:filters.searchHint')}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value)
          updateQ(e.currentTarget.value)
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <NativeSelect
        label={t('handbook:filters.kind')}
        data={options(INDICATOR_KINDS, (v) => t(`enums:indicatorKind.${v}`))}
        value={filters.kind ?? ''}
        onChange={(e) => update('kind', e.currentTarget.value)}
        w={{ base: '100%', xs: 160 }}
      />
      <NativeSelect
        label={t('handbook:filters.topic')}
        data={options(TOPICS, (v) => t(`enums:topic.${v}`))}
        value={filters.topic ?? ''}
        onChange={(e) => update('topic', e.currentTarget.value)}
        w={{ base: '100%', xs: 220 }}
      />
      <NativeSelect
        label={t('handbook:filters.flag')}
        data={options(FLAGS, (v) => t(`enums:indicatorFlag.${v}`))}
        value={filters.flag ?? ''}
        onChange={(e) => update('flag', e.currentTarget.value)}
        w={{ base: '100%', xs: 180 }}
      />
      <NativeSelect
        label={t('handbook:filters.instrument')}
        data={options(LEGAL_INSTRUMENTS, (v) => t(`enums:legalInstrument.${v}`))}
        value={filters.instrument ?? ''}
        onChange={(e) => update('instrument', e.currentTarget.value)}
        w={{ base: '100%', xs: 260 }}
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          onClick={() => {
            setQ('')
            setParams(withoutFilters(current()), { replace: true })
          }}
        >
          {t('handbook:filters.clear')}
        </Button>
      )}
    </Group>
  )
}

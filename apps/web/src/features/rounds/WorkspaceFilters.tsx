import { Button, Group, Select, Switch } from '@mantine/core'
import { type Area, type ContentLocale, type ProgressRow, WORK_STATUSES } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useLocalText } from './text.tsx'
import {
  type FilterKey,
  hasFilters,
  organisationsOnBoard,
  readFilters,
  withFilter,
  withoutFilters,
} from './workspace-filters.ts'

interface Props {
  rows: ProgressRow[]
  areas: Area[]
  baseLocale: ContentLocale
}

/** Area, status, organisation and "late only" filters; they live in the URL query. */
export function WorkspaceFilters({ rows, areas, baseLocale }: Props) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const [params, setParams] = useSearchParams()
  const filters = readFilters(params)
  const set = (key: FilterKey, value: string | boolean | null) =>
    setParams((prev) => withFilter(prev, key, value), { replace: true })
  const areaCodes = [...new Set(rows.map((r) => r.area))]
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('rounds:filters.label')}>
      <Select
        label={t('rounds:filters.area')}
        placeholder={t('rounds:filters.any')}
        data={areaCodes.map((code) => {
          const area = areas.find((a) => a.code === code)
          return { value: code, label: area ? `${code} · ${pick(area.title).text}` : code }
        })}
        value={filters.area}
        onChange={(v) => set('area', v)}
        clearable
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label={t('rounds:filters.status')}
        placeholder={t('rounds:filters.any')}
        data={WORK_STATUSES.map((s) => ({ value: s, label: t(`rounds:status.work.${s}`) }))}
        value={filters.status}
        onChange={(v) => set('status', v)}
        clearable
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label={t('rounds:filters.organisation')}
        placeholder={t('rounds:filters.any')}
        data={organisationsOnBoard(rows).map((o) => ({ value: o.id, label: o.name }))}
        value={filters.organisation}
        onChange={(v) => set('organisation', v)}
        clearable
        w={{ base: '100%', xs: 260 }}
      />
      <Switch
        label={t('rounds:filters.lateOnly')}
        checked={filters.late}
        onChange={(e) => set('late', e.currentTarget.checked)}
        mb={8}
      />
      {hasFilters(filters) && (
        <Button variant="subtle" onClick={() => setParams((prev) => withoutFilters(prev), { replace: true })}>
          {t('rounds:filters.clear')}
        </Button>
      )}
    </Group>
  )
}

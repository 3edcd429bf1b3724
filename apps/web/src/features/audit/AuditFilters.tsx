import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core'
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '@thbm/shared/audit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { useUsers } from '../people/api.ts'
import type { AuditFilter } from './api.ts'

export const SUBJECT_TYPES = AUDIT_SUBJECT_TYPES

interface AuditFiltersProps {
  value: AuditFilter
  onApply: (filter: AuditFilter) => void
}

/**
 * Filter form for the audit log; applying it writes the filters into the URL and starts from the newest event.
 * The parent keys it by the URL query, so a URL change (back button, clear) starts a fresh draft.
 */
export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const { t, i18n } = useTranslation()
  const countries = useCountries()
  const users = useUsers({})
  const [draft, setDraft] = useState<AuditFilter>(value)
  const set = (key: keyof AuditFilter, v: string | null) => setDraft((d) => ({ ...d, [key]: v || undefined }))
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const { before: _before, ...rest } = draft
    onApply(rest)
  }
  return (
    <search aria-label={t('audit:filters.label')}>
      <form onSubmit={onSubmit}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('audit:filters.action')}
            placeholder={t('audit:filters.any')}
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`enums:auditAction.${a}`) }))}
            value={draft.action ?? null}
            onChange={(v) => set('action', v)}
            searchable
            clearable
          />
          <Select
            label={t('audit:filters.user')}
            placeholder={t('audit:filters.any')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
            value={draft.userId ?? null}
            onChange={(v) => set('userId', v)}
            searchable
            clearable
          />
          <Select
            label={t('audit:filters.country')}
            placeholder={t('audit:filters.any')}
            data={(countries.data ?? []).map((c) => ({ value: c.code, label: countryName(c, i18n.language) }))}
            value={draft.country ?? null}
            onChange={(v) => set('country', v)}
            clearable
          />
          <Select
            label={t('audit:filters.subjectType')}
            placeholder={t('audit:filters.any')}
            data={SUBJECT_TYPES.map((s) => ({ value: s, label: t(`enums:subjectType.${s}`) }))}
            value={draft.subjectType ?? null}
            onChange={(v) => set('subjectType', v)}
            clearable
          />
          <TextInput
            label={t('audit:filters.subjectId')}
            value={draft.subjectId ?? ''}
            onChange={(e) => set('subjectId', e.currentTarget.value.trim())}
          />
          <TextInput
            label={t('audit:filters.from')}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            label={t('audit:filters.to')}
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
          <Group align="flex-end" gap="xs">
            <Button type="submit">{t('audit:filters.apply')}</Button>
            <Button variant="subtle" onClick={() => onApply({})}>
              {t('audit:filters.clear')}
            </Button>
          </Group>
        </SimpleGrid>
      </form>
    </search>
  )
}

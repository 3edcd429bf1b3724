import { Button, Group, Switch, Table } from '@mantine/core'
import type { Organisation } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { leadsCountry } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { useOrganisations } from './api.ts'
import { OrganisationFormModal } from './OrganisationFormModal.tsx'

type Editing = { mode: 'create' } | { mode: 'edit'; organisation: Organisation } | null

/** The country's organisations; country leads (and admins) add, rename, retype, deactivate and reactivate them. */
export function OrganisationsSection({ code }: { code: string }) {
  const { t } = useTranslation()
  const me = useMe().data
  const [includeInactive, setIncludeInactive] = useState(false)
  const [editing, setEditing] = useState<Editing>(null)
  const orgs = useOrganisations(code, includeInactive)
  // The API reports no create ability per country; this mirrors the server rule (admin or the country's lead).
  const canCreate = me ? leadsCountry(me.data, code) : false

  return (
    <Section
      title={t('countries:organisations.title')}
      description={t('countries:organisations.description')}
      actions={
        canCreate && (
          <Button size="sm" onClick={() => setEditing({ mode: 'create' })}>
            {t('countries:organisations.add')}
          </Button>
        )
      }
    >
      <Switch
        label={t('countries:organisations.showInactive')}
        checked={includeInactive}
        onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
      />
      {orgs.isPending && <ListSkeleton rows={3} label={t('countries:organisations.loading')} />}
      {orgs.isError && <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {orgs.data?.length === 0 && (
        <EmptyState>
          {canCreate ? t('countries:organisations.emptyCanAdd') : t('countries:organisations.empty')}
        </EmptyState>
      )}
      {orgs.data && orgs.data.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="sm" striped highlightOnHover>
            <Table.Caption className="visually-hidden">{t('countries:organisations.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('countries:organisations.name')}</Table.Th>
                <Table.Th scope="col">{t('countries:organisations.type')}</Table.Th>
                <Table.Th scope="col">{t('countries:organisations.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common:table.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.data.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td fw={500}>{o.name}</Table.Td>
                  <Table.Td>{t(`enums:organisationType.${o.type}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={o.active} />
                  </Table.Td>
                  <Table.Td>
                    {o.abilities.includes('organisation.update') && (
                      <Group justify="flex-end">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing({ mode: 'edit', organisation: o })}
                          aria-label={t('countries:organisations.editNamed', { name: o.name })}
                        >
                          {t('common:actions.edit')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <OrganisationFormModal
          code={code}
          organisation={editing.mode === 'edit' ? editing.organisation : null}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  )
}

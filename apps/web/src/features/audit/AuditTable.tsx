import { Anchor, Button, Table, Text } from '@mantine/core'
import type { AuditEvent } from '@thbm/shared'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCountryName } from '../../components/country-name.ts'
import { useFormat } from '../../i18n/format.ts'
import { AuditSummary } from './AuditSummary.tsx'

/** Audit events: when, who, what (translated), on what, in which country; each row expands to its summary. */
export function AuditTable({ events, canOpenPeople }: { events: AuditEvent[]; canOpenPeople: boolean }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const countryName = useCountryName()
  const [open, setOpen] = useState<Set<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const subject = (e: AuditEvent) => {
    const type = t(`enums:subjectType.${e.subjectType}`, { defaultValue: e.subjectType })
    if (e.subjectType === 'user' && canOpenPeople) {
      return (
        <Anchor component={Link} to={`/people/${e.subjectId}`} size="sm">
          {type} <ShortId id={e.subjectId} />
        </Anchor>
      )
    }
    if (e.subjectType === 'country') {
      return (
        <Anchor component={Link} to={`/countries/${e.subjectId}`} size="sm">
          {countryName(e.subjectId)}
        </Anchor>
      )
    }
    return (
      <Text size="sm">
        {type} <ShortId id={e.subjectId} />
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('audit:table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit:table.when')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.who')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.subject')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.country')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => {
            const expanded = open.has(e.id)
            const detailsId = `audit-details-${e.id}`
            return (
              <Fragment key={e.id}>
                <Table.Tr>
                  <Table.Td className="nowrap">
                    <Text size="sm">{fmt.dateTime(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actor ? e.actor.name || e.actor.email : t('common:system')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(`enums:auditAction.${e.action}`, { defaultValue: e.action })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{subject(e)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.countryCode ? countryName(e.countryCode) : t('audit:table.noCountry')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(e.id)}
                    >
                      {expanded ? t('audit:table.hide') : t('audit:table.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={6} bg="gray.0">
                      <AuditSummary summary={e.summary} />
                      {e.requestId && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('common:errors.requestId', { id: e.requestId })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The end of an id (UUIDv7 ids share their time-based start), with the full id for hover and screen readers. */
function ShortId({ id }: { id: string }) {
  if (id.length <= 10) return <span className="mono-id">{id}</span>
  return (
    <span className="mono-id" title={id}>
      …{id.slice(-6)}
    </span>
  )
}

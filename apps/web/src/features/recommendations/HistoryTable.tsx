import { Anchor, Table, Text } from '@mantine/core'
import type { Recommendation } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../rounds/dates.ts'
import { FollowUpStatusBadge } from './Badges.tsx'
import { EvidenceList } from './EvidenceList.tsx'

/** A recommendation's follow-up in every later round, oldest first: status, comment, response, evidence, who and when. */
export function HistoryTable({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation()
  const fmt = useDates()
  if (rec.followUps.length === 0) return <Text size="sm">{t('recommendations:history.empty')}</Text>
  const text = (value: string | null) =>
    value ? (
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {value}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t('recommendations:none')}
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped withTableBorder verticalSpacing="xs" data-testid="follow-up-history">
        <Table.Caption className="visually-hidden">{t('recommendations:history.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('recommendations:history.round')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:history.status')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:followUp.comment')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:followUp.response')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:followUp.evidence')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:history.recorded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rec.followUps.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/rounds/${f.round.id}/countries/${rec.countryCode}`} size="sm">
                  {f.round.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <FollowUpStatusBadge status={f.status} />
              </Table.Td>
              <Table.Td>{text(f.comment)}</Table.Td>
              <Table.Td>{text(f.response)}</Table.Td>
              <Table.Td>
                <EvidenceList evidence={f.evidence} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {f.updatedBy
                    ? t('recommendations:history.byOn', { who: f.updatedBy.name, when: fmt.dateTime(f.updatedAt) })
                    : fmt.dateTime(f.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

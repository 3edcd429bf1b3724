import { Table, Text } from '@mantine/core'
import type { ReportPublication } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useDates } from '../rounds/dates.ts'
import { publicationUrl, type ReportChoice } from './api.ts'
import { DownloadLinks } from './DownloadLinks.tsx'

/** Every published version of one report (newest first) with its date and change note, each downloadable. */
export function PublicationHistory({
  name,
  publications,
  choice,
}: {
  name: string
  publications: readonly ReportPublication[]
  choice: ReportChoice
}) {
  const { t } = useTranslation()
  const fmt = useDates()
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" striped data-testid="publication-history">
        <Table.Caption className="visually-hidden">{t('reports:history.caption', { name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports:history.version')}</Table.Th>
            <Table.Th scope="col">{t('reports:history.date')}</Table.Th>
            <Table.Th scope="col">{t('reports:history.note')}</Table.Th>
            <Table.Th scope="col">{t('reports:history.download')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {publications.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500}>
                {p.number}
              </Table.Th>
              <Table.Td>{fmt.dateTime(p.publishedAt)}</Table.Td>
              <Table.Td>
                {p.changeNote ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {p.changeNote}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {p.number === 1 ? t('reports:history.firstNote') : '–'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DownloadLinks
                  href={(format) => publicationUrl(p.id, format, choice)}
                  label={(format) => t('reports:download.versionLabel', { number: p.number, name, format })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

import { Anchor, Button, Table, Text } from '@mantine/core'
import type { FrameworkSummary } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'
import { VersionStatusBadge } from './VersionStatusBadge.tsx'
import { latestPublished, newestFirst } from './versions.ts'

/** One framework: its versions with status, indicator count and publication date, and a link to the latest. */
export function FrameworkSection({ framework }: { framework: FrameworkSummary }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const pick = useContentText(framework.baseLocale)
  const name = pick(framework.name)
  const latest = latestPublished(framework.versions)
  const labels = new Map(framework.versions.map((v) => [v.id, v.label]))
  return (
    <Section
      title={name.text || framework.code}
      description={
        <>
          {name.missing && <NotTranslatedBadge baseLocale={framework.baseLocale} />}{' '}
          {t('handbook:list.frameworkMeta', {
            code: framework.code,
            language: t(`enums:contentLocale.${framework.baseLocale}`),
          })}
        </>
      }
      actions={
        latest && (
          <Button component={Link} to={`/handbook/${latest.id}`}>
            {t('handbook:list.openLatest', { label: latest.label })}
          </Button>
        )
      }
    >
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" striped highlightOnHover>
          <Table.Caption className="visually-hidden">
            {t('handbook:list.versionsCaption', { name: name.text || framework.code })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('handbook:list.version')}</Table.Th>
              <Table.Th scope="col">{t('handbook:list.status')}</Table.Th>
              <Table.Th scope="col">{t('handbook:list.indicators')}</Table.Th>
              <Table.Th scope="col">{t('handbook:list.published')}</Table.Th>
              <Table.Th scope="col">{t('handbook:list.basedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(framework.versions).map((v) => (
              <Table.Tr key={v.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={`/handbook/${v.id}`} fw={600}>
                    {v.label}
                  </Anchor>
                </Table.Th>
                <Table.Td className="nowrap">
                  <VersionStatusBadge status={v.status} />
                </Table.Td>
                <Table.Td>{fmt.number(v.indicatorCount)}</Table.Td>
                <Table.Td>
                  {v.publishedAt ? (
                    fmt.date(v.publishedAt)
                  ) : (
                    <Text component="span" size="sm" c="dimmed">
                      {t('handbook:list.notPublished')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.basedOnId ? (labels.get(v.basedOnId) ?? '—') : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  )
}

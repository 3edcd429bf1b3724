import { Stack, Table, Text, Title } from '@mantine/core'
import { LOCALE_NAMES } from '@thbm/shared/locales'
import { useTranslation } from 'react-i18next'
import { Section } from '../../components/Section.tsx'
import { formatDay } from './dates.ts'
import { type ScopeVersions, userText } from './portal-data.ts'
import { ReportDownloads } from './ReportDownloads.tsx'
import { usePortalLang } from './usePortalLang.ts'

interface RoundDownloadsProps {
  groups: ScopeVersions[]
  nameOf: (scope: string) => string
}

/** Every report of a round in every format, in the portal's language; earlier versions with their change notes. */
export function RoundDownloads({ groups, nameOf }: RoundDownloadsProps) {
  const { t } = useTranslation()
  const lang = usePortalLang()
  const earlier = groups.flatMap((g) => g.earlier.map((p) => ({ scope: g.scope, publication: p })))
  const versionName = (scope: string, number: number) =>
    t('portal:downloads.versionOf', { report: nameOf(scope), number })
  return (
    <Section
      title={t('portal:downloads.title')}
      description={t('portal:downloads.hint', { language: LOCALE_NAMES[lang] })}
    >
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portal:downloads.report')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.version')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.published')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map(({ scope, latest }) => (
              <Table.Tr key={scope}>
                <Table.Th scope="row" fw={500}>
                  {nameOf(scope)}
                  {latest.changeNote && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('portal:downloads.changeNote', { note: userText(latest.changeNote, lang) })}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{latest.number}</Table.Td>
                <Table.Td>{formatDay(latest.publishedAt, lang)}</Table.Td>
                <Table.Td>
                  <ReportDownloads
                    publicationId={latest.id}
                    report={latest.number > 1 ? versionName(scope, latest.number) : nameOf(scope)}
                    lang={lang}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {earlier.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('portal:downloads.earlier')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portal:downloads.earlierHint')}
          </Text>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {earlier.map(({ scope, publication }) => (
              <li key={publication.id}>
                <Text size="sm" fw={500}>
                  {versionName(scope, publication.number)} · {formatDay(publication.publishedAt, lang)}
                </Text>
                {publication.changeNote && (
                  <Text size="sm">
                    {t('portal:downloads.changeNote', { note: userText(publication.changeNote, lang) })}
                  </Text>
                )}
                <ReportDownloads
                  publicationId={publication.id}
                  report={versionName(scope, publication.number)}
                  lang={lang}
                />
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Section>
  )
}

import { Anchor, Table } from '@mantine/core'
import type { PublicReportView } from '@thbm/shared'
import { LOCALE_NAMES } from '@thbm/shared/locales'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { formatDay } from './dates.ts'
import { portalPath } from './portal-data.ts'
import { ReportDownloads } from './ReportDownloads.tsx'
import { usePortalLang } from './usePortalLang.ts'

/** A country's national report of each published round (latest version), newest round first, in every format. */
export function CountryReports({ views, country }: { views: PublicReportView[]; country: string }) {
  const { t } = useTranslation()
  const lang = usePortalLang()
  return (
    <Section
      title={t('portal:country.reports')}
      description={t('portal:downloads.hint', { language: LOCALE_NAMES[lang] })}
    >
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portal:country.round')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.version')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.published')}</Table.Th>
              <Table.Th scope="col">{t('portal:downloads.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...views].reverse().map(({ publication, round }) => (
              <Table.Tr key={publication.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={portalPath(lang, `/rounds/${round.id}`)}>
                    {round.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{publication.number}</Table.Td>
                <Table.Td>{formatDay(publication.publishedAt, lang)}</Table.Td>
                <Table.Td>
                  <ReportDownloads
                    publicationId={publication.id}
                    report={t('portal:downloads.countryReport', { country, round: round.name })}
                    lang={lang}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  )
}

import { Table, Text } from '@mantine/core'
import type { ReportPublication, Round } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useCountryName } from '../../components/country-name.ts'
import { Section } from '../../components/Section.tsx'
import { type ReportChoice, reportUrl, type ValidatedCount } from './api.ts'
import { NothingValidated, ReportActions, usePublicationStatus } from './ReportActions.tsx'
import { ReportPreview } from './ReportPreview.tsx'

export interface NationalReportsProps {
  round: Round
  /** The round's countries whose reports the user reads. */
  countries: string[]
  counts: Map<string, ValidatedCount>
  latest: (scope: string) => ReportPublication | null
  choice: ReportChoice
  preview: string | null
  onPreview: (scope: string | null) => void
  /** Present for the countries whose report the user may publish now. */
  onPublish: (scope: string) => (() => void) | undefined
}

/** Each country's report: validated assessments, latest publication, preview, downloads and publish. */
export function NationalReports(props: NationalReportsProps) {
  const { t } = useTranslation()
  const countryName = useCountryName()
  const status = usePublicationStatus()
  const { round, choice, preview } = props
  const previewed = preview && props.countries.includes(preview) ? preview : null
  return (
    <Section title={t('reports:national.title')} description={t('reports:national.hint')}>
      {props.countries.length === 0 ? (
        <Text size="sm">{t('reports:national.noCountries')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption className="visually-hidden">
              {t('reports:national.caption', { round: round.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports:national.country')}</Table.Th>
                <Table.Th scope="col">{t('reports:national.validated')}</Table.Th>
                <Table.Th scope="col">{t('reports:national.publication')}</Table.Th>
                <Table.Th scope="col">{t('reports:national.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.countries.map((code) => {
                const name = countryName(code)
                const count = props.counts.get(code) ?? null
                return (
                  <Table.Tr key={code} data-testid={`report-row-${code}`}>
                    <Table.Th scope="row" fw={500}>
                      {name}
                    </Table.Th>
                    <Table.Td>{count ? t('reports:national.validatedCount', count) : '–'}</Table.Td>
                    <Table.Td>{status(props.latest(code))}</Table.Td>
                    <Table.Td>
                      {count?.validated === 0 ? (
                        <NothingValidated
                          text={t('reports:empty.national')}
                          link={t('reports:empty.workspace', { country: name })}
                          to={`/rounds/${round.id}/countries/${code}`}
                        />
                      ) : (
                        <ReportActions
                          roundId={round.id}
                          scope={code}
                          name={name}
                          choice={choice}
                          latest={props.latest(code)}
                          previewing={previewed === code}
                          onPreview={() => props.onPreview(previewed === code ? null : code)}
                          onPublish={props.onPublish(code)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {previewed && (
        <ReportPreview
          key={previewed}
          name={countryName(previewed)}
          src={reportUrl(round.id, previewed, 'html', choice)}
          onClose={() => props.onPreview(null)}
        />
      )}
    </Section>
  )
}

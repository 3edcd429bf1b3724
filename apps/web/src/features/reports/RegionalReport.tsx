import { Stack, Text, Title } from '@mantine/core'
import type { ReportPublication, Round } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Section } from '../../components/Section.tsx'
import { NarrativesSection } from '../discussion/NarrativesSection.tsx'
import { useFrameworkVersion } from '../rounds/api.ts'
import { REGION, type ReportChoice, reportUrl } from './api.ts'
import { PublicationHistory } from './PublicationHistory.tsx'
import { NothingValidated, ReportActions, usePublicationStatus } from './ReportActions.tsx'
import { ReportPreview } from './ReportPreview.tsx'

export interface RegionalReportProps {
  round: Round
  /** False when no country has a validated assessment yet (the report cannot be built); null while unknown. */
  hasValidated: boolean | null
  publications: ReportPublication[]
  choice: ReportChoice
  previewing: boolean
  onPreview: (scope: string | null) => void
  onPublish?: () => void
}

/**
 * The regional report (region-wide roles only): its preview, downloads, publication and published versions, and the
 * regional texts (findings per area, conclusions, summary) through the same editor as a country's.
 */
export function RegionalReport(props: RegionalReportProps) {
  const { t } = useTranslation()
  const { round, choice } = props
  const version = useFrameworkVersion(round.frameworkVersion.id)
  const status = usePublicationStatus()
  const name = t('reports:regional.name')
  const latest = props.publications[0] ?? null
  const areas = version.data?.areas ?? []
  return (
    <>
      <Section title={t('reports:regional.title')} description={t('reports:regional.hint')}>
        <Text size="sm">{t('reports:regional.publication', { status: status(latest) })}</Text>
        {props.hasValidated === false ? (
          <NothingValidated
            text={t('reports:empty.regional')}
            link={t('reports:empty.round')}
            to={`/rounds/${round.id}`}
          />
        ) : (
          <ReportActions
            roundId={round.id}
            scope={REGION}
            name={name}
            choice={choice}
            latest={latest}
            previewing={props.previewing}
            onPreview={() => props.onPreview(props.previewing ? null : REGION)}
            onPublish={props.onPublish}
          />
        )}
        {props.previewing && (
          <ReportPreview
            name={name}
            src={reportUrl(round.id, REGION, 'html', choice)}
            onClose={() => props.onPreview(null)}
          />
        )}
        {props.publications.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('reports:history.title')}
            </Title>
            <PublicationHistory name={name} publications={props.publications} choice={choice} />
          </Stack>
        )}
      </Section>
      {version.data && (
        <NarrativesSection
          roundId={round.id}
          country={REGION}
          areaCodes={areas.map((a) => a.code)}
          areas={areas}
          baseLocale={version.data.framework.baseLocale}
          roundStatus={round.status}
          title={t('reports:regional.textsTitle')}
          description={t('reports:regional.textsHint')}
        />
      )}
    </>
  )
}

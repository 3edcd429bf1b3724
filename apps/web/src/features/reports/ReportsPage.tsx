import { Alert, Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core'
import type { ReportPublication } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { sortByName, useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { activeLocale } from '../../i18n/i18n.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useRound } from '../rounds/api.ts'
import { publicationsOf, REGION, type ReportChoice, usePublications, useValidatedCounts } from './api.ts'
import { NationalReports } from './NationalReports.tsx'
import { PublicationHistory } from './PublicationHistory.tsx'
import { PublishModal } from './PublishModal.tsx'
import {
  isPublishable,
  mayPublishNational,
  mayPublishRegional,
  mayReadNational,
  mayReadRegional,
  mayReadReports,
} from './permissions.ts'
import { RegionalReport } from './RegionalReport.tsx'
import { RenderProgress } from './RenderProgress.tsx'
import { ReportOptions } from './ReportOptions.tsx'

/**
 * A round's reports: each country's national report and (for region-wide roles) the regional report, as they stand
 * (preview, downloads in the chosen language and figures), their publication, and every published version.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation()
  const roundId = useParams().roundId ?? ''
  const round = useRound(roundId)
  const me = useMe().data?.data ?? null
  const publications = usePublications(roundId)
  const countryName = useCountryName()
  const [choice, setChoice] = useState<ReportChoice>(() => ({ lang: activeLocale(i18n), disclosure: 'internal' }))
  const [preview, setPreview] = useState<string | null>(null)
  const [publishing, setPublishing] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  /** The job preparing the documents of the latest publication made here. */
  const [rendering, setRendering] = useState<{ jobId: string; scope: string } | null>(null)
  const countries = sortByName(
    (round.data?.countries ?? []).map((c) => c.code).filter((code) => mayReadNational(me, code)),
    countryName,
    i18n.language,
  )
  const counts = useValidatedCounts(roundId, countries)
  usePageTitle(round.data ? t('reports:page.heading', { round: round.data.name }) : t('reports:page.title'))

  if (isNotFound(round.error)) return <NotFound message={t('rounds:round.notFound')} />
  const data = round.data
  const list = publications.data
  const latest = (scope: string): ReportPublication | null => publicationsOf(list, scope)[0] ?? null
  const nameOf = (scope: string) => (scope === REGION ? t('reports:regional.name') : countryName(scope))
  const publishable = data ? isPublishable(data.status) : false
  // Publishing needs the publications loaded: whether it is a correction depends on them.
  const publishFor = (scope: string, may: boolean) =>
    may && publishable && list ? () => setPublishing(scope) : undefined
  const known = countries.map((c) => counts.get(c))
  const hasValidated = known.some((c) => c && c.validated > 0) ? true : known.every((c) => c) ? false : null
  const histories = countries.filter((code) => publicationsOf(list, code).length > 0)

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <Anchor component={Link} to={`/rounds/${roundId}`} size="sm">
          {data?.name ?? '…'}
        </Anchor>
        <span aria-current="page">{t('reports:page.title')}</span>
      </Breadcrumbs>
      {round.isPending && <ListSkeleton rows={4} />}
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      {data && (
        <>
          <PageHeader title={t('reports:page.heading', { round: data.name })} subtitle={t('reports:page.subtitle')} />
          <Text size="sm" role="status" aria-live="polite" data-testid="reports-status">
            {announcement}
          </Text>
          {rendering && <RenderProgress key={rendering.jobId} jobId={rendering.jobId} name={nameOf(rendering.scope)} />}
          {me && !mayReadReports(me) ? (
            <Alert color="blue" variant="light">
              <Text size="sm">{t('reports:page.forbidden')}</Text>
            </Alert>
          ) : (
            <>
              {!publishable && <Text size="sm">{t('reports:page.notYetPublishable')}</Text>}
              {publications.isError && (
                <ErrorAlert error={publications.error} onRetry={() => void publications.refetch()} />
              )}
              <ReportOptions value={choice} onChange={setChoice} />
              <NationalReports
                round={data}
                countries={countries}
                counts={counts}
                latest={latest}
                choice={choice}
                preview={preview}
                onPreview={setPreview}
                onPublish={(code) => publishFor(code, mayPublishNational(me, code))}
              />
              {mayReadRegional(me) && (
                <RegionalReport
                  round={data}
                  hasValidated={hasValidated}
                  publications={publicationsOf(list, REGION)}
                  choice={choice}
                  previewing={preview === REGION}
                  onPreview={setPreview}
                  onPublish={publishFor(REGION, mayPublishRegional(me))}
                />
              )}
              <Section title={t('reports:history.title')} description={t('reports:history.hint')}>
                {publications.isPending && <ListSkeleton rows={3} />}
                {list && histories.length === 0 && publicationsOf(list, REGION).length === 0 && (
                  <EmptyState>{t('reports:history.empty')}</EmptyState>
                )}
                {histories.map((code) => (
                  <Stack key={code} gap="xs">
                    <Title order={3} size="h5">
                      {countryName(code)}
                    </Title>
                    <PublicationHistory
                      name={countryName(code)}
                      publications={publicationsOf(list, code)}
                      choice={choice}
                    />
                  </Stack>
                ))}
              </Section>
            </>
          )}
          {publishing && (
            <PublishModal
              roundId={roundId}
              scope={publishing}
              name={nameOf(publishing)}
              latest={latest(publishing)}
              onPublished={(p) => {
                setAnnouncement(
                  p.scope === REGION
                    ? t('reports:publish.doneRegional', { number: p.number })
                    : t('reports:publish.done', { number: p.number, name: nameOf(p.scope) }),
                )
                if (p.renderJobId) setRendering({ jobId: p.renderJobId, scope: p.scope })
                setPublishing(null)
              }}
              onClose={() => setPublishing(null)}
            />
          )}
        </>
      )}
    </Stack>
  )
}

import './rounds.css'
import { Alert, Anchor, Breadcrumbs, Grid, Stack, Text } from '@mantine/core'
import type { Answer } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { AssessmentPanel } from '../assessments/AssessmentPanel.tsx'
import { CommentThread } from '../discussion/CommentThread.tsx'
import { NotFound } from '../errors/NotFound.tsx'
import { AnswerEditor } from './AnswerEditor.tsx'
import {
  indicatorPath,
  isNotFound,
  useFrameworkVersion,
  useIndicatorWork,
  useNationalIndicators,
  useProgress,
  useRound,
} from './api.ts'
import { IndicatorDeadline } from './IndicatorDeadline.tsx'
import { IndicatorGuide } from './IndicatorGuide.tsx'
import { mayAnswerFor, readsAssessments, readsDiscussion } from './permissions.ts'
import { type Source, SourcesPanel } from './SourcesPanel.tsx'
import { useLocalText } from './text.tsx'
import { useStoreAnswer } from './useAnswerWork.ts'

/**
 * Data entry for one indicator in one country: the definition and guidance, the selected source's answer (edited
 * with autosave when the user may write it) and every source the user may read, side by side.
 */
export default function EntryPage() {
  const { t } = useTranslation()
  const params = useParams()
  const roundId = params.roundId ?? ''
  const country = (params.country ?? '').toUpperCase()
  const code = params.code ?? ''
  const me = useMe().data
  const countryName = useCountryName()
  const [search, setSearch] = useSearchParams()
  const [nonce, setNonce] = useState(0)
  const round = useRound(roundId)
  const work = useIndicatorWork(roundId, country, code)
  // The country's board (shared with the deadline above) says what else the user may read on this page.
  const progress = useProgress(roundId, country).data
  const versionId = round.data?.frameworkVersion.id ?? null
  const version = useFrameworkVersion(versionId)
  const national = useNationalIndicators(versionId, country, work.data?.reason === 'national')
  const storeAnswer = useStoreAnswer(roundId, country, code)
  const baseLocale = version.data?.framework.baseLocale ?? 'en'
  const pick = useLocalText(baseLocale)
  const indicator =
    version.data?.indicators.find((i) => i.code === code) ?? national.data?.find((i) => i.code === code) ?? null
  usePageTitle(indicator ? `${code} · ${pick(indicator.title).text}` : code)

  if (isNotFound(work.error) || isNotFound(round.error)) return <NotFound message={t('rounds:entry.notFound')} />
  const error = work.error ?? round.error ?? version.error
  const data = work.data
  const collecting = Boolean(data?.abilities.includes('answer.edit'))
  const sources: Source[] = (data?.organisations ?? [])
    .map((o) => {
      const answer = data?.answers.find((a) => a.organisation.id === o.id) ?? null
      const mayWrite = answer
        ? answer.abilities.includes('answer.write')
        : me
          ? mayAnswerFor(me.data, country, o.id)
          : false
      return {
        id: o.id,
        name: o.name,
        assigned: o.assigned,
        answer,
        writable: collecting && mayWrite && (o.assigned || answer !== null),
      }
    })
    .filter((s) => s.assigned || s.answer)
  const wanted = search.get('source')
  const selected = sources.find((s) => s.id === wanted) ?? sources.find((s) => s.writable) ?? sources[0] ?? null
  const workspace = `/rounds/${roundId}/countries/${country}`
  const onReturned = (answer: Answer) => {
    storeAnswer(answer)
    setNonce((n) => n + 1)
  }

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <Anchor component={Link} to={`/rounds/${roundId}`} size="sm">
          {round.data?.name ?? '…'}
        </Anchor>
        <Anchor component={Link} to={workspace} size="sm">
          {countryName(country)}
        </Anchor>
        <span aria-current="page">{code}</span>
      </Breadcrumbs>
      {(work.isPending || round.isPending || (version.isPending && Boolean(versionId))) && !error && (
        <ListSkeleton rows={6} />
      )}
      {error && <ErrorAlert error={error} onRetry={() => void work.refetch()} />}
      {data && round.data && indicator && (
        <>
          <PageHeader
            title={`${code} · ${pick(indicator.title).text}`}
            subtitle={t('rounds:entry.subtitle', { country: countryName(country), round: round.data.name })}
          />
          <IndicatorDeadline roundId={roundId} country={country} code={code} />
          {!collecting && (
            <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('rounds:entry.readOnlyTitle')}>
              <Text size="sm">
                {t('rounds:entry.readOnlyText', { status: t(`rounds:status.round.${round.data.status}`) })}
              </Text>
            </Alert>
          )}
          <IndicatorGuide
            indicator={indicator}
            baseLocale={baseLocale}
            versionId={round.data.frameworkVersion.id}
            reason={data.reason}
          />
          {sources.length === 0 || !selected ? (
            <Section title={t('rounds:sources.title')}>
              <Text size="sm">{t('rounds:sources.none')}</Text>
              <Anchor component={Link} to={workspace} size="sm">
                {t('rounds:entry.backToWorkspace')}
              </Anchor>
            </Section>
          ) : (
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Section
                  title={t('rounds:entry.answerOf', { organisation: selected.name })}
                  description={selected.writable ? t('rounds:entry.autosaveHint') : t('rounds:entry.readOnlySource')}
                >
                  <AnswerEditor
                    key={`${selected.id}:${nonce}`}
                    roundId={roundId}
                    country={country}
                    indicator={indicator}
                    baseLocale={baseLocale}
                    organisationId={selected.id}
                    answer={selected.answer}
                    writable={selected.writable}
                    previous={data.previous.find((p) => p.organisationId === selected.id) ?? null}
                    changeThreshold={round.data.options.changeThreshold}
                  />
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Section
                  title={t('rounds:sources.title')}
                  description={t('rounds:sources.hint', { count: sources.length })}
                >
                  <SourcesPanel
                    indicator={indicator}
                    sources={sources}
                    selected={selected.id}
                    onSelect={(id) =>
                      setSearch(
                        (prev) => {
                          const next = new URLSearchParams(prev)
                          next.set('source', id)
                          return next
                        },
                        { replace: true },
                      )
                    }
                    canReturnNow={round.data.status === 'collecting' || round.data.status === 'reviewing'}
                    answerPath={(org) => indicatorPath(roundId, country, code, `/answers/${org}`)}
                    onReturned={onReturned}
                  />
                </Section>
              </Grid.Col>
            </Grid>
          )}
          {readsAssessments(progress) && (
            <AssessmentPanel
              roundId={roundId}
              country={country}
              indicator={indicator}
              baseLocale={baseLocale}
              answers={data.answers}
              roundStatus={round.data.status}
              onSourcesChanged={() => setNonce((n) => n + 1)}
            />
          )}
          {readsDiscussion(progress) && <CommentThread roundId={roundId} country={country} code={code} />}
        </>
      )}
    </Stack>
  )
}

import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { Facts } from '../../components/Facts.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useFrameworkVersion } from '../rounds/api.ts'
import { RoundStatusBadge } from '../rounds/StatusBadges.tsx'
import { useIssuingRound, useRecommendation, useStoreRecommendation } from './api.ts'
import { FollowUpStatusBadge, PriorityBadge } from './Badges.tsx'
import { HistoryTable } from './HistoryTable.tsx'
import { isOpenRound, mayWriteRecommendations } from './permissions.ts'
import { RecommendationFormModal } from './RecommendationFormModal.tsx'
import { useListText } from './RecommendationSummary.tsx'
import { useReturnFocus } from './useReturnFocus.ts'

/**
 * One recommendation: its text and facts, and its whole follow-up history across rounds. Writers edit it while the
 * round that issued it is open.
 */
export default function RecommendationPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const me = useMe().data?.data
  const countryName = useCountryName()
  const list = useListText()
  const store = useStoreRecommendation()
  const rec = useRecommendation(id)
  const data = rec.data
  const round = useIssuingRound(data?.issuedIn.id ?? null)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const editButton = useReturnFocus<HTMLButtonElement>(editing)
  const country = data ? countryName(data.countryCode) : ''
  const title = data ? t('recommendations:detail.title', { country }) : null
  usePageTitle(title)

  const writer = data ? mayWriteRecommendations(me, data.countryCode) : false
  const open = isOpenRound(round.data?.status)
  // The framework's areas and indicators are the edit form's pick lists: load them only for those who may edit.
  const version = useFrameworkVersion(writer && open ? (round.data?.frameworkVersion.id ?? null) : null)

  if (isNotFound(rec.error)) return <NotFound message={t('recommendations:detail.notFound')} />
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/countries" size="sm">
          {t('countries:list.title')}
        </Anchor>
        {data && (
          <Anchor component={Link} to={`/countries/${data.countryCode}`} size="sm">
            {country}
          </Anchor>
        )}
        {data && (
          <Anchor component={Link} to={`/countries/${data.countryCode}/recommendations`} size="sm">
            {t('recommendations:country.breadcrumb')}
          </Anchor>
        )}
        <span aria-current="page">{t('recommendations:detail.breadcrumb')}</span>
      </Breadcrumbs>
      {rec.isPending && <ListSkeleton rows={4} />}
      {rec.error && <ErrorAlert error={rec.error} onRetry={() => void rec.refetch()} />}
      {data && title && (
        <>
          <PageHeader
            title={title}
            subtitle={t('recommendations:detail.subtitle', { round: data.issuedIn.name })}
            actions={
              writer && open ? (
                <Button ref={editButton} onClick={() => setEditing(true)}>
                  {t('recommendations:detail.edit')}
                </Button>
              ) : undefined
            }
          />
          <Section title={t('recommendations:detail.textTitle')}>
            <Text style={{ whiteSpace: 'pre-line' }} data-testid="recommendation-text">
              {data.text}
            </Text>
            {saved && (
              <Text size="sm" c="teal.9" role="status">
                {t('recommendations:detail.saved')}
              </Text>
            )}
            <Facts
              items={[
                {
                  label: t('recommendations:fields.priority'),
                  value: (
                    <Stack gap={2} align="flex-start">
                      <PriorityBadge priority={data.priority} />
                      <Text size="sm" c="dimmed">
                        {t(`recommendations:priority.hint.${data.priority}`)}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  label: t('recommendations:fields.latestStatus'),
                  value: <FollowUpStatusBadge status={data.latestStatus} />,
                },
                {
                  label: t('recommendations:fields.issuedIn'),
                  value: (
                    <Group gap="xs">
                      <Anchor component={Link} to={`/rounds/${data.issuedIn.id}/countries/${data.countryCode}`}>
                        {data.issuedIn.name}
                      </Anchor>
                      {round.data && <RoundStatusBadge status={round.data.status} size="sm" />}
                    </Group>
                  ),
                },
                { label: t('recommendations:fields.source'), value: t(`recommendations:source.${data.source}`) },
                { label: t('recommendations:fields.institutions'), value: list(data.institutions) },
                { label: t('recommendations:fields.areas'), value: list(data.areaCodes) },
                { label: t('recommendations:fields.indicators'), value: list(data.indicatorCodes) },
              ]}
            />
            {writer && round.data && !open && (
              <Text size="sm" c="dimmed">
                {t('recommendations:detail.locked')}
              </Text>
            )}
          </Section>
          <Section title={t('recommendations:history.title')} description={t('recommendations:history.hint')}>
            <HistoryTable rec={data} />
          </Section>
          {editing && (
            <RecommendationFormModal
              target={{ kind: 'edit', rec: data }}
              areas={version.data?.areas ?? []}
              baseLocale={version.data?.framework.baseLocale ?? 'en'}
              indicatorCodes={(version.data?.indicators ?? []).map((i) => i.code)}
              onClose={() => setEditing(false)}
              onSaved={(next) => {
                store(next)
                setSaved(true)
                setEditing(false)
              }}
            />
          )}
        </>
      )}
    </Stack>
  )
}

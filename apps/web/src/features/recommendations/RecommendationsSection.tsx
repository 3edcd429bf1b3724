import { Button, Group, Stack, Text, Title } from '@mantine/core'
import type { Area, ContentLocale, Recommendation, Round } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound } from '../rounds/api.ts'
import { useCountryRecommendations, useFollowUps, useStoreRecommendation } from './api.ts'
import { FollowUpStatusBadge } from './Badges.tsx'
import { FollowUpForm } from './FollowUpForm.tsx'
import { followUpIn, previousFollowUp } from './follow-up-form.ts'
import { isOpenRound, mayWriteRecommendations } from './permissions.ts'
import { RecommendationFormModal } from './RecommendationFormModal.tsx'
import { RecommendationSummary } from './RecommendationSummary.tsx'
import { useReturnFocus } from './useReturnFocus.ts'

interface Props {
  round: Round
  country: string
  areas: Area[]
  baseLocale: ContentLocale
  /** The round's indicator codes for the country (suggested when issuing a recommendation). */
  indicatorCodes: string[]
}

/** One earlier recommendation to follow up: its previous status, this round's (if recorded) and the form for writers. */
function FollowUpItem({ rec, round, canWrite }: { rec: Recommendation; round: Round; canWrite: boolean }) {
  const { t } = useTranslation()
  const store = useStoreRecommendation()
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const toggle = useReturnFocus<HTMLButtonElement>(editing)
  const current = followUpIn(rec, round.id)
  const previous = previousFollowUp(rec, round.id, round.periodTo)
  const close = () => setEditing(false)
  return (
    <RecommendationSummary
      rec={rec}
      status={
        <>
          <Text span size="sm" c="dimmed">
            {previous
              ? t('recommendations:followUp.previousIn', { round: previous.round.name })
              : t('recommendations:followUp.previousNone')}
          </Text>
          {previous && <FollowUpStatusBadge status={previous.status} />}
          <Text span size="sm" c="dimmed">
            {t('recommendations:followUp.thisRound')}
          </Text>
          {current ? (
            <FollowUpStatusBadge status={current.status} />
          ) : (
            <Text span size="sm" fw={600}>
              {t('recommendations:followUp.needed')}
            </Text>
          )}
        </>
      }
    >
      {current?.comment && !editing && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} size="sm">
            {t('recommendations:followUp.comment')}:
          </Text>{' '}
          {current.comment}
        </Text>
      )}
      {saved && !editing && (
        <Text size="sm" c="teal.9" role="status">
          {t('recommendations:followUp.saved')}
        </Text>
      )}
      {canWrite && !editing && (
        <Group>
          <Button
            ref={toggle}
            size="sm"
            variant={current ? 'default' : 'filled'}
            onClick={() => {
              setSaved(false)
              setEditing(true)
            }}
          >
            {current ? t('recommendations:followUp.change') : t('recommendations:followUp.record')}
          </Button>
        </Group>
      )}
      {canWrite && editing && (
        <FollowUpForm
          rec={rec}
          roundId={round.id}
          roundName={round.name}
          onCancel={close}
          onSaved={(next) => {
            store(next, round.id)
            setSaved(true)
            close()
          }}
        />
      )}
    </RecommendationSummary>
  )
}

/**
 * The recommendations part of a country's workspace in a round: (a) the follow-up of earlier recommendations (not yet
 * closed), with how many have a status in this round; (b) the recommendations this round issues, with a form for new
 * ones. Writers (the country lead, regional coordinators) edit while the round is open.
 */
export function RecommendationsSection({ round, country, areas, baseLocale, indicatorCodes }: Props) {
  const { t } = useTranslation()
  const me = useMe().data?.data
  const store = useStoreRecommendation()
  const followUps = useFollowUps(round.id, country)
  const issued = useCountryRecommendations(country, round.id)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const newButton = useReturnFocus<HTMLButtonElement>(creating)
  if (isNotFound(followUps.error) && isNotFound(issued.error)) return null
  const canWrite = mayWriteRecommendations(me, country) && isOpenRound(round.status)
  const carried = followUps.data ?? []
  const done = carried.filter((r) => followUpIn(r, round.id)).length

  return (
    <Section
      title={t('recommendations:workspace.title')}
      description={
        isOpenRound(round.status) ? t('recommendations:workspace.hint') : t('recommendations:workspace.closed')
      }
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('recommendations:workspace.followUpTitle')}
        </Title>
        {followUps.isPending && <ListSkeleton rows={2} />}
        {followUps.error && <ErrorAlert error={followUps.error} onRetry={() => void followUps.refetch()} />}
        {followUps.data && carried.length === 0 && (
          <Text size="sm">{t('recommendations:workspace.followUpEmpty')}</Text>
        )}
        {followUps.data && carried.length > 0 && (
          <>
            <Text size="sm" fw={500} role="status" aria-live="polite" data-testid="follow-up-count">
              {t('recommendations:workspace.followedUp', { done, total: carried.length })}
            </Text>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {carried.map((rec) => (
                <FollowUpItem key={rec.id} rec={rec} round={round} canWrite={canWrite} />
              ))}
            </Stack>
          </>
        )}
      </Stack>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={3} size="h5">
            {t('recommendations:workspace.issuedTitle')}
          </Title>
          {canWrite && (
            <Button ref={newButton} size="sm" onClick={() => setCreating(true)}>
              {t('recommendations:workspace.new')}
            </Button>
          )}
        </Group>
        {created && (
          <Text size="sm" c="teal.9" role="status">
            {t('recommendations:workspace.created')}
          </Text>
        )}
        {issued.isPending && <ListSkeleton rows={2} />}
        {issued.error && <ErrorAlert error={issued.error} onRetry={() => void issued.refetch()} />}
        {issued.data && issued.data.length === 0 && <Text size="sm">{t('recommendations:workspace.issuedEmpty')}</Text>}
        {issued.data && issued.data.length > 0 && (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {issued.data.map((rec) => (
              <RecommendationSummary key={rec.id} rec={rec} showRound={false} />
            ))}
          </Stack>
        )}
      </Stack>
      {creating && (
        <RecommendationFormModal
          target={{ kind: 'create', roundId: round.id, country }}
          areas={areas}
          baseLocale={baseLocale}
          indicatorCodes={indicatorCodes}
          onClose={() => setCreating(false)}
          onSaved={(rec) => {
            store(rec)
            setCreated(rec.id)
            setCreating(false)
          }}
        />
      )}
    </Section>
  )
}

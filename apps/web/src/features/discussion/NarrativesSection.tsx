import { Divider, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { Area, ContentLocale, Narrative, RoundStatus } from '@thbm/shared'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound } from '../rounds/api.ts'
import { useLocalText } from '../rounds/text.tsx'
import { discussionKeys, findNarrative, mayWriteNarratives, useNarratives } from './api.ts'
import { NarrativeBlock } from './NarrativeBlock.tsx'

const MARK = '\u0000'

export interface NarrativesSectionProps {
  roundId: string
  /** A country code, or REGION_SCOPE for the regional report's texts. */
  country: string
  /** The areas of the country's indicator list (from the progress board), in its order. */
  areaCodes: string[]
  /** The Handbook's areas, for their titles. */
  areas: Area[]
  baseLocale: ContentLocale
  roundStatus: RoundStatus
  /** The section's title and hint, when not a country's (the regional report's texts). */
  title?: string
  description?: string
}

/**
 * The country's written findings (one per area of its list), conclusions and executive summary in a round. Writers
 * (lead, experts, coordinators) edit them until publication; observers read them; hidden for data providers (404).
 * With `country` = REGION_SCOPE, the same for the regional report's texts (written by the regional coordination).
 */
export function NarrativesSection({
  roundId,
  country,
  areaCodes,
  areas,
  baseLocale,
  roundStatus,
  title,
  description,
}: NarrativesSectionProps) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const queryClient = useQueryClient()
  const me = useMe().data
  const narratives = useNarratives(roundId, country)
  if (isNotFound(narratives.error)) return null
  const locked = roundStatus === 'published' || roundStatus === 'archived'
  const writable = !locked && Boolean(me && mayWriteNarratives(me.data, country))
  const list = narratives.data
  const key = discussionKeys.narratives(roundId, country)
  const onSaved = (fresh: Narrative[]) => queryClient.setQueryData(key, fresh)
  const onReload = async () => (await narratives.refetch()).data

  const block = (kind: Narrative['kind'], areaCode: string, heading: React.ReactNode, name: string) => (
    <NarrativeBlock
      roundId={roundId}
      country={country}
      kind={kind}
      areaCode={areaCode}
      heading={heading}
      name={name}
      narrative={list ? findNarrative(list, kind, areaCode) : null}
      writable={writable}
      onSaved={onSaved}
      onReload={onReload}
    />
  )

  return (
    <Section
      title={title ?? t('discussion:narratives.title')}
      description={description ?? t('discussion:narratives.hint')}
    >
      {locked && (
        <Text size="sm">
          {t('discussion:narratives.readOnlyPublished', { status: t(`rounds:status.round.${roundStatus}`) })}
        </Text>
      )}
      {narratives.isPending && <ListSkeleton rows={4} />}
      {narratives.error && <ErrorAlert error={narratives.error} onRetry={() => void narratives.refetch()} />}
      {list && (
        <Stack gap="md">
          {areaCodes.length === 0 && <Text size="sm">{t('discussion:narratives.noAreas')}</Text>}
          {areaCodes.map((code) => {
            const area = areas.find((a) => a.code === code)
            const title = area ? pick(area.title) : null
            const name = title?.text ? `${code} · ${title.text}` : code
            // The message around the area, so the Handbook title keeps its own language (`lang`).
            const [before = '', after = ''] = t('discussion:narratives.finding', { area: MARK }).split(MARK)
            const heading = (
              <>
                {before}
                {code}
                {title?.text && (
                  <>
                    {' · '}
                    <span lang={title.lang}>{title.text}</span>
                  </>
                )}
                {after}
              </>
            )
            return (
              <Fragment key={code}>
                {block('finding', code, heading, t('discussion:narratives.finding', { area: name }))}
                <Divider />
              </Fragment>
            )
          })}
          {block('conclusion', '', t('discussion:narratives.conclusion'), t('discussion:narratives.conclusion'))}
          <Divider />
          {block('summary', '', t('discussion:narratives.summary'), t('discussion:narratives.summary'))}
        </Stack>
      )}
    </Section>
  )
}

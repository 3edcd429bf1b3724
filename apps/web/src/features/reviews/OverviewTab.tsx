import { Anchor, List, Stack, Text } from '@mantine/core'
import type { ReviewDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Facts } from '../../components/Facts.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { ParticipantsSection } from './ParticipantsSection.tsx'
import { RoundControls } from './RoundControls.tsx'
import { useReviewFormat } from './text.ts'

/** The review at a glance (Handbook version, method, schedule), its rounds, and who takes part. */
export function OverviewTab({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const format = useFormat()
  const stat = useReviewFormat().stat
  const planned = Math.max(review.schedule.length, review.rounds.length)
  return (
    <Stack gap="lg">
      <Section title={t('review:overview.title')}>
        {review.description && <Text style={{ whiteSpace: 'pre-line' }}>{review.description}</Text>}
        <Facts
          items={[
            {
              label: t('review:overview.version'),
              value: (
                <Anchor component={Link} to={`/handbook/${review.frameworkVersion.id}`}>
                  {t('review:list.version', {
                    framework: review.frameworkVersion.frameworkCode,
                    label: review.frameworkVersion.label,
                  })}
                </Anchor>
              ),
            },
            { label: t('review:overview.indicators'), value: format.number(review.indicatorCount) },
            {
              label: t('review:overview.criteria'),
              value: (
                <List size="sm" spacing={2}>
                  {review.criteria.map((c) => (
                    <List.Item key={c}>{t(`review:criterion.${c}`)}</List.Item>
                  ))}
                </List>
              ),
            },
            {
              label: t('review:overview.threshold'),
              value: t('review:overview.thresholdValue', { iqr: stat(review.consensusIqr) }),
            },
            {
              label: t('review:overview.schedule'),
              value:
                planned === 0 ? (
                  t('review:overview.noSchedule')
                ) : (
                  <List size="sm" spacing={2}>
                    {Array.from({ length: planned }, (_, i) => {
                      const round = review.rounds[i]
                      const closesOn = review.schedule[i] ?? null
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: one line per round number
                        <List.Item key={i}>
                          {t('review:overview.roundLine', {
                            round: i + 1,
                            state: round
                              ? round.closedAt
                                ? t('review:overview.closedOn', { date: format.date(round.closedAt) })
                                : t('review:overview.openSince', { date: format.date(round.openedAt) })
                              : t('review:overview.notOpened'),
                            closesOn: closesOn ? format.date(closesOn) : t('review:overview.noDate'),
                          })}
                        </List.Item>
                      )
                    })}
                  </List>
                ),
            },
          ]}
        />
      </Section>
      <RoundControls key={review.currentRound} review={review} />
      <ParticipantsSection review={review} />
    </Stack>
  )
}

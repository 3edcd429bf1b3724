import { Button, Group, List, Stack, Text } from '@mantine/core'
import { ROUND_STATUSES, type Round } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { RoundStatusBadge } from './StatusBadges.tsx'
import { TransitionModal } from './TransitionModal.tsx'
import { allowedMoves, type RoundMove } from './transitions.ts'

/** The round's stages with the current one marked in words, and the moves the user may make (each confirmed). */
export function RoundStatusPanel({ round }: { round: Round }) {
  const { t } = useTranslation()
  const [move, setMove] = useState<RoundMove | null>(null)
  const moves = allowedMoves(round)
  const current = ROUND_STATUSES.indexOf(round.status)
  return (
    <Section title={t('rounds:round.statusTitle')} description={t(`rounds:round.statusHint.${round.status}`)}>
      <Stack gap="md">
        <List
          component="ol"
          spacing={4}
          size="sm"
          listStyleType="none"
          aria-label={t('rounds:round.stagesLabel')}
          className="round-stages"
        >
          {ROUND_STATUSES.map((s, i) => (
            <List.Item key={s} aria-current={i === current ? 'step' : undefined}>
              <Group gap="xs" wrap="nowrap">
                {i === current ? (
                  <RoundStatusBadge status={s} />
                ) : (
                  <Text size="sm" c={i < current ? undefined : 'dimmed'} span>
                    {i < current && <CheckIcon size={14} />} {t(`rounds:status.round.${s}`)}
                  </Text>
                )}
                {i === current && (
                  <Text size="xs" c="dimmed" span>
                    {t('rounds:round.currentStage')}
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        {moves.length > 0 && (
          <Group gap="sm">
            {moves.map((m) => (
              <Button key={m.to} variant={m.direction === 'back' ? 'default' : 'filled'} onClick={() => setMove(m)}>
                {m.direction === 'back'
                  ? t('rounds:transition.back.button', { status: t(`rounds:status.round.${m.to}`) })
                  : t(`rounds:transition.forward.${m.to}.button`)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {move && <TransitionModal round={round} move={move} onClose={() => setMove(null)} />}
    </Section>
  )
}

import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { Answer, IndicatorDoc } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { draftFromAnswer } from './answer-draft.ts'
import { summarizeValue } from './answer-summary.ts'
import { useDates } from './dates.ts'
import { ReturnModal } from './ReturnModal.tsx'
import { AnswerStatusBadge, WorkStatusBadge } from './StatusBadges.tsx'

export interface Source {
  id: string
  name: string
  assigned: boolean
  answer: Answer | null
  writable: boolean
}

interface Props {
  indicator: IndicatorDoc
  sources: Source[]
  selected: string | null
  onSelect: (organisationId: string) => void
  /** Returning is possible while the round collects or is reviewed. */
  canReturnNow: boolean
  /** API path of an organisation's answer. */
  answerPath: (organisationId: string) => string
  onReturned: (answer: Answer) => void
}

/**
 * Every source (organisation) of the indicator side by side: its state, value, who changed it last, and the actions
 * the user has: open it (to edit when allowed, otherwise to read) and return a submitted answer with a comment.
 */
export function SourcesPanel({ indicator, sources, selected, onSelect, canReturnNow, answerPath, onReturned }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const [returning, setReturning] = useState<Answer | null>(null)
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sources.map((s) => {
        const a = s.answer
        const isSelected = s.id === selected
        const canReturn = Boolean(
          a && canReturnNow && a.status === 'submitted' && a.abilities.includes('answer.return'),
        )
        return (
          <Paper
            key={s.id}
            component="li"
            withBorder
            radius="md"
            p="sm"
            className="source-card"
            data-selected={isSelected}
            aria-current={isSelected ? 'true' : undefined}
          >
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {s.name}
              </Text>
              <Group gap={4}>
                {a ? <AnswerStatusBadge status={a.status} /> : <WorkStatusBadge status="not_started" />}
              </Group>
              {!s.assigned && (
                <Text size="xs" c="dimmed">
                  {t('rounds:sources.notAssigned')}
                </Text>
              )}
              <Text size="sm">
                {a
                  ? summarizeValue(indicator, draftFromAnswer(a), t, (n) => fmt.number(n, 2))
                  : t('rounds:sources.noAnswer')}
              </Text>
              {a && (
                <Text size="xs" c="dimmed">
                  {t('rounds:sources.updated', { when: fmt.dateTime(a.updatedAt), who: a.updatedBy ?? '—' })}
                </Text>
              )}
              <Group gap="xs">
                {!isSelected && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onSelect(s.id)}
                    aria-label={
                      s.writable
                        ? t('rounds:sources.editNamed', { organisation: s.name })
                        : t('rounds:sources.viewNamed', { organisation: s.name })
                    }
                  >
                    {s.writable ? t('rounds:sources.edit') : t('rounds:sources.view')}
                  </Button>
                )}
                {isSelected && (
                  <Text size="xs" fw={600} c="blue.8">
                    {t('rounds:sources.shown')}
                  </Text>
                )}
                {canReturn && a && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setReturning(a)}
                    aria-label={t('rounds:return.openNamed', { organisation: s.name })}
                  >
                    {t('rounds:return.open')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        )
      })}
      {returning && (
        <ReturnModal
          path={answerPath(returning.organisation.id)}
          answer={returning}
          onReturned={onReturned}
          onClose={() => setReturning(null)}
        />
      )}
    </Stack>
  )
}

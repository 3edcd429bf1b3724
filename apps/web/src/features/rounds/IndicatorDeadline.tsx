import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useProgress } from './api.ts'
import { useDates } from './dates.ts'
import { RemindButton } from './RemindButton.tsx'
import { mayRemind } from './reminders-api.ts'
import { LateBadge, WorkStatusBadge } from './StatusBadges.tsx'

interface Props {
  roundId: string
  country: string
  code: string
}

/**
 * An indicator's due date and state on its entry page, from the country's board: "Due on …", its state and a "Late"
 * badge in words. Whoever may remind people in the country (its lead, a coordinator, an administrator) can remind
 * those who still have to act on it while it is not submitted. Nothing shows until the board is loaded.
 */
export function IndicatorDeadline({ roundId, country, code }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const progress = useProgress(roundId, country)
  const row = progress.data?.indicators.find((r) => r.code === code)
  if (!progress.data || !row) return null
  const open = row.status !== 'submitted' && row.status !== 'validated'
  const dueOn = row.assignment?.dueOn ?? null
  return (
    <Group gap="sm" align="center" wrap="wrap" data-testid="indicator-deadline">
      <Text size="sm" fw={600}>
        {dueOn ? t('rounds:remind.dueOn', { date: fmt.date(dueOn) }) : t('rounds:workspace.noDue')}
      </Text>
      <WorkStatusBadge status={row.status} />
      {row.late && <LateBadge />}
      {open && mayRemind(progress.data) && (
        <RemindButton
          roundId={roundId}
          country={country}
          selection={[code]}
          label={t('rounds:remind.oneButton')}
          title={t('rounds:remind.oneTitle', { code })}
        />
      )}
    </Group>
  )
}

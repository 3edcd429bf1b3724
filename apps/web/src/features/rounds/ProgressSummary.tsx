import { Anchor, Group, List, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import type { Area, ContentLocale, Progress as ProgressData } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { useDates } from './dates.ts'
import { ContentText } from './text.tsx'

interface ProgressSummaryProps {
  progress: ProgressData
  areas: Area[]
  baseLocale: ContentLocale
  roundId: string
  /** Shown with the late indicators, for who may remind the people responsible ("Remind all late"). */
  lateAction?: ReactNode
  /**
   * The user sees the country only as a data provider: the server then counts their organisation's answers on the
   * indicators it is asked for (not whether every source submitted), and the labels say so.
   */
  ownOnly?: boolean
}

/**
 * Completeness overall and per area (bars with the percentage in words), and which indicators are late (with an
 * action on them, such as reminding the people responsible).
 */
export function ProgressSummary({ progress, areas, baseLocale, roundId, lateAction, ownOnly }: ProgressSummaryProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const total = progress.indicators.length
  const done = progress.indicators.filter((r) => r.status === 'submitted' || r.status === 'validated').length
  const late = progress.indicators.filter((r) => r.late)
  return (
    <Section
      title={t('rounds:workspace.progressTitle')}
      description={ownOnly ? t('rounds:workspace.ownProgressHint') : t('rounds:workspace.progressHint')}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{t('rounds:workspace.overall', { percent: fmt.percent(progress.completeness) })}</Text>
          <Text size="sm" c="dimmed">
            {ownOnly ? t('rounds:workspace.ownDoneOf', { done, total }) : t('rounds:workspace.doneOf', { done, total })}
          </Text>
        </Group>
        <Progress
          value={Math.round(progress.completeness * 100)}
          size="lg"
          aria-label={t('rounds:workspace.overallLabel')}
          color="teal.8"
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {progress.areas.map((a) => {
          const area = areas.find((x) => x.code === a.area)
          const submitted = (a.byStatus.submitted ?? 0) + (a.byStatus.validated ?? 0)
          return (
            <Paper key={a.area} withBorder radius="md" p="sm">
              <Stack gap={6}>
                <Text size="sm" fw={600} lineClamp={2}>
                  {a.area}
                  {area && (
                    <>
                      {' · '}
                      <ContentText text={area.title} baseLocale={baseLocale} />
                    </>
                  )}
                </Text>
                <Progress
                  value={Math.round(a.completeness * 100)}
                  aria-label={t('rounds:workspace.areaLabel', { area: a.area })}
                  color="teal.8"
                />
                <Text size="xs">
                  {t('rounds:workspace.areaDone', {
                    percent: fmt.percent(a.completeness),
                    done: submitted,
                    total: a.total,
                  })}
                </Text>
                {(a.byStatus.returned ?? 0) > 0 && (
                  <Text size="xs" c="orange.9">
                    {t('rounds:workspace.areaReturned', { count: a.byStatus.returned ?? 0 })}
                  </Text>
                )}
              </Stack>
            </Paper>
          )
        })}
      </SimpleGrid>
      {late.length === 0 ? (
        <Text size="sm">{t('rounds:workspace.noneLate')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" fw={600} c="red.9" component="h3">
            {t('rounds:workspace.lateTitle', { count: late.length })}
          </Text>
          {lateAction}
          <List size="sm" spacing={2}>
            {late.map((r) => (
              <List.Item key={r.code}>
                <Anchor
                  component={Link}
                  to={`/rounds/${roundId}/countries/${progress.countryCode}/indicators/${r.code}`}
                >
                  {r.code}
                </Anchor>{' '}
                {t('rounds:workspace.lateLine', {
                  due: fmt.date(r.assignment?.dueOn),
                  who:
                    r.assignment?.providers.map((p) => p.organisationName).join(', ') || t('rounds:workspace.nobody'),
                })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Section>
  )
}

import { Box, Group, Stack, Table, Text, Title } from '@mantine/core'
import type { ImplementationRate } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useDates } from '../rounds/dates.ts'
import { useImplementation } from './api.ts'

/** The rate as a percentage in words, with a bar that only repeats it (hidden from screen readers). */
export function RateCell({ rate }: { rate: number | null }) {
  const { t } = useTranslation()
  const fmt = useDates()
  if (rate === null)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('recommendations:implementation.noRate')}</span>
      </>
    )
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} className="nowrap" miw="3.5rem">
        {fmt.percent(rate)}
      </Text>
      <Box
        aria-hidden="true"
        w={96}
        h={10}
        bg="gray.2"
        style={{ borderRadius: 4, overflow: 'hidden', border: '1px solid var(--mantine-color-gray-5)' }}
      >
        <Box h="100%" bg="teal.8" style={{ width: `${Math.round(rate * 100)}%` }} />
      </Box>
    </Group>
  )
}

interface RateRow extends ImplementationRate {
  key: string
  label: ReactNode
}

/** One table of rates: a row per round or per priority, with the counts the rate comes from. */
export function RateTable({ caption, first, rows }: { caption: string; first: string; rows: RateRow[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{first}</Table.Th>
            <Table.Th scope="col">{t('recommendations:implementation.rate')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:status.fully_implemented')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:status.partially_implemented')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:status.not_implemented')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:implementation.counted')}</Table.Th>
            <Table.Th scope="col">{t('recommendations:implementation.notCounted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td>
                <RateCell rate={r.rate} />
              </Table.Td>
              <Table.Td>{r.fully}</Table.Td>
              <Table.Td>{r.partially}</Table.Td>
              <Table.Td>{r.notImplemented}</Table.Td>
              <Table.Td>{r.counted}</Table.Td>
              <Table.Td>{r.noLongerRelevant}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/**
 * How far a country's recommendations have been implemented: per round (over the statuses recorded in it) and per
 * priority (over each recommendation's latest status), with the method in a sentence.
 */
export function ImplementationSection({ code }: { code: string }) {
  const { t } = useTranslation()
  const implementation = useImplementation(code)
  const data = implementation.data
  return (
    <Section title={t('recommendations:implementation.title')} description={t('recommendations:implementation.method')}>
      {implementation.isPending && <ListSkeleton rows={3} />}
      {implementation.error && (
        <ErrorAlert error={implementation.error} onRetry={() => void implementation.refetch()} />
      )}
      {data && data.byRound.length === 0 && <Text size="sm">{t('recommendations:implementation.empty')}</Text>}
      {data && data.byRound.length > 0 && (
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('recommendations:implementation.byRound')}
            </Title>
            <RateTable
              caption={t('recommendations:implementation.byRound')}
              first={t('recommendations:implementation.round')}
              rows={data.byRound.map((r) => ({ ...r, key: r.round.id, label: r.round.name }))}
            />
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('recommendations:implementation.byPriority')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('recommendations:implementation.byPriorityHint')}
            </Text>
            <RateTable
              caption={t('recommendations:implementation.byPriority')}
              first={t('recommendations:implementation.priority')}
              rows={data.byPriority.map((r) => ({
                ...r,
                key: r.priority,
                label: t(`recommendations:priority.label.${r.priority}`),
              }))}
            />
          </Stack>
        </Stack>
      )}
    </Section>
  )
}

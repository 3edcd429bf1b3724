import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import type { ContentLocale, ProgressRow } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from './dates.ts'
import { LateBadge, WorkStatusBadge } from './StatusBadges.tsx'
import { ContentText } from './text.tsx'

interface IndicatorTableProps {
  rows: ProgressRow[]
  baseLocale: ContentLocale
  /** Base path of the entry pages: `/rounds/{id}/countries/{code}/indicators`. */
  entryPath: string
  caption: string
  /** Set for the country lead: opens the assignment dialog of a row. */
  onAssign?: (row: ProgressRow) => void
}

/**
 * The indicators of a country with their assignment and state. A table on wide screens, a list of cards on narrow
 * ones (360 px phones), with the same information and links in both.
 */
export function IndicatorTable(props: IndicatorTableProps) {
  const narrow = useMediaQuery('(max-width: 48em)')
  return narrow ? <IndicatorCards {...props} /> : <IndicatorRows {...props} />
}

function useCells(row: ProgressRow, props: IndicatorTableProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const a = row.assignment
  const providers = a?.providers.length
    ? a.providers.map((p) => (p.userName ? `${p.organisationName} (${p.userName})` : p.organisationName)).join('; ')
    : null
  const none = (text: string) => (
    <Text span size="sm" c="dimmed">
      {text}
    </Text>
  )
  const code = (
    <Anchor component={Link} to={`${props.entryPath}/${row.code}`} fw={600} className="nowrap">
      {row.code}
    </Anchor>
  )
  const assign = props.onAssign && (
    <Button
      size="xs"
      variant="default"
      onClick={() => props.onAssign?.(row)}
      aria-label={
        a
          ? t('rounds:assignment.editNamed', { code: row.code })
          : t('rounds:assignment.assignNamed', { code: row.code })
      }
    >
      {a ? t('rounds:assignment.edit') : t('rounds:assignment.assign')}
    </Button>
  )
  return {
    code,
    title: <ContentText text={row.title} baseLocale={props.baseLocale} />,
    reason: t(`rounds:reason.${row.reason}`),
    // With double scoring, the second expert follows the first.
    expert: a?.secondExpert
      ? `${a.expert?.name ?? t('rounds:workspace.noExpert')} · ${a.secondExpert.name}`
      : a?.expert
        ? a.expert.name
        : none(t('rounds:workspace.noExpert')),
    providers: providers ?? none(t('rounds:workspace.noProviders')),
    due: a?.dueOn ? fmt.date(a.dueOn) : none(t('rounds:workspace.noDue')),
    status: (
      <Group gap={4} wrap="wrap">
        <WorkStatusBadge status={row.status} />
        {row.late && <LateBadge />}
      </Group>
    ),
    assign,
  } satisfies Record<string, ReactNode>
}

function IndicatorRows(props: IndicatorTableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Caption className="visually-hidden">{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds:table.code')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.indicator')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.reason')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.expert')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.providers')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.due')}</Table.Th>
            <Table.Th scope="col">{t('rounds:table.status')}</Table.Th>
            {props.onAssign && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('common:table.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Row key={row.code} row={row} props={props} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Row({ row, props }: { row: ProgressRow; props: IndicatorTableProps }) {
  const c = useCells(row, props)
  return (
    <Table.Tr>
      <Table.Td>{c.code}</Table.Td>
      <Table.Td maw={320}>{c.title}</Table.Td>
      <Table.Td>{c.reason}</Table.Td>
      <Table.Td>{c.expert}</Table.Td>
      <Table.Td maw={260}>{c.providers}</Table.Td>
      <Table.Td className="nowrap">{c.due}</Table.Td>
      <Table.Td miw={150}>{c.status}</Table.Td>
      {props.onAssign && <Table.Td>{c.assign}</Table.Td>}
    </Table.Tr>
  )
}

function IndicatorCards(props: IndicatorTableProps) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={props.caption}>
      {props.rows.map((row) => (
        <Card key={row.code} row={row} props={props} />
      ))}
    </Stack>
  )
}

function Card({ row, props }: { row: ProgressRow; props: IndicatorTableProps }) {
  const { t } = useTranslation()
  const c = useCells(row, props)
  const line = (label: string, value: ReactNode) => (
    <Text size="sm">
      <Text span size="sm" fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  )
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm">
            {c.code} {c.title}
          </Text>
        </Group>
        {c.status}
        {line(t('rounds:table.reason'), c.reason)}
        {line(t('rounds:table.expert'), c.expert)}
        {line(t('rounds:table.providers'), c.providers)}
        {line(t('rounds:table.due'), c.due)}
        {c.assign && <Group>{c.assign}</Group>}
      </Stack>
    </Paper>
  )
}

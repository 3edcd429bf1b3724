import { Anchor, Badge, Breadcrumbs, Button, Stack, Table, Text } from '@mantine/core'
import type { ImportBatch } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useRound } from './api.ts'
import { useDates } from './dates.ts'
import { RevertBatchModal } from './RevertBatchModal.tsx'
import { useImportBatches } from './templates-api.ts'

/**
 * The import history of a country in a round (country lead): every template upload or command-line import with who
 * made it, what it changed and whether it was reverted; while the round collects data, a batch can be reverted.
 */
export default function ImportBatchesPage() {
  const { t } = useTranslation()
  const params = useParams()
  const roundId = params.roundId ?? ''
  const country = (params.country ?? '').toUpperCase()
  const countryName = useCountryName()
  const round = useRound(roundId)
  const batches = useImportBatches(roundId, country)
  const [reverting, setReverting] = useState<ImportBatch | null>(null)
  const name = countryName(country)
  const title = round.data ? t('rounds:imports.title', { country: name, round: round.data.name }) : null
  usePageTitle(title)

  if (isNotFound(batches.error) || isNotFound(round.error)) {
    return <NotFound message={t('rounds:workspace.notFound')} />
  }
  const error = batches.error ?? round.error
  const workspace = `/rounds/${roundId}/countries/${country}`
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <Anchor component={Link} to={`/rounds/${roundId}`} size="sm">
          {round.data?.name ?? '…'}
        </Anchor>
        <Anchor component={Link} to={workspace} size="sm">
          {name}
        </Anchor>
        <span aria-current="page">{t('rounds:imports.crumb')}</span>
      </Breadcrumbs>
      {(batches.isPending || round.isPending) && !error && <ListSkeleton rows={4} />}
      {error && <ErrorAlert error={error} onRetry={() => void batches.refetch()} />}
      {batches.data && round.data && (
        <>
          <PageHeader title={title ?? ''} subtitle={t('rounds:imports.subtitle')} />
          <Section
            title={t('rounds:imports.sectionTitle')}
            description={round.data.status === 'collecting' ? t('rounds:imports.hint') : t('rounds:imports.hintClosed')}
          >
            {batches.data.length === 0 ? (
              <EmptyState>{t('rounds:imports.empty')}</EmptyState>
            ) : (
              <BatchTable batches={batches.data} onRevert={setReverting} />
            )}
          </Section>
          {reverting && (
            <RevertBatchModal
              roundId={roundId}
              country={country}
              batch={reverting}
              onClose={() => setReverting(null)}
            />
          )}
        </>
      )}
    </Stack>
  )
}

// Dark text on a pale fill, as the other status badges (WCAG AA contrast); the words carry the meaning.
const APPLIED = {
  background: 'var(--mantine-color-teal-0)',
  color: 'var(--mantine-color-teal-9)',
  border: '1px solid var(--mantine-color-teal-3)',
}
const REVERTED = {
  background: 'transparent',
  color: 'var(--mantine-color-gray-9)',
  border: '1px dashed var(--mantine-color-gray-6)',
}

function BatchTable({ batches, onRevert }: { batches: ImportBatch[]; onRevert: (b: ImportBatch) => void }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const anyRevertible = batches.some((b) => b.abilities.includes('importBatch.revert'))
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" captionSide="top" data-testid="import-batches">
        <Table.Caption>{t('rounds:imports.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds:imports.col.when')}</Table.Th>
            <Table.Th scope="col">{t('rounds:imports.col.by')}</Table.Th>
            <Table.Th scope="col">{t('rounds:imports.col.source')}</Table.Th>
            <Table.Th scope="col">{t('rounds:imports.col.file')}</Table.Th>
            <Table.Th scope="col">{t('rounds:imports.col.organisations')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('rounds:imports.col.created')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('rounds:imports.col.updated')}
            </Table.Th>
            <Table.Th scope="col">{t('rounds:imports.col.status')}</Table.Th>
            {anyRevertible && <Table.Th scope="col">{t('rounds:imports.col.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batches.map((b) => {
            const when = fmt.dateTime(b.createdAt)
            return (
              <Table.Tr key={b.id}>
                <Table.Th scope="row" fw={400} className="nowrap">
                  {when}
                </Table.Th>
                <Table.Td>{b.createdBy?.name ?? t('rounds:imports.system')}</Table.Td>
                <Table.Td>{t(`rounds:imports.source.${b.source}`)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'break-word' }}>{b.fileName ?? t('rounds:imports.noFile')}</Table.Td>
                <Table.Td>{b.organisations.map((o) => o.name).join('; ')}</Table.Td>
                <Table.Td ta="end">{fmt.number(b.counts.created)}</Table.Td>
                <Table.Td ta="end">{fmt.number(b.counts.updated)}</Table.Td>
                <Table.Td>
                  {b.revertedAt ? (
                    <Stack gap={2}>
                      <Badge style={REVERTED}>{t('rounds:imports.reverted')}</Badge>
                      <Text size="xs">
                        {t('rounds:imports.revertedBy', {
                          name: b.revertedBy?.name ?? t('rounds:imports.system'),
                          when: fmt.dateTime(b.revertedAt),
                        })}
                      </Text>
                      {b.revertReason && (
                        <Text size="xs" c="dimmed">
                          {t('rounds:imports.reason', { reason: b.revertReason })}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Badge style={APPLIED}>{t('rounds:imports.applied')}</Badge>
                  )}
                </Table.Td>
                {anyRevertible && (
                  <Table.Td>
                    {b.abilities.includes('importBatch.revert') && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => onRevert(b)}
                        aria-label={t('rounds:imports.revertNamed', { when })}
                      >
                        {t('rounds:imports.revertButton')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

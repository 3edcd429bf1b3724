import { Alert, Button, Stack, Switch, Table, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Decision, DecisionsOverview, ReviewDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useContentText } from '../handbook/useContentText.ts'
import { reviewKeys, saveDecision, useDecisions, useResults } from './api.ts'
import { DecisionModal, type DecisionTarget } from './DecisionModal.tsx'
import { DecisionSummary } from './DecisionSummary.tsx'
import { reviewCan } from './permissions.ts'
import { useTallyText } from './text.ts'
import { useBaseLocale, useReviewedVersion } from './useBaseLocale.ts'

/** The coordinator's decision per indicator, with what the group proposed and how many indicators remain. */
export function DecisionsTab({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const started = review.status !== 'draft'
  const decisions = useDecisions(review.id, started)
  const results = useResults(review.id, null, started)
  const version = useReviewedVersion(review)
  const baseLocale = useBaseLocale(review)
  const pick = useContentText(baseLocale)
  const tally = useTallyText()
  const decisionText = useDecisionText()
  const [editing, setEditing] = useState<DecisionTarget | null>(null)
  const [onlyMissing, setOnlyMissing] = useState(false)
  const [keepAll, setKeepAll] = useState(false)
  const canDecide = reviewCan(review, 'review.decide')
  const store = (overview: DecisionsOverview) => queryClient.setQueryData(reviewKeys.decisions(review.id), overview)
  const keepRest = useMutation({
    mutationFn: async (codes: string[]) => {
      let last: DecisionsOverview | null = null
      for (const code of codes)
        last = await saveDecision(review.id, code, {
          version: 0,
          decision: 'keep',
          mergeInto: null,
          moveTo: null,
          newTitle: null,
          rationale: '',
        })
      return last
    },
    onSettled: (last) => {
      setKeepAll(false)
      if (last) store(last)
      else void decisions.refetch()
    },
  })

  if (!started)
    return (
      <Alert color="blue" variant="light" icon={<InfoIcon />}>
        {t('review:decisions.notStarted')}
      </Alert>
    )
  const overview = decisions.data
  const indicators = (version.data?.indicators ?? []).map((i) => ({ code: i.code, title: pick(i.title).text }))
  const proposals = new Map(results.data?.indicators.map((i) => [i.code, tally(i.proposals)]))
  const byCode = new Map(overview?.decisions.map((d) => [d.code, d]))
  const shown = indicators.filter((i) => !onlyMissing || !byCode.has(i.code))
  return (
    <Stack gap="lg">
      {decisions.isPending && <ListSkeleton rows={6} />}
      {decisions.isError && <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />}
      {overview && (
        <>
          <DecisionSummary overview={overview} />
          {!canDecide && review.generatedVersionId && (
            <Alert color="blue" variant="light" icon={<InfoIcon />}>
              {t('review:decisions.locked')}
            </Alert>
          )}
          <Section
            title={t('review:decisions.title')}
            description={t('review:decisions.hint')}
            actions={
              canDecide &&
              overview.summary.missing.length > 0 && (
                <Button variant="default" size="xs" onClick={() => setKeepAll(true)}>
                  {t('review:decisions.keepRest', { count: overview.summary.missing.length })}
                </Button>
              )
            }
          >
            <Switch
              label={t('review:decisions.onlyMissing')}
              checked={onlyMissing}
              onChange={(e) => setOnlyMissing(e.currentTarget.checked)}
            />
            {keepRest.isError && <ErrorAlert error={keepRest.error} />}
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('review:decisions.noneMissing')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={880}>
                <Table verticalSpacing="xs" striped data-testid="decisions">
                  <Table.Caption className="visually-hidden">{t('review:decisions.title')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('review:results.indicator')}</Table.Th>
                      <Table.Th scope="col">{t('review:decisions.proposed')}</Table.Th>
                      <Table.Th scope="col">{t('review:decisions.decision')}</Table.Th>
                      <Table.Th scope="col">{t('review:decisions.rationale')}</Table.Th>
                      {canDecide && (
                        <Table.Th scope="col">
                          <span className="visually-hidden">{t('review:participants.actions')}</span>
                        </Table.Th>
                      )}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((ind) => {
                      const d = byCode.get(ind.code)
                      return (
                        <Table.Tr key={ind.code}>
                          <Table.Th scope="row" fw={400}>
                            <Text span size="sm" fw={600}>
                              {ind.code}
                            </Text>{' '}
                            <Text span size="sm">
                              {ind.title}
                            </Text>
                          </Table.Th>
                          <Table.Td>
                            <Text size="sm">{proposals.get(ind.code) ?? t('review:tally.none')}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={d ? 500 : 400} c={d ? undefined : 'dimmed'}>
                              {d ? decisionText(d, baseLocale) : t('review:decisions.none')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{d?.rationale ?? ''}</Text>
                          </Table.Td>
                          {canDecide && (
                            <Table.Td>
                              <Button
                                size="xs"
                                variant={d ? 'subtle' : 'light'}
                                aria-label={t('review:decisions.decideFor', { code: ind.code })}
                                onClick={() =>
                                  setEditing({
                                    code: ind.code,
                                    title: ind.title,
                                    proposals: proposals.get(ind.code) ?? t('review:tally.none'),
                                  })
                                }
                              >
                                {d ? t('review:decisions.change') : t('review:decisions.decide')}
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Section>
          {editing && (
            <DecisionModal
              reviewId={review.id}
              target={editing}
              overview={overview}
              indicators={indicators}
              baseLocale={baseLocale}
              onClose={() => setEditing(null)}
              onSaved={(next) => {
                store(next)
                setEditing(null)
              }}
              onReload={() => {
                setEditing(null)
                void decisions.refetch()
              }}
            />
          )}
          {keepAll && (
            <ConfirmModal
              title={t('review:decisions.keepRestTitle')}
              message={t('review:decisions.keepRestMessage', { count: overview.summary.missing.length })}
              confirmLabel={t('review:decisions.keepRest', { count: overview.summary.missing.length })}
              loading={keepRest.isPending}
              onConfirm={() => keepRest.mutate(overview.summary.missing)}
              onClose={() => setKeepAll(false)}
            />
          )}
        </>
      )}
    </Stack>
  )
}

/** A decision in words with its target: "Merge into another indicator: IDN-4", "Reword: …". */
export function useDecisionText() {
  const { t } = useTranslation()
  return (d: Decision, baseLocale: string): string => {
    const label = t(`review:decision.${d.decision}`)
    if (d.decision === 'merge' && d.mergeInto) return t('review:decisions.withDetail', { label, detail: d.mergeInto })
    if (d.decision === 'move' && d.moveTo)
      return t('review:decisions.withDetail', { label, detail: t(`enums:topic.${d.moveTo}`) })
    if (d.decision === 'reword' && d.newTitle) {
      const title = d.newTitle[baseLocale as keyof typeof d.newTitle] ?? Object.values(d.newTitle)[0] ?? ''
      return t('review:decisions.withDetail', { label, detail: title })
    }
    return label
  }
}

import { type Locale, type LocalizedText, PARTICIPANT_ROLES, type ReviewResults } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { formatter, localize, translator } from '../../i18n/translate.ts'
import type { LoadedVersion } from '../frameworks/frameworks.queries.ts'
import type { Block, ReportDocument, ReportTable } from '../reports/document.ts'
import { DASH } from '../reports/report-format.ts'
import { decisionsOverview } from './decisions.ts'
import { computeResults } from './results.ts'
import { type LoadedReview, loadDecisions, responseCounts } from './reviews.queries.ts'

/**
 * The review report in one locale: method, participation by country, the results of the last round (ranking,
 * proposals, stability) and the decisions with what they leave. Aggregates only: no one's ratings, no names.
 */
export async function buildReviewReport(
  db: Database,
  review: LoadedReview,
  version: LoadedVersion,
  locale: Locale,
): Promise<ReportDocument> {
  const t = translator(locale)
  const f = formatter(locale)
  const text = (v: LocalizedText | null | undefined) => localize(v, locale)
  const round = Math.max(1, review.row.currentRound)
  const results = await computeResults(db, review, version, round)
  const overview = decisionsOverview(version, await loadDecisions(db, review.row.id))
  const countryRows = await db.selectFrom('countries').select(['code', 'names']).execute()
  const countryName = new Map(countryRows.map((c) => [c.code, text(parseJson<LocalizedText>(c.names, {})) || c.code]))
  const generated = review.row.generatedVersionId
    ? await db
        .selectFrom('frameworkVersions')
        .select('label')
        .where('id', '=', review.row.generatedVersionId)
        .executeTakeFirst()
    : undefined
  const criterion = (c: string) => t(`review:criterion.${c}`)
  const titleOf = new Map(version.indicators.map((i) => [i.code, text(i.title)]))
  const stat = (n: number | null) => (n === null ? DASH : f.number(n, 2))

  const perRound = await Promise.all(
    review.rounds.map(async (r) => ({ round: r.number, counts: await responseCounts(db, review.row.id, r.number) })),
  )
  const countries = [...new Set(review.participants.map((p) => p.countryCode))].sort()
  const participation: ReportTable = {
    caption: t('review:report.participation.caption'),
    columns: [
      { label: t('review:report.column.country') },
      { label: t('review:report.column.invited'), numeric: true },
      ...perRound.map((r) => ({
        label: t('review:report.column.respondedInRound', { round: r.round }),
        numeric: true,
      })),
    ],
    rows: countries.map((code) => {
      const here = review.participants.filter((p) => p.countryCode === code)
      return [
        countryName.get(code) ?? code,
        f.number(here.length, 0),
        ...perRound.map((r) => f.number(here.filter((p) => (r.counts.get(p.id) ?? 0) > 0).length, 0)),
      ]
    }),
  }

  const roles: ReportTable = {
    caption: t('review:report.participation.rolesCaption'),
    columns: [{ label: t('review:report.column.role') }, { label: t('review:report.column.invited'), numeric: true }],
    rows: PARTICIPANT_ROLES.map((role) => [
      t(`review:participantRole.${role}`),
      f.number(review.participants.filter((p) => p.role === role).length, 0),
    ]),
  }

  const byRank = [...results.indicators].sort((a, b) => a.rank - b.rank)
  const ranking: ReportTable = {
    caption: t('review:report.results.caption', { round }),
    columns: [
      { label: t('review:report.column.rank'), numeric: true },
      { label: t('review:report.column.code') },
      { label: t('review:report.column.indicator') },
      ...results.criteria.map((c) => ({ label: criterion(c) })),
      { label: t('review:report.column.consensus') },
    ],
    rows: byRank.map((i) => [
      f.number(i.rank, 0),
      i.code,
      text(i.title),
      ...i.overall.map((s) =>
        s.n === 0 ? DASH : t('review:report.results.medianIqr', { median: stat(s.median), iqr: stat(s.iqr) }),
      ),
      t('review:report.results.consensusCount', {
        count: i.overall.filter((s) => s.consensus).length,
        total: i.overall.length,
      }),
    ]),
    note: t('review:report.results.note', { threshold: f.number(review.row.consensusIqr, 2) }),
  }
  const proposed = results.indicators.filter(
    (i) => i.proposals.merge + i.proposals.drop + i.proposals.reword + i.proposals.move > 0,
  )
  const proposals: ReportTable = {
    caption: t('review:report.proposals.caption', { round }),
    columns: [
      { label: t('review:report.column.code') },
      ...(['keep', 'merge', 'drop', 'reword', 'move'] as const).map((p) => ({
        label: t(`review:proposal.${p}`),
        numeric: true,
      })),
    ],
    rows: proposed.map((i) => [
      i.code,
      ...[i.proposals.keep, i.proposals.merge, i.proposals.drop, i.proposals.reword, i.proposals.move].map((n) =>
        f.number(n, 0),
      ),
    ]),
  }

  const decisionRows = overview.decisions.map((d) => {
    const detail =
      d.decision === 'merge'
        ? t('review:report.decisions.mergeInto', { code: d.mergeInto ?? '' })
        : d.decision === 'reword'
          ? t('review:report.decisions.newTitle', { title: text(d.newTitle) })
          : d.decision === 'move'
            ? t('review:report.decisions.moveTo', { topic: d.moveTo ? t(`enums:topic.${d.moveTo}`) : '' })
            : DASH
    return [d.code, titleOf.get(d.code) ?? '', t(`review:decision.${d.decision}`), detail, d.rationale || DASH]
  })
  const s = overview.summary

  const blocks: Block[] = [
    { type: 'toc', title: t('documents:toc') },
    { type: 'heading', level: 1, text: t('review:report.section.method'), id: 'method' },
    {
      type: 'paragraph',
      text: t('review:report.method.delphi', {
        rounds: review.row.currentRound,
        participants: review.participants.length,
        countries: countries.length,
      }),
    },
    ...(review.row.description ? [{ type: 'paragraph' as const, text: review.row.description }] : []),
    { type: 'paragraph', text: t('review:report.method.criteria') },
    { type: 'list', items: review.criteria.map(criterion) },
    {
      type: 'paragraph',
      text: t('review:report.method.statistics', { threshold: f.number(review.row.consensusIqr, 2) }),
    },
    { type: 'paragraph', text: t('review:report.method.anonymity'), style: 'note' },
    { type: 'heading', level: 1, text: t('review:report.section.participation'), id: 'participation' },
    { type: 'table', table: participation },
    { type: 'table', table: roles },
    { type: 'heading', level: 1, text: t('review:report.section.results'), id: 'results' },
    results.participation.responded === 0
      ? { type: 'paragraph', text: t('review:report.results.none'), style: 'note' }
      : { type: 'table', table: ranking },
    { type: 'heading', level: 2, text: t('review:report.section.proposals'), id: 'proposals' },
    proposed.length
      ? { type: 'table', table: proposals }
      : { type: 'paragraph', text: t('review:report.proposals.none'), style: 'note' },
    ...stabilityBlocks(results, t, f),
    { type: 'heading', level: 1, text: t('review:report.section.decisions'), id: 'decisions' },
    {
      type: 'keyValues',
      items: [
        {
          label: t('review:report.decisions.indicators'),
          value: t('review:report.decisions.fromTo', { from: s.total, to: s.remaining }),
        },
        {
          label: t('review:report.decisions.core'),
          value: t('review:report.decisions.fromTo', { from: s.coreBefore, to: s.coreAfter }),
        },
        ...(s.missing.length ? [{ label: t('review:report.decisions.missing'), value: s.missing.join(', ') }] : []),
      ],
    },
    decisionRows.length
      ? {
          type: 'table',
          table: {
            caption: t('review:report.decisions.caption'),
            columns: [
              { label: t('review:report.column.code') },
              { label: t('review:report.column.indicator') },
              { label: t('review:report.column.decision') },
              { label: t('review:report.column.detail') },
              { label: t('review:report.column.rationale') },
            ],
            rows: decisionRows,
          },
        }
      : { type: 'paragraph', text: t('review:report.decisions.none'), style: 'note' },
    {
      type: 'paragraph',
      text: generated
        ? t('review:report.decisions.generated', { label: generated.label })
        : t('review:report.decisions.notGenerated'),
    },
  ]
  return {
    lang: locale,
    title: t('review:report.title'),
    subtitle: review.row.title,
    cover: [
      t('review:report.cover.version', {
        framework: text(parseJson<LocalizedText>(version.framework.name, {})),
        label: version.row.label,
      }),
      t('review:report.cover.status', { status: t(`review:status.${review.status}`), rounds: review.row.currentRound }),
      t('review:report.cover.generated', { date: f.date(new Date().toISOString()) }),
    ],
    blocks,
    footer: t('review:report.footer', { title: review.row.title }),
  }
}

function stabilityBlocks(
  results: ReviewResults,
  t: ReturnType<typeof translator>,
  f: ReturnType<typeof formatter>,
): Block[] {
  if (results.round < 2) return []
  const rows = results.criteria.map((criterion, n) => {
    let both = 0
    let changed = 0
    for (const i of results.indicators) {
      const s = i.stability?.[n]
      both += s?.n ?? 0
      changed += s?.changed ?? 0
    }
    const consensus = results.indicators.filter((i) => i.overall[n]?.consensus).length
    return [t(`review:criterion.${criterion}`), both ? f.percent((changed / both) * 100) : DASH, f.number(consensus, 0)]
  })
  return [
    { type: 'heading', level: 2, text: t('review:report.section.stability'), id: 'stability' },
    {
      type: 'table',
      table: {
        caption: t('review:report.stability.caption', { from: results.round - 1, to: results.round }),
        columns: [
          { label: t('review:report.column.criterion') },
          { label: t('review:report.column.changed'), numeric: true },
          { label: t('review:report.column.consensusIndicators', { round: results.round }), numeric: true },
        ],
        rows,
      },
    },
  ]
}

import type { ReviewProposal, ReviewResponse } from '@thbm/shared'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Numbers of the review in the active locale: medians and IQRs with up to two decimals, shares as per cent. */
export function useReviewFormat() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const stat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
    const none = t('review:stats.none')
    return {
      /** A median, quartile or IQR; a dash-like word when there is none. */
      stat: (n: number | null | undefined) => (typeof n === 'number' ? stat.format(n) : none),
      percent: (n: number | null | undefined) => (typeof n === 'number' ? percent.format(n) : none),
      /** "3.5 (IQR 1)" */
      medianIqr: (median: number | null, iqr: number | null) =>
        median === null
          ? none
          : t('review:stats.medianIqr', { median: stat.format(median), iqr: stat.format(iqr ?? 0) }),
    }
  }, [locale, t])
}

type Tally = Record<ReviewProposal, number> & {
  mergeTargets: { code: string; n: number }[]
  moveTargets: { topic: string; n: number }[]
}

/** Proposal counts in words: "Keep 5 · Merge 2 (into IDN-4: 2) · Drop 1"; proposals nobody made are left out. */
export function useTallyText() {
  const { t } = useTranslation()
  return (tally: Tally): string => {
    const parts: string[] = []
    const add = (kind: ReviewProposal, detail?: string) => {
      if (tally[kind] > 0)
        parts.push(
          detail
            ? t('review:tally.withTargets', { label: t(`review:proposal.${kind}`), n: tally[kind], targets: detail })
            : t('review:tally.item', { label: t(`review:proposal.${kind}`), n: tally[kind] }),
        )
    }
    add('keep')
    add(
      'merge',
      tally.mergeTargets.map((m) => t('review:tally.target', { target: m.code, n: m.n })).join(', ') || undefined,
    )
    add('drop')
    add('reword')
    add(
      'move',
      tally.moveTargets
        .map((m) => t('review:tally.target', { target: t(`enums:topic.${m.topic}`), n: m.n }))
        .join(', ') || undefined,
    )
    return parts.length ? parts.join(' · ') : t('review:tally.none')
  }
}

/** Counts of the ratings 1 to 5 in words: "1: 0 · 2: 1 · 3: 4 · 4: 2 · 5: 1". */
export function useCountsText() {
  const { t } = useTranslation()
  return (counts: readonly number[]): string =>
    counts.map((n, i) => t('review:stats.count', { rating: i + 1, n })).join(' · ')
}

/** A proposal with its target: "Merge into IDN-4", "Move to a module: Data". */
export function useProposalText() {
  const { t } = useTranslation()
  return (r: Pick<ReviewResponse, 'proposal' | 'mergeInto' | 'moveTo'>): string => {
    if (!r.proposal) return t('review:stats.none')
    if (r.proposal === 'merge' && r.mergeInto) return t('review:ratings.mergeInto', { code: r.mergeInto })
    if (r.proposal === 'move' && r.moveTo) return t('review:ratings.moveTo', { topic: t(`enums:topic.${r.moveTo}`) })
    return t(`review:proposal.${r.proposal}`)
  }
}

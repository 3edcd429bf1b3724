import type { Measurement } from './framework.ts'

/**
 * Scoring of assessments (issue #5): how an expert's score on one indicator becomes a 0-100 score, how an area's
 * score is made from its indicators, and how far two experts who scored independently agree.
 * Pure functions: the server computes the published numbers and the web app previews them with the same code.
 */

/** The scale an expert scores an indicator on: whole levels from `min` to `max`, or the indicator's target bands. */
export type ScoreScale = { kind: 'levels'; min: number; max: number } | { kind: 'bands' }

/** The highest rubric level; the lowest is 0. */
const RUBRIC_MAX = 4
/** yes_partial_no is scored 0 = no, 1 = partial, 2 = yes. */
const YES_PARTIAL_NO_MAX = 2

/**
 * The scale an indicator is scored on. A rubric is scored on its levels 0 to 4; yes/partial/no on 0 (no), 1 (partial)
 * and 2 (yes); a count or percentage with target bands by the band its value falls in. Counts and percentages without
 * bands, amounts and texts are not scored (`null`): they are reported, never turned into a score.
 */
export function scaleOf(measurement: Measurement): ScoreScale | null {
  switch (measurement.type) {
    case 'rubric':
      return { kind: 'levels', min: 0, max: RUBRIC_MAX }
    case 'yes_partial_no':
      return { kind: 'levels', min: 0, max: YES_PARTIAL_NO_MAX }
    case 'count':
    case 'percentage':
      return measurement.targetBands && measurement.targetBands.length > 0 ? { kind: 'bands' } : null
    case 'amount':
    case 'text':
      return null
    default: {
      const never: never = measurement
      throw new Error(`Unknown measurement ${String(never)}`)
    }
  }
}

/** Whether an indicator gets a score at all (see `scaleOf`). */
export function isScored(measurement: Measurement): boolean {
  return scaleOf(measurement) !== null
}

/**
 * What is wrong with a raw score for this indicator, as an English message for a 400 response, or `null` if it is
 * fine. A level must be a whole number on the scale; a banded count a whole number of 0 or more; a banded percentage a
 * number from 0 to 100. An indicator that is not scored accepts no score.
 */
export function validateScore(measurement: Measurement, raw: number): string | null {
  const scale = scaleOf(measurement)
  if (scale === null) return 'This indicator is not scored'
  if (scale.kind === 'levels') {
    const ok = Number.isInteger(raw) && raw >= scale.min && raw <= scale.max
    return ok ? null : `The score must be a whole number from ${scale.min} to ${scale.max}`
  }
  if (measurement.type === 'percentage') {
    return Number.isFinite(raw) && raw >= 0 && raw <= 100 ? null : 'The percentage must be a number from 0 to 100'
  }
  return Number.isInteger(raw) && raw >= 0 ? null : 'The count must be a whole number of 0 or more'
}

/**
 * A raw score turned into 0-100. On a level scale the level is placed proportionally between the lowest (0) and the
 * highest (100) level: (level - min) / (max - min) x 100, so rubric level 3 is 75 and "partial" is 50. With target
 * bands the score is that of the first band whose range [from, to) holds the value (for a percentage, the percentage
 * itself, 0 to 100); a value outside every band has no score (`null`). Note that `to` is excluded: a band meant to
 * include 100 % must end above 100. An indicator that is not scored gives `null`.
 * @throws RangeError with the `validateScore` message when the raw score is not valid for a scored indicator.
 */
export function normaliseScore(measurement: Measurement, raw: number): number | null {
  const scale = scaleOf(measurement)
  if (scale === null) return null
  const problem = validateScore(measurement, raw)
  if (problem !== null) throw new RangeError(problem)
  if (scale.kind === 'levels') return ((raw - scale.min) / (scale.max - scale.min)) * 100
  const bands = measurement.type === 'count' || measurement.type === 'percentage' ? measurement.targetBands : undefined
  const band = bands?.find((b) => b.from <= raw && raw < b.to)
  return band ? band.score : null
}

/** Whether a raw score is the lowest level of its scale (rubric 0, "no"). Always false for banded and unscored ones. */
export function isWorstLevel(measurement: Measurement, raw: number): boolean {
  const scale = scaleOf(measurement)
  return scale?.kind === 'levels' && raw === scale.min
}

/** One indicator of an area, with the expert's raw score. */
export interface AreaScoreItem {
  /** The indicator code, e.g. `IDN-3`. */
  code: string
  /** The indicator's weight in its area (0 to 100); 0 means it adds nothing to the mean. */
  weight: number
  /** A red-flag indicator at its worst level caps the area score. */
  redFlag: boolean
  measurement: Measurement
  /** The raw score (a level, or a banded value); `null` when there is no data or it was not assessed. */
  raw: number | null
}

export interface AreaScoreOptions {
  /** The highest area score allowed while a red-flag indicator is at its worst level (0 to 100). */
  redFlagCeiling: number
}

export const DEFAULT_RED_FLAG_CEILING = 40

export interface AreaScore {
  /** The area score, 0 to 100 rounded to one decimal, after the red-flag cap; `null` when nothing could be scored. */
  score: number | null
  /** The weighted mean before the red-flag cap, rounded to one decimal. */
  uncappedScore: number | null
  /** Indicators with a score, including those of weight 0. */
  scoredCount: number
  /** Scored indicators without a score: no data, not assessed, or a value outside every target band. */
  excludedCount: number
  /** Indicators whose measurement is never scored (see `scaleOf`). */
  notScoredCount: number
  /** Codes of the red-flag indicators at their worst level, in input order. */
  cappedBy: string[]
}

const round1 = (x: number): number => Math.round(x * 10) / 10

/**
 * An area's score. Each indicator with a score is normalised to 0-100 (`normaliseScore`) and the area score is the
 * weighted mean of those: sum(weight x score) / sum(weight). Indicators without data are left out, not counted as 0.
 * An indicator of weight 0 is counted as scored and shown, but adds nothing to the mean; if every scored indicator has
 * weight 0, or none has a score, the area has no score. If any red-flag indicator is at its worst level, the area score
 * is at most the red-flag ceiling (40 unless set otherwise), whatever its weight; `cappedBy` lists those indicators.
 * @throws RangeError for a negative weight, a ceiling outside 0-100 or an invalid raw score (see `validateScore`).
 */
export function areaScore(items: readonly AreaScoreItem[], options: Partial<AreaScoreOptions> = {}): AreaScore {
  const ceiling = options.redFlagCeiling ?? DEFAULT_RED_FLAG_CEILING
  if (!(ceiling >= 0 && ceiling <= 100)) throw new RangeError('The red-flag ceiling must be from 0 to 100')
  let weightSum = 0
  let weighted = 0
  let scoredCount = 0
  let excludedCount = 0
  let notScoredCount = 0
  const cappedBy: string[] = []
  for (const item of items) {
    if (!(item.weight >= 0 && Number.isFinite(item.weight))) {
      throw new RangeError(`${item.code}: the weight must be a number of 0 or more`)
    }
    if (!isScored(item.measurement)) {
      notScoredCount++
      continue
    }
    const score = item.raw === null ? null : normaliseScore(item.measurement, item.raw)
    if (item.raw === null || score === null) {
      excludedCount++
      continue
    }
    scoredCount++
    weightSum += item.weight
    weighted += item.weight * score
    if (item.redFlag && isWorstLevel(item.measurement, item.raw)) cappedBy.push(item.code)
  }
  const mean = weightSum > 0 ? weighted / weightSum : null
  return {
    score: mean === null ? null : round1(cappedBy.length > 0 ? Math.min(mean, ceiling) : mean),
    uncappedScore: mean === null ? null : round1(mean),
    scoredCount,
    excludedCount,
    notScoredCount,
    cappedBy,
  }
}

/** Two independent scores of the same item: expert A's level and expert B's level. */
export type ScorePair = readonly [a: number, b: number]

/** The share of pairs where both experts gave the same score, from 0 to 1; `null` when there are no pairs. */
export function percentAgreement(pairs: readonly ScorePair[]): number | null {
  if (pairs.length === 0) return null
  return pairs.filter(([a, b]) => a === b).length / pairs.length
}

/**
 * Quadratic-weighted Cohen's kappa: how much two experts agree beyond what chance would give, on an ordinal scale of
 * `categories` levels 0 to k-1 (5 for a rubric, 3 for yes/partial/no). A near miss counts as partial agreement with
 * weight w(i,j) = 1 - (i-j)^2 / (k-1)^2. Po is the weighted agreement observed over the pairs; Pe the weighted
 * agreement expected if the two experts scored independently with the same level frequencies as they did;
 * kappa = (Po - Pe) / (1 - Pe). 1 is perfect agreement, 0 chance level, below 0 worse than chance.
 * No pairs gives `null`. When both experts gave every item the same single level, Pe = 1 and the formula is 0/0;
 * then they agreed on everything (Po = 1 necessarily) and we return 1.
 * @throws RangeError when `categories` is not a whole number of 2 or more, or a level is not a whole number 0 to k-1.
 */
export function weightedKappa(pairs: readonly ScorePair[], categories: number): number | null {
  const k = categories
  if (!Number.isInteger(k) || k < 2)
    throw new RangeError('The number of categories must be a whole number of 2 or more')
  for (const [a, b] of pairs) {
    for (const level of [a, b]) {
      if (!Number.isInteger(level) || level < 0 || level >= k) {
        throw new RangeError(`A level must be a whole number from 0 to ${k - 1}`)
      }
    }
  }
  if (pairs.length === 0) return null
  const n = pairs.length
  const w = (i: number, j: number): number => 1 - (i - j) ** 2 / (k - 1) ** 2
  // Counts per level for each expert (the margins of the k x k table), and the weighted sum of observed agreement.
  const countA = new Array<number>(k).fill(0)
  const countB = new Array<number>(k).fill(0)
  let observed = 0
  for (const [a, b] of pairs) {
    observed += w(a, b)
    countA[a] = (countA[a] ?? 0) + 1
    countB[b] = (countB[b] ?? 0) + 1
  }
  // Both experts gave every item the same single level: Pe = Po = 1, and kappa would be 0/0.
  if (countA.some((c, i) => c === n && countB[i] === n)) return 1
  let expected = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) expected += w(i, j) * (countA[i] ?? 0) * (countB[j] ?? 0)
  }
  const po = observed / n
  const pe = expected / (n * n)
  return (po - pe) / (1 - pe)
}

/** One item scored independently by two experts, with its measurement (a rubric or yes/partial/no). */
export interface AgreementPair {
  a: number
  b: number
  measurement: Measurement
}

export interface AgreementSummary {
  /** The number of double-scored items. */
  n: number
  /** The share of items with identical scores, 0 to 1; `null` when there are none. */
  exactAgreement: number | null
  /** Quadratic-weighted Cohen's kappa on the common 0-4 scale; `null` when there are no items. */
  kappa: number | null
}

/**
 * Agreement between two experts over a set of independently double-scored items, which may mix rubrics (0-4) and
 * yes/partial/no (0-2). Exact agreement is the share of items scored identically. Kappa is the quadratic-weighted
 * kappa (`weightedKappa`) on a common five-level scale: yes/partial/no levels 0, 1, 2 are placed on rubric levels
 * 0, 2, 4 (no, midway, fully). This changes nothing for yes/partial/no alone: a gap of d levels on 0-2 becomes 2d on
 * 0-4, and 1 - (2d)^2/16 = 1 - d^2/4, the same weight, so kappa is the one computed on the three-level scale.
 * @throws RangeError when an item is not scored on levels or a score is not a valid level (see `validateScore`).
 */
export function agreementSummary(pairs: readonly AgreementPair[]): AgreementSummary {
  const common: ScorePair[] = pairs.map(({ a, b, measurement }) => {
    const scale = scaleOf(measurement)
    if (scale?.kind !== 'levels') throw new RangeError('Agreement is computed on level scores only')
    for (const level of [a, b]) {
      const problem = validateScore(measurement, level)
      if (problem !== null) throw new RangeError(problem)
    }
    const factor = RUBRIC_MAX / scale.max
    return [a * factor, b * factor]
  })
  return {
    n: pairs.length,
    exactAgreement: percentAgreement(common),
    kappa: weightedKappa(common, RUBRIC_MAX + 1),
  }
}

/** How far a recommendation has been implemented, as recorded at follow-up. */
export const FOLLOW_UP_STATUSES = [
  'not_implemented',
  'partially_implemented',
  'fully_implemented',
  'no_longer_relevant',
] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

export const RECOMMENDATION_PRIORITIES = ['urgent', 'necessary', 'encouraged'] as const
export type RecommendationPriority = (typeof RECOMMENDATION_PRIORITIES)[number]

/** Who made a recommendation: our monitoring, the national rapporteur, GRETA, or another body. */
export const RECOMMENDATION_SOURCES = ['monitoring', 'national_rapporteur', 'greta', 'other'] as const
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number]

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]

export interface ImplementationRate {
  /** (fully + 0.5 x partially) / counted, 0 to 1; `null` when no recommendation counts. */
  rate: number | null
  /** Recommendations that count: all except those no longer relevant. */
  counted: number
  fully: number
  partially: number
  notImplemented: number
  noLongerRelevant: number
}

/**
 * The implementation rate of a set of recommendations: a fully implemented one counts 1, a partially implemented one
 * 0.5 and one not implemented 0, divided by the number of recommendations still relevant. Those no longer relevant
 * are left out of both sides; if none is left, there is no rate.
 */
export function implementationRate(statuses: readonly FollowUpStatus[]): ImplementationRate {
  let fully = 0
  let partially = 0
  let notImplemented = 0
  let noLongerRelevant = 0
  for (const status of statuses) {
    switch (status) {
      case 'fully_implemented':
        fully++
        break
      case 'partially_implemented':
        partially++
        break
      case 'not_implemented':
        notImplemented++
        break
      case 'no_longer_relevant':
        noLongerRelevant++
        break
      default: {
        const never: never = status
        throw new Error(`Unknown follow-up status ${String(never)}`)
      }
    }
  }
  const counted = fully + partially + notImplemented
  return {
    rate: counted > 0 ? (fully + 0.5 * partially) / counted : null,
    counted,
    fully,
    partially,
    notImplemented,
    noLongerRelevant,
  }
}

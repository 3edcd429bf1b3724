import { type Assessment, type IndicatorDoc, scaleOf } from '@thbm/shared'

/** The first expert's own score: kept apart once the country lead settled a different final score. */
export const firstExpertScore = (a: Assessment): number | null => a.expertScore ?? a.score

/** Submitted (or validated): the expert's score counts. */
export const isScored = (a: Assessment | null | undefined): a is Assessment =>
  a?.status === 'submitted' || a?.status === 'validated'

export interface DoubleScoringState {
  /** Both experts' scores are in (submitted or validated). */
  bothScored: boolean
  /** Both scored, on a scale of levels, and chose different levels. */
  differ: boolean
  /** The lead recorded the final score (with a note). */
  settled: boolean
  /** The scores differ and were not settled: validation waits (as on the server). */
  unsettled: boolean
}

/** Where the two experts' scores of an indicator stand, as the server decides it. */
export function doubleScoringState(
  indicator: IndicatorDoc,
  primary: Assessment | null,
  second: Assessment | null,
): DoubleScoringState {
  const levels = scaleOf(indicator.measurement)?.kind === 'levels'
  const bothScored = isScored(primary) && isScored(second)
  const differ = bothScored && levels && firstExpertScore(primary) !== second.score
  const settled = primary?.scoringResolution != null
  return { bothScored, differ, settled, unsettled: differ && !settled }
}

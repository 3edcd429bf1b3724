import { ROUND_STATUSES, type Round, type RoundStatus } from '@thbm/shared'
import { ApiError } from '../../api/client.ts'

/** A status move the user may make from the round's page. */
export interface RoundMove {
  to: RoundStatus
  direction: 'forward' | 'back'
}

/** The moves the round's abilities allow: one step forward (start, advance) and one step back. */
export function allowedMoves(round: Pick<Round, 'status' | 'abilities'>): RoundMove[] {
  const index = ROUND_STATUSES.indexOf(round.status)
  const next = ROUND_STATUSES[index + 1]
  const previous = index > 0 ? ROUND_STATUSES[index - 1] : undefined
  const moves: RoundMove[] = []
  const forward = round.abilities.includes('round.start') || round.abilities.includes('round.advance')
  if (next && forward) moves.push({ to: next, direction: 'forward' })
  if (previous && round.abilities.includes('round.moveBack')) moves.push({ to: previous, direction: 'back' })
  return moves
}

/** What stops a round from moving forward, as the server lists it in a 409. */
export interface Blocker {
  countryCode: string
  indicatorCode: string | null
  problem: 'no_indicators' | 'not_validated' | 'follow_up_missing'
}

/** The blockers of a refused forward move (`error.details.blockers`), or none. */
export function blockersOf(error: unknown): Blocker[] {
  if (!(error instanceof ApiError) || error.status !== 409) return []
  const details = error.details
  if (typeof details !== 'object' || details === null || !('blockers' in details)) return []
  const list = (details as { blockers: unknown }).blockers
  if (!Array.isArray(list)) return []
  return list.flatMap((raw: unknown): Blocker[] => {
    if (typeof raw !== 'object' || raw === null) return []
    const b = raw as Record<string, unknown>
    if (typeof b.countryCode !== 'string') return []
    if (b.problem !== 'no_indicators' && b.problem !== 'not_validated' && b.problem !== 'follow_up_missing') return []
    return [
      {
        countryCode: b.countryCode,
        indicatorCode: typeof b.indicatorCode === 'string' ? b.indicatorCode : null,
        problem: b.problem,
      },
    ]
  })
}

export interface BlockerGroup {
  countryCode: string
  noIndicators: boolean
  /** Indicators without a validated assessment. */
  codes: string[]
  /** Carried-over recommendations without a follow-up status in this round. */
  followUps: number
}

/** Blockers per country: whether its list is empty, which indicators are not validated, missing follow-ups. */
export function groupBlockers(blockers: readonly Blocker[]): BlockerGroup[] {
  const byCountry = new Map<string, BlockerGroup>()
  for (const b of blockers) {
    const group = byCountry.get(b.countryCode) ?? {
      countryCode: b.countryCode,
      noIndicators: false,
      codes: [],
      followUps: 0,
    }
    if (b.problem === 'no_indicators') group.noIndicators = true
    else if (b.problem === 'follow_up_missing') group.followUps++
    else if (b.indicatorCode) group.codes.push(b.indicatorCode)
    byCountry.set(b.countryCode, group)
  }
  return [...byCountry.values()]
}

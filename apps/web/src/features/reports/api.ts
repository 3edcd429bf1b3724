import { useQueries, useQuery } from '@tanstack/react-query'
import type { AreaScores, Locale, ReportFormat, ReportPublication } from '@thbm/shared'
import { ApiError, api, apiUrl } from '../../api/client.ts'
import { assessmentKeys } from '../assessments/api.ts'
import { REGION_SCOPE } from '../discussion/api.ts'
import { roundPath } from '../rounds/api.ts'

/** The regional report's scope, as publications and narratives name it. */
export const REGION = REGION_SCOPE

/** Internal views show every figure; public ones apply disclosure control to small counts of persons. */
export type Disclosure = 'internal' | 'public'

/** What a report link asks for besides the format. */
export interface ReportChoice {
  lang: Locale
  disclosure: Disclosure
}

export const reportKeys = {
  publications: (roundId: string) => ['reports', 'publications', roundId] as const,
}

const enc = encodeURIComponent

/** The API path of a scope's publications (a country code, or REGION). */
const publicationsPath = (roundId: string, scope: string) =>
  scope === REGION ? roundPath(roundId, '/publications') : roundPath(roundId, `/countries/${enc(scope)}/publications`)

/** The URL of a report as it stands now (national for a country code, regional for REGION), in a format. */
export function reportUrl(roundId: string, scope: string, format: ReportFormat, choice: ReportChoice): string {
  const path = scope === REGION ? roundPath(roundId, '/report') : roundPath(roundId, `/countries/${enc(scope)}/report`)
  return apiUrl(path, { format, lang: choice.lang, disclosure: choice.disclosure })
}

/** The URL of a published (frozen) report in a format. */
export const publicationUrl = (id: string, format: ReportFormat, choice: ReportChoice): string =>
  apiUrl(`/publications/${enc(id)}/report`, { format, lang: choice.lang, disclosure: choice.disclosure })

/** Every publication of a round (national and regional), by scope and number. */
export function usePublications(roundId: string) {
  return useQuery({
    queryKey: reportKeys.publications(roundId),
    queryFn: ({ signal }) =>
      api<{ data: ReportPublication[] }>(roundPath(roundId, '/publications'), { signal }).then((r) => r.data),
  })
}

/** How many of a country's indicators have a validated assessment; null while unknown (loading, or not readable). */
export type ValidatedCount = { validated: number; total: number } | null

/**
 * Validated assessments per country, from the area scores (the same cache as the workspace's scores): a report
 * needs at least one, and publication needs all of them.
 */
export function useValidatedCounts(roundId: string, countries: readonly string[]): Map<string, ValidatedCount> {
  const results = useQueries({
    queries: countries.map((country) => ({
      queryKey: assessmentKeys.scores(roundId, country),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ data: AreaScores }>(roundPath(roundId, `/countries/${enc(country)}/scores`), { signal }).then(
          (r) => r.data,
        ),
    })),
  })
  return new Map(
    countries.map((country, i) => {
      const data = results[i]?.data
      const count = data
        ? data.areas.reduce((sum, a) => ({ validated: sum.validated + a.validated, total: sum.total + a.total }), {
            validated: 0,
            total: 0,
          })
        : null
      return [country, count]
    }),
  )
}

/** A scope's publications, newest first. */
export const publicationsOf = (list: readonly ReportPublication[] | undefined, scope: string): ReportPublication[] =>
  (list ?? []).filter((p) => p.scope === scope).sort((a, b) => b.number - a.number)

/** Publishes a scope's report as it stands (the next numbered version); a correction needs a change note. */
export const publishReport = (roundId: string, scope: string, changeNote: string | null) =>
  api<{ data: ReportPublication }>(publicationsPath(roundId, scope), { method: 'POST', body: { changeNote } }).then(
    (r) => r.data,
  )

/** One thing that stops a publication, as the server lists it in a 409 (`details.blockers`). */
export interface PublishBlocker {
  countryCode: string
  indicatorCode: string | null
  /** 'not_validated', 'follow_up_missing', or another problem the server may add later. */
  problem: string
}

/** The blockers of a refused publication, or none. */
export function publishBlockersOf(error: unknown): PublishBlocker[] {
  if (!(error instanceof ApiError) || error.status !== 409) return []
  const details = error.details
  if (typeof details !== 'object' || details === null || !('blockers' in details)) return []
  const list = (details as { blockers: unknown }).blockers
  if (!Array.isArray(list)) return []
  return list.flatMap((raw: unknown): PublishBlocker[] => {
    if (typeof raw !== 'object' || raw === null) return []
    const b = raw as Record<string, unknown>
    if (typeof b.countryCode !== 'string' || typeof b.problem !== 'string') return []
    return [
      {
        countryCode: b.countryCode,
        indicatorCode: typeof b.indicatorCode === 'string' ? b.indicatorCode : null,
        problem: b.problem,
      },
    ]
  })
}

/** Blockers of one country: indicators without a validated assessment, missing follow-ups, anything else. */
export interface BlockerGroup {
  countryCode: string
  notValidated: string[]
  followUps: number
  other: PublishBlocker[]
}

export function groupPublishBlockers(blockers: readonly PublishBlocker[]): BlockerGroup[] {
  const groups = new Map<string, BlockerGroup>()
  for (const b of blockers) {
    let g = groups.get(b.countryCode)
    if (!g) {
      g = { countryCode: b.countryCode, notValidated: [], followUps: 0, other: [] }
      groups.set(b.countryCode, g)
    }
    if (b.problem === 'not_validated' && b.indicatorCode) g.notValidated.push(b.indicatorCode)
    else if (b.problem === 'follow_up_missing') g.followUps += 1
    else g.other.push(b)
  }
  return [...groups.values()]
}

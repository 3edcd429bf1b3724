import type { Round } from '@thbm/shared'

/*
 * Dashboard filters live in the URL query, so a view can be bookmarked and shared. Unknown or malformed values are
 * ignored (an old link still opens) rather than sent to the API.
 */

const CODE = /^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An indicator code as the API accepts it (`IDN-4`), or null. */
export const indicatorCodeOf = (value: string | null): string | null =>
  value && CODE.test(value.trim()) ? value.trim() : null

/** The explorer's filters: the indicator and, optionally, the Handbook version its code belongs to. */
export interface ExplorerFilters {
  code: string | null
  version: string | null
}

export function readExplorerFilters(params: URLSearchParams): ExplorerFilters {
  const version = params.get('version')
  return { code: indicatorCodeOf(params.get('code')), version: version && ID.test(version) ? version : null }
}

/** A copy of the query with one parameter set, or removed when empty; other parameters are kept. */
export function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params)
  if (value) next.set(key, value)
  else next.delete(key)
  return next
}

/**
 * The explorer's query after choosing a version: the indicator is kept when the new version has it (codes are
 * stable across versions unless the indicator changed), and dropped otherwise.
 */
export function withVersion(
  params: URLSearchParams,
  version: string | null,
  codes: readonly string[],
): URLSearchParams {
  const next = withParam(params, 'version', version)
  const code = indicatorCodeOf(next.get('code'))
  return code && !codes.includes(code) ? withParam(next, 'code', null) : next
}

/** The country profile's statistics indicator (`?indicator=IDN-4`), or null for the default one. */
export const readProfileIndicator = (params: URLSearchParams): string | null => indicatorCodeOf(params.get('indicator'))

/** The round the overview opens on: the latest one past planning (by its period), or null. */
export function latestRound<R extends Pick<Round, 'status' | 'periodTo' | 'periodFrom'>>(
  rounds: readonly R[],
): R | null {
  return (
    rounds
      .filter((r) => r.status !== 'planning')
      .sort((a, b) => b.periodTo.localeCompare(a.periodTo) || b.periodFrom.localeCompare(a.periodFrom))[0] ?? null
  )
}

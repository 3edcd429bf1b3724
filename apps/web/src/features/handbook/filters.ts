import {
  INDICATOR_KINDS,
  type IndicatorDoc,
  type IndicatorKind,
  LEGAL_INSTRUMENTS,
  type LegalInstrument,
  type LocalizedText,
  TOPICS,
  type Topic,
} from '@thbm/shared'

/** The flags an indicator can carry, as filter values. */
export const FLAGS = ['core', 'framework', 'redFlag'] as const
export type Flag = (typeof FLAGS)[number]

/** The filters of a version page, read from and written to the URL query so a view can be shared. */
export interface IndicatorFilters {
  q: string
  kind: IndicatorKind | null
  topic: Topic | null
  flag: Flag | null
  instrument: LegalInstrument | null
}

export const FILTER_KEYS = ['q', 'kind', 'topic', 'flag', 'instrument'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

/** Reads the filters from a URL query; unknown values are ignored (an old link still opens). */
export function parseFilters(params: URLSearchParams): IndicatorFilters {
  return {
    q: (params.get('q') ?? '').trim(),
    kind: oneOf(INDICATOR_KINDS, params.get('kind')),
    topic: oneOf(TOPICS, params.get('topic')),
    flag: oneOf(FLAGS, params.get('flag')),
    instrument: oneOf(LEGAL_INSTRUMENTS, params.get('instrument')),
  }
}

/** The query with one filter set (or removed when empty); other parameters are kept. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params)
  const trimmed = value?.trim() ?? ''
  if (trimmed) next.set(key, trimmed)
  else next.delete(key)
  return next
}

/** The query without any filter. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of FILTER_KEYS) next.delete(key)
  return next
}

export const hasFilters = (f: IndicatorFilters): boolean => Boolean(f.q || f.kind || f.topic || f.flag || f.instrument)

const normalize = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '')

const textMatches = (text: LocalizedText, needle: string) =>
  Object.values(text).some((value) => typeof value === 'string' && normalize(value).includes(needle))

const hasFlag = (ind: IndicatorDoc, flag: Flag): boolean => {
  switch (flag) {
    case 'core':
      return ind.core
    case 'framework':
      return ind.frameworkIndicator
    case 'redFlag':
      return ind.redFlag
    default: {
      const never: never = flag
      return never
    }
  }
}

/**
 * Whether an indicator passes the filters. The search looks at the code, and at the title and definition in every
 * language (so a search in English finds an indicator while the UI is in Serbian, and the other way round).
 */
export function matchesFilters(ind: IndicatorDoc, f: IndicatorFilters): boolean {
  if (f.kind && ind.kind !== f.kind) return false
  if (f.topic && !ind.topics.includes(f.topic)) return false
  if (f.flag && !hasFlag(ind, f.flag)) return false
  if (f.instrument && !ind.legalReferences.some((r) => r.instrument === f.instrument)) return false
  if (!f.q) return true
  const needle = normalize(f.q)
  return normalize(ind.code).includes(needle) || textMatches(ind.title, needle) || textMatches(ind.definition, needle)
}

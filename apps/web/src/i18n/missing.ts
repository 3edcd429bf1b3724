import type { PostProcessorModule } from 'i18next'

/**
 * Texts the UI asked for and could not show as written: a key no catalog has (`missing`), a key the active locale
 * lacks so English stood in (`fallback`), or a message whose arguments were not all given or that does not parse
 * (`format`). Each is warned about once in the console; end-to-end tests set `window.__THBM_I18N_MISSING__` to an
 * array before the app starts and read every problem of the page from it (apps/web/e2e/locales.spec.ts).
 */
export interface TextProblem {
  kind: 'missing' | 'fallback' | 'format'
  locale: string
  /** `namespace:dotted.key` (only `dotted.key` for format problems). */
  key: string
  detail?: string
}

declare global {
  interface Window {
    __THBM_I18N_MISSING__?: TextProblem[]
  }
}

const warned = new Set<string>()

export function reportTextProblem(problem: TextProblem): void {
  if (typeof window === 'undefined') return
  const sink = window.__THBM_I18N_MISSING__
  if (Array.isArray(sink)) sink.push(problem)
  const id = `${problem.kind} ${problem.locale} ${problem.key}`
  if (warned.has(id)) return
  warned.add(id)
  console.warn(
    `i18n: ${problem.kind} text ${problem.key} (${problem.locale})${problem.detail ? `: ${problem.detail}` : ''}`,
  )
}

/**
 * What a key no catalog has shows instead of the raw key: its default value when the code gave one, otherwise its
 * last part in words (for an audit action `review.created`: "Created"). Reported either way (see missingKeyHandler).
 */
export function textForMissingKey(key: string, defaultValue?: string): string {
  if (defaultValue) return defaultValue
  const last = key.split(/[:.]/).pop() ?? key
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A post-processor that notices a message found only in the fallback language (English). */
export const fallbackWatcher: PostProcessorModule = {
  type: 'postProcessor',
  name: 'thbmFallbackWatcher',
  process(value, _key, options, translator) {
    const resolved = (
      options as { i18nResolved?: { res?: unknown; usedLng?: string; usedNS?: string; usedKey?: string } }
    ).i18nResolved
    const wanted = (options as { lng?: string }).lng ?? (translator as { language?: string }).language
    if (resolved?.res != null && wanted && resolved.usedLng && resolved.usedLng !== wanted)
      reportTextProblem({ kind: 'fallback', locale: wanted, key: `${resolved.usedNS}:${resolved.usedKey}` })
    return value
  },
}

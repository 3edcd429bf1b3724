import type { PublicReportView, PublicRound, ReportPublication } from '@thbm/shared'
import { CONTENT_LOCALES, DEFAULT_LOCALE, type Locale } from '@thbm/shared/locales'
import { cyrillicToLatin } from '@thbm/shared/translit'
import { localeFromTag } from '../../i18n/i18n.ts'

/** A published text shown in a locale, with the language it is really in (a fallback keeps its own `lang`). */
export interface ShownText {
  text: string
  lang: string
}

/**
 * Picks a published text (area title, country name) in a UI locale: the locale's own text, Serbian Latin from
 * Serbian Cyrillic, then English, then any language; the same order the server's documents use.
 */
export function localized(text: Partial<Record<string, string>> | null | undefined, locale: string): ShownText {
  const own = text?.[locale]?.trim()
  if (own) return { text: own, lang: locale }
  const cyrillic = text?.['sr-Cyrl']?.trim()
  if (locale === 'sr-Latn' && cyrillic) return { text: cyrillicToLatin(cyrillic), lang: locale }
  for (const other of ['en', ...CONTENT_LOCALES]) {
    const found = text?.[other]?.trim()
    if (found) return { text: found, lang: other }
  }
  return { text: '', lang: locale }
}

/**
 * Text people wrote (a publication's change note) as the reader's script asks: on the Serbian Latin pages, Serbian
 * Cyrillic is shown in Latin script, as the portal does with every other text; otherwise as written.
 */
export function userText(text: string, locale: string): string {
  return locale === 'sr-Latn' ? cyrillicToLatin(text) : text
}

/** A country's name: from the publication when it has one, else the browser's name of the region code. */
export function countryLabel(code: string, names: Partial<Record<string, string>> | undefined, locale: string): string {
  const named = localized(names, locale).text
  if (named) return named
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** The UI locale a `:lang` URL segment asks for; an unknown one falls back to the default locale. */
export function portalLocale(segment: string | undefined): Locale {
  return (segment && localeFromTag(segment)) || DEFAULT_LOCALE
}

/** The portal path of a page in a locale: `/public/<lang>` followed by the page's own path. */
export function portalPath(lang: string, rest = ''): string {
  return `/public/${lang}${rest}`
}

/** The same portal page in another locale: the `:lang` segment replaced, the rest of the address kept. */
export function switchLocalePath(pathname: string, lang: string): string {
  const rest = pathname.replace(/^\/public\/?[^/]*/, '')
  return portalPath(lang, rest)
}

/** One scope's publications (a country code or 'region'), newest version first. */
export interface ScopeVersions {
  scope: string
  latest: ReportPublication
  earlier: ReportPublication[]
}

/** A round's publications grouped by scope: the region first, then countries by code (pages order them by name). */
export function versionsByScope(round: PublicRound): ScopeVersions[] {
  const groups = new Map<string, ReportPublication[]>()
  for (const p of round.publications) groups.set(p.scope, [...(groups.get(p.scope) ?? []), p])
  const out = [...groups.entries()].map(([scope, pubs]) => {
    const [latest, ...earlier] = [...pubs].sort((a, b) => b.number - a.number)
    return { scope, latest: latest as ReportPublication, earlier }
  })
  return out.sort((a, b) => (a.scope === 'region' ? -1 : b.scope === 'region' ? 1 : a.scope.localeCompare(b.scope)))
}

type Cell = PublicReportView['statistics']['cells'][number]

/** The headline victims indicator: the first (Handbook order) broken down by victim status; null when none is. */
export function victimsIndicator(view: PublicReportView): PublicReportView['statistics']['indicators'][number] | null {
  const split = (code: string) =>
    view.statistics.cells.some((c) => c.indicatorCode === code && c.key.startsWith('victim_status='))
  return view.statistics.indicators.find((i) => split(i.code)) ?? null
}

/** Finds a statistics cell of a publication by country, round, indicator and key. */
export function cellFinder(
  view: PublicReportView,
): (country: string, round: string, code: string, key: string) => Cell | null {
  const index = new Map(
    view.statistics.cells.map((c) => [`${c.countryCode}|${c.roundId}|${c.indicatorCode}|${c.key}`, c]),
  )
  return (country, round, code, key) => index.get(`${country}|${round}|${code}|${key}`) ?? null
}

/** Area codes in the order of the latest view, then any earlier area no longer in it. */
export function areaCodes(
  views: PublicReportView[],
): { code: string; title: PublicReportView['areas'][number]['title'] }[] {
  const seen = new Map<string, PublicReportView['areas'][number]['title']>()
  for (const view of [...views].reverse()) for (const a of view.areas) if (!seen.has(a.code)) seen.set(a.code, a.title)
  return [...seen.entries()].map(([code, title]) => ({ code, title }))
}

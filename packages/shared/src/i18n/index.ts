import { DEFAULT_LOCALE, LOCALES, type Locale } from '../locales.ts'
import { cyrillicToLatin } from '../translit.ts'
import enAccount from './locales/en/account.json' with { type: 'json' }
import enAssessments from './locales/en/assessments.json' with { type: 'json' }
import enAudit from './locales/en/audit.json' with { type: 'json' }
import enAuth from './locales/en/auth.json' with { type: 'json' }
import enCommon from './locales/en/common.json' with { type: 'json' }
import enCountries from './locales/en/countries.json' with { type: 'json' }
import enDashboards from './locales/en/dashboards.json' with { type: 'json' }
import enDiscussion from './locales/en/discussion.json' with { type: 'json' }
import enDocuments from './locales/en/documents.json' with { type: 'json' }
import enEnums from './locales/en/enums.json' with { type: 'json' }
import enHandbook from './locales/en/handbook.json' with { type: 'json' }
import enHome from './locales/en/home.json' with { type: 'json' }
import enNotifications from './locales/en/notifications.json' with { type: 'json' }
import enPeople from './locales/en/people.json' with { type: 'json' }
import enPortal from './locales/en/portal.json' with { type: 'json' }
import enRecommendations from './locales/en/recommendations.json' with { type: 'json' }
import enReports from './locales/en/reports.json' with { type: 'json' }
import enReview from './locales/en/review.json' with { type: 'json' }
import enRounds from './locales/en/rounds.json' with { type: 'json' }
import srAccount from './locales/sr-Cyrl/account.json' with { type: 'json' }
import srAssessments from './locales/sr-Cyrl/assessments.json' with { type: 'json' }
import srAudit from './locales/sr-Cyrl/audit.json' with { type: 'json' }
import srAuth from './locales/sr-Cyrl/auth.json' with { type: 'json' }
import srCommon from './locales/sr-Cyrl/common.json' with { type: 'json' }
import srCountries from './locales/sr-Cyrl/countries.json' with { type: 'json' }
import srDashboards from './locales/sr-Cyrl/dashboards.json' with { type: 'json' }
import srDiscussion from './locales/sr-Cyrl/discussion.json' with { type: 'json' }
import srDocuments from './locales/sr-Cyrl/documents.json' with { type: 'json' }
import srEnums from './locales/sr-Cyrl/enums.json' with { type: 'json' }
import srHandbook from './locales/sr-Cyrl/handbook.json' with { type: 'json' }
import srHome from './locales/sr-Cyrl/home.json' with { type: 'json' }
import srNotifications from './locales/sr-Cyrl/notifications.json' with { type: 'json' }
import srPeople from './locales/sr-Cyrl/people.json' with { type: 'json' }
import srPortal from './locales/sr-Cyrl/portal.json' with { type: 'json' }
import srRecommendations from './locales/sr-Cyrl/recommendations.json' with { type: 'json' }
import srReports from './locales/sr-Cyrl/reports.json' with { type: 'json' }
import srReview from './locales/sr-Cyrl/review.json' with { type: 'json' }
import srRounds from './locales/sr-Cyrl/rounds.json' with { type: 'json' }

/** A catalog: nested objects whose leaves are ICU messages. */
export interface Catalog {
  [key: string]: string | Catalog
}

/** The namespaces, one per domain; keys are written `namespace:dotted.key`. */
export const NAMESPACES = [
  'common',
  'auth',
  'home',
  'account',
  'countries',
  'people',
  'audit',
  'handbook',
  'rounds',
  'assessments',
  'recommendations',
  'discussion',
  'notifications',
  'documents',
  'reports',
  'portal',
  'dashboards',
  'review',
  'enums',
] as const
export type Namespace = (typeof NAMESPACES)[number]
export type LocaleResources = Record<Namespace, Catalog>

/** The catalogs written by hand: English (the source) and Serbian Cyrillic. */
export const SOURCE_RESOURCES = {
  en: {
    common: enCommon,
    auth: enAuth,
    home: enHome,
    account: enAccount,
    countries: enCountries,
    people: enPeople,
    audit: enAudit,
    handbook: enHandbook,
    rounds: enRounds,
    assessments: enAssessments,
    recommendations: enRecommendations,
    discussion: enDiscussion,
    notifications: enNotifications,
    documents: enDocuments,
    reports: enReports,
    portal: enPortal,
    dashboards: enDashboards,
    review: enReview,
    enums: enEnums,
  },
  'sr-Cyrl': {
    common: srCommon,
    auth: srAuth,
    home: srHome,
    account: srAccount,
    countries: srCountries,
    people: srPeople,
    audit: srAudit,
    handbook: srHandbook,
    rounds: srRounds,
    assessments: srAssessments,
    recommendations: srRecommendations,
    discussion: srDiscussion,
    notifications: srNotifications,
    documents: srDocuments,
    reports: srReports,
    portal: srPortal,
    dashboards: srDashboards,
    review: srReview,
    enums: srEnums,
  },
} satisfies Record<'en' | 'sr-Cyrl', LocaleResources>

/** Applies a function to every message of a catalog, keeping its shape. */
export function mapCatalog(catalog: Catalog, fn: (message: string) => string): Catalog {
  const out: Catalog = {}
  for (const [key, value] of Object.entries(catalog))
    out[key] = typeof value === 'string' ? fn(value) : mapCatalog(value, fn)
  return out
}

/**
 * Serbian Latin, generated from Serbian Cyrillic letter by letter. ICU syntax (argument names, `plural`, `#`,
 * braces) is Latin or punctuation, so only the Cyrillic text changes.
 */
export function latinFromCyrillic(resources: LocaleResources): LocaleResources {
  const out = {} as LocaleResources
  for (const ns of NAMESPACES) out[ns] = mapCatalog(resources[ns], cyrillicToLatin)
  return out
}

/** Every UI locale's catalogs, ready for i18next. */
export const resources: Record<Locale, LocaleResources> = {
  en: SOURCE_RESOURCES.en,
  'sr-Cyrl': SOURCE_RESOURCES['sr-Cyrl'],
  'sr-Latn': latinFromCyrillic(SOURCE_RESOURCES['sr-Cyrl']),
}

/** Flattens a catalog into `dotted.key → message`. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out[path] = value
    else Object.assign(out, flattenCatalog(value, path))
  }
  return out
}

export { DEFAULT_LOCALE, LOCALES, type Locale }

import { cyrillicToLatin } from '../translit.ts'

/**
 * The shape of the UI catalogs, without the catalogs themselves: the web app imports this and loads each locale's
 * messages on demand, while the server imports every catalog (index.ts).
 */
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

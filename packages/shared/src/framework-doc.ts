import type { Issue } from './errors.ts'
import {
  FRAMEWORK_SCHEMA,
  FRAMEWORK_SCHEMA_VERSION,
  type FrameworkDoc,
  FrameworkDocSchema,
  type IndicatorDoc,
  type LocalizedText,
} from './framework.ts'
import { CONTENT_LOCALES } from './locales.ts'
import { cyrillicToLatin } from './translit.ts'

/** Serbian Latin follows Serbian Cyrillic wherever Cyrillic text exists; the reverse is never automatic. */
export function normalizeText(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {}
  for (const locale of CONTENT_LOCALES) {
    const value = locale === 'sr-Latn' && text['sr-Cyrl'] ? cyrillicToLatin(text['sr-Cyrl']) : text[locale]
    if (value !== undefined && value.trim() !== '') out[locale] = value
  }
  return out
}

/** Applies normalizeText to every localized text of a value (recursively; objects with locale keys only). */
export function normalizeTexts<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => normalizeTexts(v)) as T
  if (value === null || typeof value !== 'object') return value
  if (isLocalizedText(value)) return normalizeText(value) as T
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeTexts(v)])) as T
}

/** True for a non-empty object whose keys are all content locales with string values. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const entries = Object.entries(value)
  return (
    entries.length > 0 &&
    entries.every(([k, v]) => (CONTENT_LOCALES as readonly string[]).includes(k) && typeof v === 'string')
  )
}

export { pickText } from './pick-text.ts'

/**
 * Checks what the schema cannot: unique codes, areas that exist, base-locale texts present, lineage consistent with
 * the previous version's codes. Returns every problem with its JSON path.
 */
export function checkFrameworkDoc(doc: FrameworkDoc, previousCodes: ReadonlySet<string> | null): Issue[] {
  const issues: Issue[] = []
  const base = doc.framework.baseLocale
  const needText = (text: LocalizedText | undefined, path: string) => {
    if (!text?.[base]?.trim()) issues.push({ path, message: `Text in the base language (${base}) is required` })
  }
  needText(doc.framework.name, 'framework.name')
  const areaCodes = new Set<string>()
  doc.areas.forEach((area, i) => {
    if (areaCodes.has(area.code)) issues.push({ path: `areas[${i}].code`, message: `Duplicate area code ${area.code}` })
    areaCodes.add(area.code)
    needText(area.title, `areas[${i}].title`)
  })
  const codes = new Set<string>()
  const usedAsSource = new Map<string, string>()
  doc.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`
    if (codes.has(ind.code)) issues.push({ path: `${at}.code`, message: `Duplicate indicator code ${ind.code}` })
    codes.add(ind.code)
    if (!areaCodes.has(ind.area)) issues.push({ path: `${at}.area`, message: `Unknown area code ${ind.area}` })
    needText(ind.title, `${at}.title`)
    needText(ind.definition, `${at}.definition`)
    checkMeasurement(ind, at, needText)
    if (ind.redFlag && ind.measurement.type !== 'rubric' && ind.measurement.type !== 'yes_partial_no') {
      issues.push({
        path: `${at}.redFlag`,
        message: 'A red-flag indicator needs a rubric or yes/partial/no scale (its worst level caps the area)',
      })
    }
    issues.push(...checkLineage(ind, at, previousCodes))
    for (const from of ind.lineage.from) {
      const other = usedAsSource.get(from)
      const splitting = ind.lineage.type === 'split'
      if (other && !(splitting && other === 'split')) {
        issues.push({
          path: `${at}.lineage.from`,
          message: `${from} is continued by more than one indicator; use "split" on each part`,
        })
      }
      usedAsSource.set(from, ind.lineage.type)
    }
    const dims = new Set<string>()
    ind.customDimensions.forEach((d, j) => {
      if (dims.has(d.code))
        issues.push({ path: `${at}.customDimensions[${j}].code`, message: `Duplicate dimension ${d.code}` })
      dims.add(d.code)
      const cats = new Set<string>()
      d.categories.forEach((c, k) => {
        if (cats.has(c.code))
          issues.push({
            path: `${at}.customDimensions[${j}].categories[${k}].code`,
            message: `Duplicate category ${c.code}`,
          })
        cats.add(c.code)
      })
    })
  })
  return issues
}

function checkMeasurement(
  ind: IndicatorDoc,
  at: string,
  needText: (t: LocalizedText | undefined, p: string) => void,
): void {
  const m = ind.measurement
  if (m.type === 'rubric') {
    for (const [i, level] of m.levels.entries()) needText(level, `${at}.measurement.levels[${i}]`)
  }
  if (m.type === 'yes_partial_no') {
    needText(m.descriptors.yes, `${at}.measurement.descriptors.yes`)
    needText(m.descriptors.partial, `${at}.measurement.descriptors.partial`)
    needText(m.descriptors.no, `${at}.measurement.descriptors.no`)
  }
}

function checkLineage(ind: IndicatorDoc, at: string, previous: ReadonlySet<string> | null): Issue[] {
  const { type, from } = ind.lineage
  const path = `${at}.lineage`
  if (previous === null) {
    return type === 'new' && from.length === 0
      ? []
      : [{ path, message: 'A first version has only new indicators (no lineage)' }]
  }
  const issues: Issue[] = []
  for (const code of from) {
    if (!previous.has(code))
      issues.push({ path: `${path}.from`, message: `${code} does not exist in the previous version` })
  }
  const expect = (ok: boolean, message: string) => {
    if (!ok) issues.push({ path, message })
  }
  switch (type) {
    case 'new':
      expect(from.length === 0, 'A new indicator continues no earlier code')
      break
    case 'unchanged':
    case 'reworded':
      expect(from.length === 1 && from[0] === ind.code, `"${type}" keeps the same code: from must be [${ind.code}]`)
      break
    case 'renamed':
      expect(from.length === 1 && from[0] !== ind.code, '"renamed" continues exactly one earlier code, with a new code')
      break
    case 'merged':
      expect(from.length >= 2, '"merged" continues two or more earlier codes')
      break
    case 'split':
      expect(from.length === 1, '"split" continues exactly one earlier code')
      break
    default: {
      const never: never = type
      throw new Error(`Unknown lineage ${String(never)}`)
    }
  }
  return issues
}

/** Reads and checks a JSON framework document; every problem comes back with its JSON path. */
export function parseFrameworkJson(input: unknown): { doc: FrameworkDoc; issues: [] } | { doc: null; issues: Issue[] } {
  if (
    typeof input === 'object' &&
    input !== null &&
    'schema' in input &&
    (input as { schema: unknown }).schema === FRAMEWORK_SCHEMA
  ) {
    const v = (input as { schemaVersion?: unknown }).schemaVersion
    if (v !== FRAMEWORK_SCHEMA_VERSION) {
      return {
        doc: null,
        issues: [
          {
            path: 'schemaVersion',
            message: `Schema version ${String(v)} is not supported; this version reads ${FRAMEWORK_SCHEMA_VERSION}`,
          },
        ],
      }
    }
  }
  const parsed = FrameworkDocSchema.safeParse(input)
  if (!parsed.success) {
    return {
      doc: null,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message, code: i.code })),
    }
  }
  return { doc: normalizeTexts(parsed.data), issues: [] }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  )
}

import type { FrameworkDoc, IndicatorDoc, LocalizedText, TranslationField } from '@thbm/shared'
import { SCALE_KEYS, textAddress, YES_PARTIAL_NO } from '../xlsx/layout.ts'

/** The item a text belongs to: `framework` (name and version notes), `area:<code>` or `indicator:<code>`. */
export const itemKey = {
  framework: 'framework',
  area: (code: string) => `area:${code}`,
  indicator: (code: string) => `indicator:${code}`,
}

/** One text of a framework document, found by its address (the Translations sheet's, e.g. `indicator:X-1:level:2`). */
export interface TextEntry {
  address: string
  itemKey: string
  field: TranslationField
  /** The level key, dimension code, or `<dimension>:<category>`; '' for plain fields. */
  key: string
  /** The text object inside the document itself: changing it changes the document. */
  text: LocalizedText
}

/**
 * Every text of a document by address, in document order: framework name, version notes, each area's title and
 * description, then each indicator's title, definition, guidance, unit, scale texts and custom dimension labels.
 * Texts that do not exist (an optional unit) have no entry. The workbook writer and the translation editor both
 * use this walk, so one address always names one text.
 */
export function indexTexts(doc: FrameworkDoc): Map<string, TextEntry> {
  const index = new Map<string, TextEntry>()
  const add = (
    address: string,
    item: string,
    field: TranslationField,
    key: string,
    text: LocalizedText | undefined,
  ): void => {
    if (text !== undefined) index.set(address, { address, itemKey: item, field, key, text })
  }
  add(textAddress.frameworkName, itemKey.framework, 'name', '', doc.framework.name)
  add(textAddress.versionNotes, itemKey.framework, 'notes', '', doc.version.notes)
  for (const area of doc.areas) {
    const item = itemKey.area(area.code)
    add(textAddress.area(area.code, 'title'), item, 'title', '', area.title)
    add(textAddress.area(area.code, 'description'), item, 'description', '', area.description)
  }
  for (const indicator of doc.indicators) indexIndicator(indicator, add)
  return index
}

type Add = (
  address: string,
  item: string,
  field: TranslationField,
  key: string,
  text: LocalizedText | undefined,
) => void

function indexIndicator(ind: IndicatorDoc, add: Add): void {
  const item = itemKey.indicator(ind.code)
  for (const field of ['title', 'definition', 'guidance'] as const)
    add(textAddress.indicator(ind.code, field), item, field, '', ind[field])
  add(textAddress.indicator(ind.code, 'unit'), item, 'unit', '', ind.unit)
  const level = (key: string, text: LocalizedText | undefined) =>
    add(textAddress.level(ind.code, key), item, 'level', key, text)
  const m = ind.measurement
  switch (m.type) {
    case 'rubric':
      m.levels.forEach((text, i) => {
        level(String(i), text)
      })
      break
    case 'yes_partial_no':
      for (const key of YES_PARTIAL_NO) level(key, m.descriptors[key])
      break
    case 'count':
      level(SCALE_KEYS.unit, m.unit)
      break
    case 'percentage':
      level(SCALE_KEYS.numerator, m.numeratorLabel)
      level(SCALE_KEYS.denominator, m.denominatorLabel)
      break
    case 'amount':
    case 'text':
      break
    default: {
      const never: never = m
      throw new Error(`Unknown measurement ${JSON.stringify(never)}`)
    }
  }
  for (const dim of ind.customDimensions) {
    add(textAddress.dimension(ind.code, dim.code), item, 'dimension', dim.code, dim.label)
    for (const cat of dim.categories)
      add(textAddress.category(ind.code, dim.code, cat.code), item, 'category', `${dim.code}:${cat.code}`, cat.label)
  }
}

/** Replaces a text's values in place (the object stays the one inside the document). */
export function replaceText(target: LocalizedText, values: LocalizedText): void {
  for (const key of Object.keys(target)) delete target[key as keyof LocalizedText]
  Object.assign(target, values)
}

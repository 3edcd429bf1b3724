import type {
  Adaptation,
  AdaptationItem,
  CreateIndicatorBody,
  IndicatorDoc,
  LocalizedText,
  UpdateAdaptationBody,
} from '@thbm/shared'
import { toIndicatorBody } from './indicator-form.ts'

/** The adaptation being edited: national notes, one item per indicator of the version, and extra indicators. */
export interface AdaptationDraft {
  notes: LocalizedText
  items: Record<string, AdaptationItem>
  extras: CreateIndicatorBody[]
}

export const defaultItem = (code: string): AdaptationItem => ({
  code,
  excluded: false,
  nationalNote: {},
  nationalLegalReferences: [],
  nationalSources: [],
})

const hasText = (text: LocalizedText) => Object.values(text).some((v) => Boolean(v?.trim()))

/** True when an item says nothing beyond "included, no national details" (it need not be stored). */
export function isDefaultItem(item: AdaptationItem): boolean {
  return (
    !item.excluded &&
    !hasText(item.nationalNote) &&
    item.nationalLegalReferences.length === 0 &&
    item.nationalSources.length === 0
  )
}

/** The editable state from the saved adaptation: every indicator gets an item (saved or default). */
export function toDraft(adaptation: Adaptation, indicators: Pick<IndicatorDoc, 'code'>[]): AdaptationDraft {
  const saved = new Map(adaptation.items.map((i) => [i.code, i]))
  return {
    notes: adaptation.notes,
    items: Object.fromEntries(indicators.map((ind) => [ind.code, saved.get(ind.code) ?? defaultItem(ind.code)])),
    extras: adaptation.extraIndicators.map((e) => toIndicatorBody(e)),
  }
}

/**
 * The PUT body: only items that say something, in the version's indicator order (so server problems at
 * `items[i]` can be traced back to an indicator with `sentCodes`).
 */
export function toUpdateBody(
  draft: AdaptationDraft,
  version: number,
  indicators: Pick<IndicatorDoc, 'code'>[],
): { body: UpdateAdaptationBody; sentCodes: string[] } {
  const items = indicators.flatMap((ind) => {
    const item = draft.items[ind.code]
    return item && !isDefaultItem(item) ? [item] : []
  })
  return {
    body: { version, notes: draft.notes, items, extraIndicators: draft.extras },
    sentCodes: items.map((i) => i.code),
  }
}

/**
 * Server problems keyed for the page: `body.items[2].excluded` becomes `items.IDN-4.excluded` (by the codes sent),
 * `body.extraIndicators[0].code` stays `extraIndicators[0].code`, `body.notes` becomes `notes`.
 */
export function mapAdaptationPath(path: string, sentCodes: string[]): string {
  const rest = path.replace(/^body\.?/, '')
  const item = /^items\[(\d+)\](.*)$/.exec(rest)
  if (item) {
    const code = sentCodes[Number(item[1])]
    return code ? `items.${code}${item[2] ?? ''}` : rest
  }
  return rest
}

/** How many of the version's indicators the country keeps. */
export const includedCount = (draft: AdaptationDraft): number =>
  Object.values(draft.items).filter((i) => !i.excluded).length

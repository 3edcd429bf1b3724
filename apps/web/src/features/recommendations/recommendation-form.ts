import type { Recommendation, RecommendationInput, RecommendationPriority, RecommendationSource } from '@thbm/shared'

/** A recommendation as the form edits it. */
export interface RecommendationDraft {
  text: string
  priority: RecommendationPriority | null
  source: RecommendationSource
  institutions: string[]
  areaCodes: string[]
  indicatorCodes: string[]
}

export type RecommendationField = keyof RecommendationDraft

export const emptyRecommendationDraft = (): RecommendationDraft => ({
  text: '',
  priority: null,
  source: 'monitoring',
  institutions: [],
  areaCodes: [],
  indicatorCodes: [],
})

export const draftFromRecommendation = (rec: Recommendation): RecommendationDraft => ({
  text: rec.text,
  priority: rec.priority,
  source: rec.source,
  institutions: [...rec.institutions],
  areaCodes: [...rec.areaCodes],
  indicatorCodes: [...rec.indicatorCodes],
})

const AREA = /^[A-Z][A-Z0-9]{1,9}$/
const INDICATOR = /^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/

/** A typed code tidied up: trimmed and upper-case (`idn-3` → `IDN-3`), the letter suffix kept lower-case. */
export const tidyCode = (code: string): string => {
  const m = /^([A-Za-z][A-Za-z0-9]*)(-[0-9]+)([A-Za-z]?)$/.exec(code.trim())
  return m ? `${m[1]?.toUpperCase()}${m[2]}${m[3]?.toLowerCase()}` : code.trim().toUpperCase()
}

/** The body to send, or the fields that are not right yet (as error keys). */
export function checkRecommendation(
  draft: RecommendationDraft,
):
  | { ok: true; input: RecommendationInput }
  | { ok: false; errors: Partial<Record<RecommendationField, 'required' | 'code'>> } {
  const errors: Partial<Record<RecommendationField, 'required' | 'code'>> = {}
  if (!draft.text.trim()) errors.text = 'required'
  if (!draft.priority) errors.priority = 'required'
  const institutions = draft.institutions.map((i) => i.trim()).filter(Boolean)
  const areaCodes = draft.areaCodes.map(tidyCode)
  const indicatorCodes = draft.indicatorCodes.map(tidyCode)
  if (areaCodes.some((c) => !AREA.test(c))) errors.areaCodes = 'code'
  if (indicatorCodes.some((c) => !INDICATOR.test(c))) errors.indicatorCodes = 'code'
  if (Object.keys(errors).length > 0 || !draft.priority) return { ok: false, errors }
  return {
    ok: true,
    input: {
      text: draft.text.trim(),
      priority: draft.priority,
      source: draft.source,
      institutions,
      areaCodes: [...new Set(areaCodes)],
      indicatorCodes: [...new Set(indicatorCodes)],
    },
  }
}

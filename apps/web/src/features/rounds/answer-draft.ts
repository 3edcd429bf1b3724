import type { Answer, EvidenceInput, SaveAnswerBody } from '@thbm/shared'

/** Evidence as edited: the saved fields plus, for a file, what to show about it. */
export interface EvidenceDraft extends EvidenceInput {
  /** Stable React key (the evidence id once saved). */
  key: string
  file: { id: string; name: string; size: number; mediaType: string } | null
}

/** An answer as the form edits it: empty text is '', cells are keyed by their canonical cell key. */
export interface AnswerDraft {
  noData: boolean
  noDataReason: string
  choice: string | null
  number: number | null
  numerator: number | null
  denominator: number | null
  text: string
  cells: Record<string, number>
  narrative: string
  partsExplanation: string
  changeComment: string
  evidence: EvidenceDraft[]
}

export const emptyDraft = (): AnswerDraft => ({
  noData: false,
  noDataReason: '',
  choice: null,
  number: null,
  numerator: null,
  denominator: null,
  text: '',
  cells: {},
  narrative: '',
  partsExplanation: '',
  changeComment: '',
  evidence: [],
})

/** The form state of a saved answer. */
export function draftFromAnswer(answer: Answer): AnswerDraft {
  return {
    noData: answer.noData,
    noDataReason: answer.noDataReason ?? '',
    choice: answer.value.choice,
    number: answer.value.number,
    numerator: answer.value.numerator,
    denominator: answer.value.denominator,
    text: answer.value.text ?? '',
    cells: Object.fromEntries(answer.cells.map((c) => [c.key, c.value])),
    narrative: answer.narrative ?? '',
    partsExplanation: answer.partsExplanation ?? '',
    changeComment: answer.changeComment ?? '',
    evidence: answer.evidence.map(({ id, file, ...e }) => ({ ...e, key: id, file })),
  }
}

const textOrNull = (v: string) => (v.trim() ? v : null)

/** The save request for a draft: empty texts become null, cells are sorted by key so equal drafts give equal bodies. */
export function toSaveBody(draft: AnswerDraft, version: number): SaveAnswerBody {
  return {
    version,
    noData: draft.noData,
    noDataReason: textOrNull(draft.noDataReason),
    value: {
      choice: draft.choice,
      number: draft.number,
      numerator: draft.numerator,
      denominator: draft.denominator,
      text: textOrNull(draft.text),
    },
    cells: Object.entries(draft.cells)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    narrative: textOrNull(draft.narrative),
    partsExplanation: textOrNull(draft.partsExplanation),
    changeComment: textOrNull(draft.changeComment),
    evidence: draft.evidence.map(({ key: _key, file: _file, ...e }) => e),
  }
}

/** Whether two drafts would save the same answer. */
export const sameAnswer = (a: AnswerDraft, b: AnswerDraft): boolean =>
  JSON.stringify(toSaveBody(a, 0)) === JSON.stringify(toSaveBody(b, 0))

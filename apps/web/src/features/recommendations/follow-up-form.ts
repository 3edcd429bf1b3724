import type { EvidenceInput, FollowUp, FollowUpBody, FollowUpStatus, Recommendation } from '@thbm/shared'

/** An evidence link as edited: a title and an address. Other kinds of evidence are kept as they are. */
export interface LinkDraft {
  key: string
  title: string
  url: string
}

/** A follow-up as the form edits it. */
export interface FollowUpDraft {
  status: FollowUpStatus | null
  comment: string
  response: string
  links: LinkDraft[]
  /** Saved evidence that is not a link (citations, files): sent back unchanged. */
  other: EvidenceInput[]
}

export type FollowUpField = 'status' | 'comment' | 'response' | 'evidence'

/** The follow-up a round recorded for the recommendation, if any. */
export const followUpIn = (rec: Recommendation, roundId: string): FollowUp | null =>
  rec.followUps.find((f) => f.round.id === roundId) ?? null

/** The latest follow-up recorded in a round before the given one (by reference period), if any. */
export const previousFollowUp = (rec: Recommendation, roundId: string, periodTo: string): FollowUp | null =>
  rec.followUps.filter((f) => f.round.id !== roundId && f.round.periodTo < periodTo).at(-1) ?? null

let next = 0
export const newLinkKey = (): string => `link-${++next}`

export function draftFromFollowUp(followUp: FollowUp | null): FollowUpDraft {
  const evidence = followUp?.evidence ?? []
  return {
    status: followUp?.status ?? null,
    comment: followUp?.comment ?? '',
    response: followUp?.response ?? '',
    links: evidence
      .filter((e) => e.kind === 'link')
      .map((e) => ({ key: newLinkKey(), title: e.title, url: e.url ?? '' })),
    other: evidence.filter((e) => e.kind !== 'link'),
  }
}

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** The body to send, or what is not right yet: no status, or a link whose address is not a web address. */
export function checkFollowUp(
  draft: FollowUpDraft,
  version: number,
): { ok: true; body: FollowUpBody } | { ok: false; errors: { status?: 'required'; links: Record<string, 'url'> } } {
  const links: Record<string, 'url'> = {}
  const filled = draft.links.filter((l) => l.url.trim() || l.title.trim())
  for (const l of filled) if (!isHttpUrl(l.url.trim())) links[l.key] = 'url'
  if (!draft.status || Object.keys(links).length > 0)
    return { ok: false, errors: { ...(draft.status ? {} : { status: 'required' }), links } }
  return {
    ok: true,
    body: {
      version,
      status: draft.status,
      comment: draft.comment.trim() || null,
      response: draft.response.trim() || null,
      evidence: [
        ...filled.map((l) => ({
          kind: 'link' as const,
          title: (l.title.trim() || l.url.trim()).slice(0, 300),
          url: l.url.trim(),
          citation: null,
          fileId: null,
          internal: false,
        })),
        ...draft.other,
      ],
    },
  }
}

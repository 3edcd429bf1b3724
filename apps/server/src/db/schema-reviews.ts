/** Part of the database type (schema.ts): see there for the column conventions. */
export interface ReviewTables {
  reviews: {
    id: string
    frameworkVersionId: string
    title: string
    description: string
    /** 'draft' | 'open' | 'closed'. */
    status: string
    /** 0 before round 1 opens. */
    currentRound: number
    roundOpen: number
    /** JSON array of criterion codes. */
    criteria: string
    consensusIqr: number
    /** JSON array: the planned closing date of each round (or null). */
    schedule: string
    /** JSON array of { number, openedAt, closedAt }. */
    rounds: string
    generatedVersionId: string | null
    createdBy: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  reviewParticipants: {
    id: string
    reviewId: string
    userId: string
    countryCode: string
    role: string
    /** 1: the participant agreed that coordinators see their name next to their ratings. */
    named: number
    /** "Participant N": numbered in a random order when round 1 opens. */
    pseudonym: number | null
    createdAt: string
  }
  reviewResponses: {
    id: string
    reviewId: string
    participantId: string
    round: number
    indicatorCode: string
    /** JSON object: criterion → 1-5. */
    ratings: string
    proposal: string | null
    mergeInto: string | null
    moveTo: string | null
    comment: string | null
    updatedAt: string
    version: number
  }
  reviewDecisions: {
    reviewId: string
    indicatorCode: string
    decision: string
    mergeInto: string | null
    /** JSON LocalizedText, for reword. */
    newTitle: string | null
    moveTo: string | null
    rationale: string
    decidedBy: string | null
    decidedAt: string
    version: number
  }
}

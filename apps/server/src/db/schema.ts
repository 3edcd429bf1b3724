import type { Generated } from 'kysely'
import type { OutputTables } from './schema-output.ts'
import type { ReviewTables } from './schema-reviews.ts'

/**
 * The database as TypeScript sees it (camelCase; columns are snake_case through CamelCasePlugin).
 * Portable column types on both engines: text ids (UUIDv7), ISO 8601 text timestamps, 0/1 integers for booleans,
 * JSON as text. Changes here go in the same commit as the migration that makes them. Publications, documents and
 * jobs are in schema-output.ts, the indicator review in schema-reviews.ts.
 */
export interface DB extends OutputTables, ReviewTables {
  appMeta: { key: string; value: string }
  /** One row (id 1): bumped by every write transaction; read caches are keyed by it (see db/generation.ts). */
  dataGeneration: { id: number; epoch: string; n: number; setupN: number }
  countries: { code: string; names: string; sortOrder: number; version: number; createdAt: string; updatedAt: string }
  organisations: {
    id: string
    name: string
    type: string
    countryCode: string
    active: number
    version: number
    createdAt: string
    updatedAt: string
  }
  users: {
    id: string
    email: string
    name: string
    passwordHash: string | null
    locale: string | null
    active: number
    isDemo: number
    version: number
    createdAt: string
    updatedAt: string
    lastLoginAt: string | null
  }
  memberships: {
    id: string
    userId: string
    role: string
    countryCode: string | null
    organisationId: string | null
    createdAt: string
  }
  sessions: {
    id: string
    userId: string
    createdAt: string
    lastSeenAt: string
    expiresAt: string
    userAgent: string | null
    ip: string | null
  }
  oneTimeTokens: {
    id: string
    kind: string
    email: string
    userId: string | null
    name: string | null
    role: string | null
    countryCode: string | null
    organisationId: string | null
    createdBy: string | null
    createdAt: string
    expiresAt: string
    usedAt: string | null
  }
  loginFailures: { key: string; failures: number; firstAt: string; lastAt: string }
  auditEvents: {
    id: string
    seq: Generated<number>
    at: string
    actorId: string | null
    action: string
    subjectType: string
    subjectId: string
    countryCode: string | null
    summary: string
    requestId: string | null
  }
  frameworks: { id: string; code: string; name: string; baseLocale: string; createdAt: string; updatedAt: string }
  frameworkVersions: {
    id: string
    frameworkId: string
    label: string
    status: string
    basedOnId: string | null
    notes: string
    createdBy: string | null
    publishedAt: string | null
    publishedBy: string | null
    retiredAt: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  frameworkAreas: {
    id: string
    versionId: string
    code: string
    position: number
    title: string
    description: string
    version: number
  }
  adaptations: {
    id: string
    versionId: string
    countryCode: string
    notes: string
    createdAt: string
    updatedAt: string
    version: number
  }
  indicators: {
    id: string
    versionId: string
    areaId: string
    adaptationId: string | null
    code: string
    position: number
    title: string
    definition: string
    guidance: string
    kind: string
    measurement: string
    unit: string | null
    disaggregations: string
    customDimensions: string
    legalReferences: string
    sources: string
    topics: string
    isCore: number
    isFramework: number
    isRedFlag: number
    weight: number
    lineageType: string
    lineageFrom: string
    version: number
  }
  versionRetirements: { versionId: string; code: string; note: string }
  adaptationItems: {
    adaptationId: string
    indicatorCode: string
    excluded: number
    nationalNote: string
    nationalLegalReferences: string
    nationalSources: string
  }
  rounds: {
    id: string
    name: string
    periodFrom: string
    periodTo: string
    frameworkVersionId: string
    focusTopic: string | null
    focusLabel: string
    status: string
    collectionClosesOn: string | null
    reviewClosesOn: string | null
    publicationOn: string | null
    options: string
    createdBy: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  roundCountries: { roundId: string; countryCode: string }
  roundManualIndicators: { roundId: string; indicatorCode: string }
  roundIndicators: {
    roundId: string
    countryCode: string
    indicatorCode: string
    areaCode: string
    position: number
    reason: string
  }
  assignments: {
    id: string
    roundId: string
    countryCode: string
    indicatorCode: string
    expertId: string | null
    /** The second, independent expert when the round uses double scoring. */
    secondExpertId: string | null
    dueOn: string | null
    updatedAt: string
    version: number
  }
  assignmentProviders: { assignmentId: string; organisationId: string; userId: string | null }
  answers: {
    id: string
    roundId: string
    countryCode: string
    indicatorCode: string
    organisationId: string
    status: string
    noData: number
    noDataReason: string | null
    valueChoice: string | null
    valueNumber: number | null
    valueNumerator: number | null
    valueDenominator: number | null
    valueText: string | null
    narrative: string | null
    partsExplanation: string | null
    changeComment: string | null
    returnComment: string | null
    importBatchId: string | null
    createdAt: string
    updatedAt: string
    updatedBy: string | null
    submittedAt: string | null
    submittedBy: string | null
    version: number
  }
  answerCells: { answerId: string; cellKey: string; value: number }
  files: {
    id: string
    sha256: string
    size: number
    mediaType: string
    originalName: string
    countryCode: string
    organisationId: string | null
    uploadedBy: string | null
    createdAt: string
  }
  evidence: {
    id: string
    answerId: string
    kind: string
    fileId: string | null
    url: string | null
    citation: string | null
    title: string
    internal: number
    position: number
  }
  importBatches: {
    id: string
    roundId: string
    countryCode: string
    /** JSON array of organisation ids. */
    organisationIds: string
    source: string
    fileName: string | null
    fileSha256: string
    createdBy: string | null
    createdAt: string
    answersCreated: number
    answersUpdated: number
    revertedAt: string | null
    revertedBy: string | null
    revertReason: string | null
    version: number
  }
  importBatchAnswers: {
    batchId: string
    answerId: string
    indicatorCode: string
    organisationId: string
    /** JSON snapshot of the answer before the batch; null when the batch created it. */
    before: string | null
    afterVersion: number
  }
  notifications: {
    id: string
    userId: string
    kind: string
    roundId: string
    countryCode: string
    indicatorCode: string | null
    organisationId: string | null
    actorId: string | null
    /** 'provider' or 'expert': what the reader is asked to do. */
    role: string | null
    comment: string | null
    dueOn: string | null
    /** Set for reminders, so one is sent once per reader and due date. */
    dedupeKey: string | null
    createdAt: string
    readAt: string | null
    /** 'pending' until the outbox handles it, then 'sent', 'failed' or 'skipped' (stale, or the reader is inactive). */
    emailStatus: string
    emailedAt: string | null
  }
  assessments: {
    id: string
    roundId: string
    countryCode: string
    indicatorCode: string
    /** 'primary' or 'second' (independent double scoring). */
    scorer: string
    expertId: string | null
    status: string
    noData: number
    noDataReason: string | null
    /** JSON AnswerValue: the consolidated value. */
    value: string
    /** JSON array of answer ids. */
    sourceAnswerIds: string
    consolidationNote: string | null
    score: number | null
    normalisedScore: number | null
    justification: string | null
    /** JSON array of evidence ids of source answers. */
    answerEvidenceIds: string
    /** JSON array of the expert's own evidence (EvidenceInput). */
    evidence: string
    confidence: string | null
    dataGaps: string | null
    discrepancyResolution: string | null
    /** Double scoring: how the lead settled the experts' disagreement. */
    scoringResolution: string | null
    /** The first expert's own score, kept when the lead's settling replaced it. */
    expertScore: number | null
    returnComment: string | null
    submittedAt: string | null
    submittedBy: string | null
    validatedAt: string | null
    validatedBy: string | null
    createdAt: string
    updatedAt: string
    updatedBy: string | null
    version: number
  }
  comments: {
    id: string
    roundId: string
    countryCode: string
    indicatorCode: string
    authorId: string | null
    body: string
    /** JSON array of user ids. */
    mentions: string
    resolvedAt: string | null
    resolvedBy: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  narratives: {
    id: string
    roundId: string
    /** A country code, or 'region'. */
    scope: string
    /** 'finding' (per area), 'conclusion' or 'summary' (area_code ''). */
    kind: string
    areaCode: string
    bodyHtml: string
    updatedAt: string
    updatedBy: string | null
    version: number
  }
  recommendations: {
    id: string
    countryCode: string
    issuedRoundId: string
    text: string
    /** JSON arrays. */
    institutions: string
    areaCodes: string
    indicatorCodes: string
    priority: string
    source: string
    createdBy: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  followUps: {
    id: string
    recommendationId: string
    roundId: string
    status: string
    comment: string | null
    /** JSON array of EvidenceInput. */
    evidence: string
    response: string | null
    updatedBy: string | null
    updatedAt: string
    version: number
  }
}

/** Part of the database type (schema.ts): see there for the column conventions. */
export interface OutputTables {
  reportPublications: {
    id: string
    kind: string
    roundId: string
    /** A country code, or 'region'. */
    scope: string
    number: number
    changeNote: string | null
    /** JSON ReportData, frozen at publication. */
    data: string
    publishedAt: string
    publishedBy: string | null
  }
  /** Background jobs (jobs/): claimed by one worker at a time under a lease; see docs/decisions/0010-jobs.md. */
  jobs: {
    id: string
    kind: string
    /** JSON, the handler's input. */
    payload: string
    /** 'queued' | 'running' | 'done' | 'failed'. */
    status: string
    /** 0 to 1. */
    progress: number
    progressNote: string | null
    attempts: number
    maxAttempts: number
    /** Not claimed before this time (retry backoff, recurring jobs). */
    runAfter: string
    /** The worker that holds it, and until when; an expired lease lets another worker take it over. */
    lockedBy: string | null
    lockedUntil: string | null
    /** JSON, what the handler returned. */
    result: string | null
    error: string | null
    /** The user whose request caused it (null for the system). */
    createdBy: string | null
    createdAt: string
    updatedAt: string
  }
  /** A large template upload waiting for its import job (migration 0012); deleted when the job ends. */
  templateUploads: { id: string; content: Buffer; createdAt: string }
  /** Rendered documents of a publication (report.render jobs), served by downloads instead of rendering again. */
  reportDocuments: {
    publicationId: string
    format: string
    lang: string
    disclosure: string
    content: Buffer
    createdAt: string
  }
}

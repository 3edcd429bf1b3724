import {
  type Assessment,
  type AssessmentStatus,
  type ConfidenceLevel,
  EvidenceInputSchema,
  type SaveAssessmentBody,
  type Scorer,
} from '@thbm/shared'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from '../answers/answer-context.ts'

export type AssessmentRow = DB['assessments']

export async function findAssessmentRow(
  db: Database | Trx,
  ctx: AnswerContext,
  scorer: Scorer,
): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .where('scorer', '=', scorer)
    .executeTakeFirst()
}

/** Every scorer's assessment of the indicator (primary first). */
export async function listAssessmentRows(db: Database | Trx, ctx: AnswerContext): Promise<AssessmentRow[]> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .orderBy('scorer')
    .execute()
}

// Schemas are built once: building one costs far more than parsing with it.
const StringList = z.array(z.string()).catch([])
const EvidenceList = z.array(EvidenceInputSchema).catch([])
const ids = (json: string) => StringList.parse(parseJson(json, []))
const evidenceOf = (json: string) => EvidenceList.parse(parseJson(json, []))

/** A stored assessment as the body that would save it again (for the submission checks). */
export function assessmentBody(row: AssessmentRow): SaveAssessmentBody {
  return {
    version: row.version,
    noData: row.noData === 1,
    noDataReason: row.noDataReason,
    value: parseJson(row.value, { choice: null, number: null, numerator: null, denominator: null, text: null }),
    sourceAnswerIds: ids(row.sourceAnswerIds),
    consolidationNote: row.consolidationNote,
    score: row.score,
    justification: row.justification,
    answerEvidenceIds: ids(row.answerEvidenceIds),
    evidence: evidenceOf(row.evidence),
    confidence: row.confidence as ConfidenceLevel | null,
    dataGaps: row.dataGaps,
    discrepancyResolution: row.discrepancyResolution,
  }
}

/** Assessments as the API shows them, with people's names and the files of the expert's own evidence. */
export async function presentAssessments(db: Database | Trx, rows: AssessmentRow[]): Promise<Assessment[]> {
  const people = new Set<string>()
  for (const r of rows) for (const id of [r.expertId, r.submittedBy, r.validatedBy]) if (id) people.add(id)
  const users = people.size
    ? await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...people])
        .execute()
    : []
  const person = (id: string | null) => {
    const u = id ? users.find((x) => x.id === id) : undefined
    return u ? { id: u.id, name: u.name } : null
  }
  const fileIds = rows.flatMap((r) => evidenceOf(r.evidence).flatMap((e) => (e.fileId ? [e.fileId] : [])))
  const files = fileIds.length
    ? await db
        .selectFrom('files')
        .select(['id', 'originalName', 'size', 'mediaType'])
        .where('id', 'in', fileIds)
        .execute()
    : []
  return rows.map((r) => {
    const body = assessmentBody(r)
    return {
      id: r.id,
      scorer: r.scorer as Scorer,
      status: r.status as AssessmentStatus,
      expert: person(r.expertId),
      noData: body.noData,
      noDataReason: body.noDataReason,
      value: body.value,
      sourceAnswerIds: body.sourceAnswerIds,
      consolidationNote: body.consolidationNote,
      score: r.score,
      normalisedScore: r.normalisedScore,
      justification: body.justification,
      answerEvidenceIds: body.answerEvidenceIds,
      evidence: body.evidence.map((e) => {
        const f = e.fileId ? files.find((x) => x.id === e.fileId) : undefined
        return { ...e, file: f ? { id: f.id, name: f.originalName, size: f.size, mediaType: f.mediaType } : null }
      }),
      confidence: body.confidence,
      dataGaps: body.dataGaps,
      discrepancyResolution: body.discrepancyResolution,
      scoringResolution: r.scoringResolution,
      expertScore: r.scoringResolution === null ? null : r.expertScore,
      returnComment: r.returnComment,
      submittedAt: r.submittedAt,
      submittedBy: person(r.submittedBy),
      validatedAt: r.validatedAt,
      validatedBy: person(r.validatedBy),
      updatedAt: r.updatedAt,
      version: r.version,
    }
  })
}

import type { AuditAction } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { newId, nowIso } from '../../ids.ts'

export interface AuditEntry {
  action: AuditAction
  subjectType: string
  subjectId: string
  countryCode?: string | null
  /** A summary of the state before the change (allow-listed fields only; never secrets). */
  before?: unknown
  /** A summary of the state after the change. */
  after?: unknown
}

/** Appends one audit row inside the caller's transaction, so the write and its record commit together. */
export async function recordAudit(trx: Trx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      id: newId(),
      at: nowIso(),
      actorId: ctx.actor?.id ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      countryCode: entry.countryCode ?? null,
      summary: JSON.stringify({ before: entry.before, after: entry.after }),
      requestId: ctx.requestId,
    })
    .execute()
}

/** Appends several audit rows at once (multi-row inserts) inside the caller's transaction; each as recordAudit writes it. */
export async function recordAudits(trx: Trx, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
  const at = nowIso()
  const rows = entries.map((entry) => ({
    id: newId(),
    at,
    actorId: ctx.actor?.id ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    countryCode: entry.countryCode ?? null,
    summary: JSON.stringify({ before: entry.before, after: entry.after }),
    requestId: ctx.requestId,
  }))
  // 9 values a row: well under either engine's limit on bound values per statement.
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('auditEvents')
      .values(rows.slice(i, i + 1000))
      .execute()
}

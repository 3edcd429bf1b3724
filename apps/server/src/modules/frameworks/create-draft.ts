import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { loadVersion } from './frameworks.queries.ts'
import { insertContent } from './import-framework.ts'

/** Makes a new draft from a published (or retired) version: the same content, every indicator "unchanged" from itself. */
export async function createDraft(trx: Trx, ctx: RequestContext, sourceId: string, label: string): Promise<string> {
  const source = await loadVersion(trx, sourceId)
  if (source.row.status === 'draft') throw invalidState('Make a new draft from a published version, not from a draft')
  const clash = await trx
    .selectFrom('frameworkVersions')
    .select('id')
    .where('frameworkId', '=', source.framework.id)
    .where('label', '=', label)
    .executeTakeFirst()
  if (clash) throw validationFailed([{ path: 'body.label', message: `Version ${label} exists already` }])
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('frameworkVersions')
    .values({
      id,
      frameworkId: source.framework.id,
      label,
      status: 'draft',
      basedOnId: source.row.id,
      notes: source.row.notes,
      createdBy: ctx.actor?.id ?? null,
      publishedAt: null,
      publishedBy: null,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await insertContent(trx, id, {
    areas: source.areas.map(({ code, title, description }) => ({ code, title, description })),
    indicators: source.indicators.map(({ id: _id, version: _v, ...doc }) => ({
      ...doc,
      lineage: { type: 'unchanged' as const, from: [doc.code] },
    })),
  })
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.created',
    subjectType: 'frameworkVersion',
    subjectId: id,
    after: { label, basedOn: source.row.label },
  })
  return id
}

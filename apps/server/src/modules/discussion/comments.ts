import type { Comment, CreateCommentBody } from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson, toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'

type Db = Database | Trx
export interface ThreadKey {
  roundId: string
  countryCode: string
  indicatorCode: string
}

const READER_ROLES = ['admin', 'regional_coordinator', 'country_lead', 'expert', 'observer']

/** Active people who may read a country's threads (and so may be mentioned). */
export async function participants(db: Db, countryCode: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.name'])
    .where('users.active', '=', 1)
    .where('memberships.role', 'in', READER_ROLES)
    .where((eb) => eb.or([eb('memberships.countryCode', '=', countryCode), eb('memberships.countryCode', 'is', null)]))
    .orderBy('users.name')
    .execute()
  return [...new Map(rows.map((r) => [r.id, r])).values()]
}

export async function listComments(db: Db, key: ThreadKey): Promise<Comment[]> {
  const rows = await db
    .selectFrom('comments')
    .selectAll()
    .where('roundId', '=', key.roundId)
    .where('countryCode', '=', key.countryCode)
    .where('indicatorCode', '=', key.indicatorCode)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  const ids = new Set<string>()
  for (const r of rows) {
    if (r.authorId) ids.add(r.authorId)
    if (r.resolvedBy) ids.add(r.resolvedBy)
    for (const m of parseJson<string[]>(r.mentions, [])) ids.add(m)
  }
  const users = ids.size
    ? await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    : []
  const person = (id: string | null) => users.find((u) => u.id === id) ?? null
  return rows.map((r) => ({
    id: r.id,
    author: person(r.authorId),
    body: r.body,
    mentions: parseJson<string[]>(r.mentions, []).flatMap((m) => person(m) ?? []),
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    resolvedBy: person(r.resolvedBy),
    version: r.version,
  }))
}

/**
 * Adds a comment to an indicator's thread. Mentions must be people who can read the thread; they, and everyone who
 * wrote in it before, are notified.
 */
export async function addComment(
  trx: Trx,
  req: RequestContext,
  key: ThreadKey,
  body: CreateCommentBody,
): Promise<string> {
  const allowed = new Set((await participants(trx, key.countryCode)).map((p) => p.id))
  const issues = body.mentions.flatMap((id, i) =>
    allowed.has(id)
      ? []
      : [{ path: `body.mentions[${i}]`, message: 'Mention someone who takes part in this country’s round' }],
  )
  if (issues.length) throw validationFailed(issues)
  const earlier = await trx
    .selectFrom('comments')
    .select('authorId')
    .where('roundId', '=', key.roundId)
    .where('countryCode', '=', key.countryCode)
    .where('indicatorCode', '=', key.indicatorCode)
    .execute()
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('comments')
    .values({
      id,
      ...key,
      authorId: req.actor?.id ?? null,
      body: body.body,
      mentions: toJson([...new Set(body.mentions)]),
      resolvedAt: null,
      resolvedBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  const readers = [
    ...body.mentions,
    ...earlier.flatMap((e) => (e.authorId && allowed.has(e.authorId) ? [e.authorId] : [])),
  ]
  await notify(trx, req, { ...key, userIds: readers, kind: 'comment', comment: body.body.slice(0, 500) })
  await recordAudit(trx, req, {
    action: 'comment.created',
    subjectType: 'comment',
    subjectId: id,
    countryCode: key.countryCode,
    after: { round: key.roundId, indicator: key.indicatorCode, body: body.body, mentions: body.mentions },
  })
  return id
}

export async function findComment(db: Db, key: ThreadKey, id: string) {
  const row = await db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id)
    .where('roundId', '=', key.roundId)
    .where('countryCode', '=', key.countryCode)
    .where('indicatorCode', '=', key.indicatorCode)
    .executeTakeFirst()
  if (!row) throw notFound('Comment not found')
  return row
}

/** Resolves an open comment, or reopens a resolved one, with a version check. */
export async function setResolved(
  trx: Trx,
  req: RequestContext,
  actor: Actor,
  key: ThreadKey,
  id: string,
  version: number,
  resolved: boolean,
): Promise<void> {
  const row = await findComment(trx, key, id)
  assertVersion(row.version, version)
  if ((row.resolvedAt !== null) === resolved)
    throw invalidState(resolved ? 'The comment is resolved already' : 'The comment is open')
  const res = await trx
    .updateTable('comments')
    .set({
      resolvedAt: resolved ? nowIso() : null,
      resolvedBy: resolved ? actor.id : null,
      updatedAt: nowIso(),
      version: row.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, req, {
    action: resolved ? 'comment.resolved' : 'comment.reopened',
    subjectType: 'comment',
    subjectId: id,
    countryCode: key.countryCode,
    before: { resolved: !resolved },
    after: { resolved },
  })
}

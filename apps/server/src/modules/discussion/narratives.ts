import type { Narrative, NarrativeKind, SaveNarrativeBody } from '@thbm/shared'
import sanitizeHtml from 'sanitize-html'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'

/**
 * The formatting a finding or conclusion may keep: paragraphs, headings, lists, emphasis, quotes and links to
 * http(s) or mailto addresses (opened safely). Everything else — scripts, styles, event handlers, images,
 * other URL schemes — is removed, so what is stored is inert wherever it is shown.
 */
export function sanitizeNarrative(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
    allowedAttributes: { a: ['href', 'rel', 'target'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  }).trim()
}

export async function listNarratives(db: Database | Trx, roundId: string, scope: string): Promise<Narrative[]> {
  const rows = await db
    .selectFrom('narratives')
    .leftJoin('users', 'users.id', 'narratives.updatedBy')
    .select([
      'narratives.kind',
      'narratives.areaCode',
      'narratives.bodyHtml',
      'narratives.updatedAt',
      'narratives.updatedBy',
      'narratives.version',
      'users.name as updatedByName',
    ])
    .where('narratives.roundId', '=', roundId)
    .where('narratives.scope', '=', scope)
    .orderBy('narratives.kind')
    .orderBy('narratives.areaCode')
    .execute()
  return rows.map((r) => ({
    kind: r.kind as NarrativeKind,
    areaCode: r.areaCode,
    html: r.bodyHtml,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy && r.updatedByName ? { id: r.updatedBy, name: r.updatedByName } : null,
    version: r.version,
  }))
}

/**
 * Saves a finding (per area of the country's list), a conclusion or a summary, sanitised, before publication; the
 * scope is a country code or 'region' (the regional report's texts).
 */
export async function saveNarrative(
  trx: Trx,
  req: RequestContext,
  round: LoadedRound,
  countryCode: string,
  body: SaveNarrativeBody,
): Promise<void> {
  if (round.row.status === 'published' || round.row.status === 'archived')
    throw invalidState(`The round is ${round.row.status}; a published text is corrected by a new publication`)
  if (body.kind === 'finding') {
    // A country's finding is about an area of its list; a regional one about an area of any country's list.
    let areas = trx
      .selectFrom('roundIndicators')
      .select('areaCode')
      .where('roundId', '=', round.row.id)
      .where('areaCode', '=', body.areaCode)
    if (countryCode !== 'region') areas = areas.where('countryCode', '=', countryCode)
    const area = await areas.executeTakeFirst()
    if (!area) throw validationFailed([{ path: 'body.areaCode', message: 'Choose an area of this country’s list' }])
  } else if (body.areaCode !== '') {
    throw validationFailed([{ path: 'body.areaCode', message: 'A conclusion or summary belongs to no area' }])
  }
  const html = sanitizeNarrative(body.html)
  const existing = await trx
    .selectFrom('narratives')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('scope', '=', countryCode)
    .where('kind', '=', body.kind)
    .where('areaCode', '=', body.areaCode)
    .executeTakeFirst()
  assertVersion(existing?.version ?? 0, body.version)
  const now = nowIso()
  const id = existing?.id ?? newId()
  if (existing) {
    const res = await trx
      .updateTable('narratives')
      .set({ bodyHtml: html, updatedAt: now, updatedBy: req.actor?.id ?? null, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('narratives')
      .values({
        id,
        roundId: round.row.id,
        scope: countryCode,
        kind: body.kind,
        areaCode: body.areaCode,
        bodyHtml: html,
        updatedAt: now,
        updatedBy: req.actor?.id ?? null,
        version: 1,
      })
      .execute()
  }
  await recordAudit(trx, req, {
    action: 'narrative.saved',
    subjectType: 'narrative',
    subjectId: id,
    countryCode,
    before: existing ? { html: existing.bodyHtml } : undefined,
    after: { round: round.row.id, kind: body.kind, area: body.areaCode, html },
  })
}

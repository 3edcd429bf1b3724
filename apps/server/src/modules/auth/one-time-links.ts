import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { hashSecret } from './tokens.ts'

export type LinkKind = 'invitation' | 'password_reset'

/** The web page a link opens, with the secret in the fragment-free query so it is never stored in plain text here. */
export function linkUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, kind: LinkKind, token: string): string {
  const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`
  const page = kind === 'invitation' ? 'invitation' : 'reset-password'
  return `${base}/${page}?token=${token}`
}

/** Loads an unused, unexpired link by its secret; one 404 for unknown, used and expired links alike. */
export async function getUsableLinkOrThrow(db: Database | Trx, kind: LinkKind, token: string) {
  const row = await db
    .selectFrom('oneTimeTokens')
    .selectAll()
    .where('id', '=', hashSecret(token))
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!row || row.usedAt !== null || row.expiresAt <= nowIso()) {
    throw new AppError('not_found', 'This link is not valid any more. Ask for a new one.')
  }
  return row
}

export async function markLinkUsed(trx: Trx, id: string): Promise<void> {
  const res = await trx
    .updateTable('oneTimeTokens')
    .set({ usedAt: nowIso() })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst()
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict', 'This link was used already')
}

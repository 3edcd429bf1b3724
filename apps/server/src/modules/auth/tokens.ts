import { createHash, randomBytes } from 'node:crypto'

/** A fresh secret for a cookie or a link, and the hash under which the database keeps it. */
export function newSecret(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, id: hashSecret(token) }
}

/** The database never stores a session or link secret, only its SHA-256. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

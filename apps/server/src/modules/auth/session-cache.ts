import type { Actor } from '../../actor.ts'

interface Entry {
  actor: Actor
  generation: string
  lastSeenMs: number
  expiresMs: number
}

/**
 * Signed-in actors per session, kept per process and trusted only for the setup generation they were read at
 * (db/generation.ts): signing out, a password change, a deactivation or a membership change is a write transaction
 * that changes more than answer data, which bumps that generation, so every instance loads the session again on its
 * next request (saving answers does not). An entry is used only
 * while the session is neither expired nor idle by the times it holds; anything else goes back to the database,
 * which decides. Bounded by count, least recently used first out.
 */
export class SessionCache {
  private entries = new Map<string, Entry>()

  constructor(private readonly maxEntries = 10_000) {}

  get(sessionId: string, generation: string, nowMs: number, idleMs: number): Entry | null {
    const entry = this.entries.get(sessionId)
    if (!entry) return null
    this.entries.delete(sessionId)
    if (entry.generation !== generation || entry.expiresMs <= nowMs || nowMs - entry.lastSeenMs > idleMs) return null
    this.entries.set(sessionId, entry)
    return entry
  }

  set(sessionId: string, entry: Entry): void {
    this.entries.delete(sessionId)
    this.entries.set(sessionId, entry)
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break
      this.entries.delete(key)
    }
  }

  /** The session was touched (its last-seen time written): idle time counts from now. */
  touched(sessionId: string, nowMs: number): void {
    const entry = this.entries.get(sessionId)
    if (entry) entry.lastSeenMs = nowMs
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId)
  }
}

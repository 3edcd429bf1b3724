import { describe, expect, it } from 'vitest'
import type { Actor } from '../../actor.ts'
import { SessionCache } from './session-cache.ts'

const actor: Actor = { id: 'u1', email: 'a@example.org', name: 'A', memberships: [] }
const entry = (over: Partial<{ generation: string; lastSeenMs: number; expiresMs: number }> = {}) => ({
  actor,
  generation: 'g1',
  lastSeenMs: 1_000,
  expiresMs: 100_000,
  ...over,
})

describe('the session cache', () => {
  it('answers only for the generation it was filled at', () => {
    const cache = new SessionCache()
    cache.set('s1', entry())
    expect(cache.get('s1', 'g1', 2_000, 50_000)?.actor).toBe(actor)
    expect(cache.get('s1', 'g2', 2_000, 50_000)).toBeNull()
    // A miss drops the entry: the next lookup goes to the database even for the old generation.
    expect(cache.get('s1', 'g1', 2_000, 50_000)).toBeNull()
  })

  it('leaves expired and idle sessions to the database', () => {
    const cache = new SessionCache()
    cache.set('s1', entry())
    expect(cache.get('s1', 'g1', 100_000, 1_000_000)).toBeNull()
    cache.set('s2', entry())
    expect(cache.get('s2', 'g1', 52_000, 50_000)).toBeNull()
    cache.set('s3', entry())
    cache.touched('s3', 40_000)
    expect(cache.get('s3', 'g1', 52_000, 50_000)?.actor).toBe(actor)
  })

  it('keeps at most its number of entries, least recently used out first', () => {
    const cache = new SessionCache(2)
    cache.set('a', entry())
    cache.set('b', entry())
    cache.get('a', 'g1', 2_000, 50_000)
    cache.set('c', entry())
    expect(cache.get('b', 'g1', 2_000, 50_000)).toBeNull()
    expect(cache.get('a', 'g1', 2_000, 50_000)).not.toBeNull()
    expect(cache.get('c', 'g1', 2_000, 50_000)).not.toBeNull()
  })
})

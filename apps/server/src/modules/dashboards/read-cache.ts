import { gzip } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../../actor.ts'

/** A serialised response body, and its gzip form once a client asked for it. */
export interface Body {
  json: Buffer
  gzip?: Promise<Buffer>
}

interface Entry<T> {
  generation: string
  value: Promise<T>
  bytes: number
}

/**
 * Results of expensive reads (dashboards), keyed by what they depend on and by the data generation: any committed
 * write, through any app instance, makes every entry stale. Per process, least recently used first out, bounded in
 * bytes (`sizeOf`). Concurrent misses for one key share one computation; a failure is not kept.
 */
export class ReadCache<T> {
  private entries = new Map<string, Entry<T>>()
  private bytes = 0

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  async get(generation: string, key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && hit.generation === generation) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    if (hit) this.drop(key, hit)
    const entry: Entry<T> = { generation, bytes: 0, value: build() }
    this.entries.set(key, entry)
    try {
      const value = await entry.value
      if (this.entries.get(key) === entry) {
        entry.bytes = this.sizeOf(value)
        this.bytes += entry.bytes
        this.evict()
      }
      return value
    } catch (err) {
      if (this.entries.get(key) === entry) this.entries.delete(key)
      throw err
    }
  }

  private drop(key: string, entry: Entry<T>): void {
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break
      this.drop(key, entry)
    }
  }
}

const keysOfActors = new WeakMap<Actor, string>()

/**
 * What a read that filters by permission depends on: the actor's memberships (policies read nothing else). Made once
 * per actor object (the signed-in actor is kept per session, and its memberships are not changed in place).
 */
export function membershipsKey(actor: Actor): string {
  let key = keysOfActors.get(actor)
  if (key === undefined) {
    key = JSON.stringify(
      actor.memberships
        .map((m) => [m.role, m.countryCode ?? '', m.organisationId ?? ''])
        .sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    )
    keysOfActors.set(actor, key)
  }
  return key
}

const gzipped = (data: Buffer) =>
  new Promise<Buffer>((resolve, reject) => gzip(data, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))))

/** A cache of serialised JSON bodies, bounded in bytes. */
export function bodyCache(maxBytes: number): ReadCache<Body> {
  return new ReadCache<Body>(maxBytes, (b) => b.json.length)
}

/** A JSON body for the cache, serialised once. */
export const jsonBody = (json: string): Body => ({ json: Buffer.from(json) })

/** Sends a cached JSON body as it was serialised, gzipped when the client accepts it (computed once per entry). */
export async function sendCached(request: FastifyRequest, reply: FastifyReply, body: Body): Promise<FastifyReply> {
  reply.header('vary', 'accept-encoding')
  reply.type('application/json; charset=utf-8')
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    body.gzip ??= gzipped(body.json)
    reply.header('content-encoding', 'gzip')
    return reply.send(await body.gzip)
  }
  return reply.send(body.json)
}

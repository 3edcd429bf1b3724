import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/database.ts'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories.ts'
import {
  createServerDatabase,
  httpClient,
  type ServerDatabase,
  type ServerProcess,
  startServer,
} from './server-process.ts'

/**
 * A bounded load test on loopback: CLIENTS concurrent clients for THBM_LOAD_SECONDS (default 15 per database engine,
 * so 30 s in `npm test`; set it higher for a soak run) against a real server process, mixing reads and versioned
 * writes. Each client owns one organisation and renames it with the version it last saw; now and then it sends a
 * stale version (which must be refused), and all clients race for one shared country record. Afterwards: no 5xx,
 * and every acknowledged write is what the database holds.
 */
const CLIENTS = 100
const SECONDS = Number(process.env.THBM_LOAD_SECONDS ?? 15)
const SESSIONS = 5

let db: ServerDatabase
let handle: DatabaseHandle
let server: ServerProcess

beforeAll(async () => {
  db = await createServerDatabase()
  // The first start migrates the empty database; the test then adds its users and organisations directly.
  server = await startServer(db)
  handle = db.open()
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await handle?.close()
  await db?.drop()
})

interface Tally {
  requests: number
  byStatus: Map<number, number>
  failures: string[]
}

describe('100 concurrent clients', () => {
  it(
    `for ${SECONDS} s: no 5xx, and every acknowledged write is stored`,
    async () => {
      const cookies: string[] = []
      for (let i = 0; i < SESSIONS; i++) {
        const admin = await buildUser(handle.db, { role: 'admin' })
        const client = httpClient(server.url)
        await client.login(admin.email, TEST_PASSWORD)
        cookies.push(client.cookie)
      }
      const orgs = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) => buildOrganisation(handle.db, { name: `Load client ${i}` })),
      )
      const countryBefore = await handle.db
        .selectFrom('countries')
        .select('version')
        .where('code', '=', 'ME')
        .executeTakeFirstOrThrow()

      const tally: Tally = { requests: 0, byStatus: new Map(), failures: [] }
      const acknowledged = orgs.map(() => ({ version: 1, name: '' }))
      const countryVersions: number[] = []
      const deadline = Date.now() + SECONDS * 1000

      const call = async (http: ReturnType<typeof httpClient>, method: string, url: string, body?: unknown) => {
        tally.requests++
        try {
          const res = await http.request(method, url, body)
          tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1)
          const json = (await res.json().catch(() => null)) as { data?: { version?: number } } | null
          if (res.status >= 500) tally.failures.push(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
          return { status: res.status, json }
        } catch (err) {
          tally.failures.push(`${method} ${url}: ${(err as Error).message}`)
          return { status: 0, json: null }
        }
      }

      const runClient = async (i: number) => {
        const http = httpClient(server.url, cookies[i % SESSIONS])
        const org = orgs[i] as { id: string }
        const mine = acknowledged[i] as { version: number; name: string }
        let countryVersion = countryBefore.version
        for (let n = 0; Date.now() < deadline; n++) {
          const roll = (n * 7 + i) % 10
          if (roll < 3) {
            const name = `Load client ${i} write ${n}`
            const res = await call(http, 'PATCH', `/api/organisations/${org.id}`, { version: mine.version, name })
            if (res.status === 200) Object.assign(mine, { version: res.json?.data?.version ?? -1, name })
            else tally.failures.push(`own write refused: ${res.status}`)
          } else if (roll === 3) {
            // A stale version (or, before the first write, a wrong one): refused, and nothing changes.
            const stale = await call(http, 'PATCH', `/api/organisations/${org.id}`, {
              version: mine.version > 1 ? mine.version - 1 : 2,
              name: `Stale ${i} ${n}`,
            })
            if (stale.status !== 409) tally.failures.push(`stale write answered ${stale.status}`)
          } else if (roll === 4) {
            const res = await call(http, 'PATCH', '/api/countries/ME', {
              version: countryVersion,
              names: { en: `Montenegro ${i}-${n}` },
            })
            if (res.status === 200) {
              countryVersion = res.json?.data?.version ?? -1
              countryVersions.push(countryVersion)
            } else if (res.status === 409) {
              const now = await call(http, 'GET', '/api/countries/ME')
              countryVersion = now.json?.data?.version ?? countryVersion
            } else tally.failures.push(`country write answered ${res.status}`)
          } else if (roll === 5) {
            const res = await call(http, 'GET', `/api/organisations/${org.id}`)
            // Read your own writes: never an older version than the last acknowledged one.
            if ((res.json?.data?.version ?? 0) < mine.version) tally.failures.push(`read an old version of ${org.id}`)
          } else {
            const reads = ['/api/organisations', '/api/countries', '/api/rounds', '/api/health', '/api/auth/me']
            await call(http, 'GET', reads[n % reads.length] as string)
          }
        }
      }
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i)))

      const summary = Object.fromEntries(tally.byStatus)
      console.log(`load: ${tally.requests} requests in ${SECONDS} s by ${CLIENTS} clients`, summary)
      expect(tally.failures.slice(0, 10)).toEqual([])
      expect(Object.keys(summary).filter((s) => Number(s) >= 500)).toEqual([])
      expect(tally.requests).toBeGreaterThan(CLIENTS * 2)

      const stored = await handle.db
        .selectFrom('organisations')
        .select(['id', 'name', 'version'])
        .where(
          'id',
          'in',
          orgs.map((o) => o.id),
        )
        .execute()
      const byId = new Map(stored.map((o) => [o.id, o]))
      orgs.forEach((org, i) => {
        const ack = acknowledged[i] as { version: number; name: string }
        const row = byId.get(org.id)
        expect(row?.version, org.id).toBe(ack.version)
        if (ack.name) expect(row?.name, org.id).toBe(ack.name)
      })
      // The shared record: one version per acknowledged write, none acknowledged twice (no lost update).
      const country = await handle.db
        .selectFrom('countries')
        .select('version')
        .where('code', '=', 'ME')
        .executeTakeFirstOrThrow()
      expect(new Set(countryVersions).size).toBe(countryVersions.length)
      expect(country.version - countryBefore.version).toBe(countryVersions.length)
    },
    120_000 + SECONDS * 3000,
  )
})

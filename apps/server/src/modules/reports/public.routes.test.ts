import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { newId, nowIso } from '../../ids.ts'
import { seedDemo } from '../../seed/demo.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

/**
 * The public portal shows only what was published: this suite seeds unpublished data (an open round, draft texts,
 * internal evidence, comments) with marker strings, then walks every public route and checks none of it leaks, and
 * that no count of persons from 1 to 4 is shown.
 */
let t: TestApp
let openRoundId: string
const SECRET = 'UNPUBLISHED-MARKER'
const INTERNAL = 'INTERNAL-EVIDENCE-MARKER'
const COMMENT = 'INTERNAL-COMMENT-MARKER'

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  const open = await t.db.selectFrom('rounds').select('id').where('status', '=', 'collecting').executeTakeFirstOrThrow()
  openRoundId = open.id
  const published = await t.db.selectFrom('rounds').select('id').where('status', '=', 'published').execute()
  const now = nowIso()
  // Unpublished texts in the open round and an internal comment and evidence in a published one.
  await t.db
    .insertInto('narratives')
    .values({
      id: newId(),
      roundId: openRoundId,
      scope: 'RS',
      kind: 'summary',
      areaCode: '',
      bodyHtml: `<p>${SECRET}</p>`,
      updatedAt: now,
      updatedBy: null,
      version: 1,
    })
    .execute()
  await t.db
    .insertInto('comments')
    .values({
      id: newId(),
      roundId: published[0]?.id ?? '',
      countryCode: 'RS',
      indicatorCode: 'IDN-1',
      authorId: null,
      body: COMMENT,
      mentions: '[]',
      resolvedAt: null,
      resolvedBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await t.db.updateTable('evidence').set({ title: INTERNAL, internal: 1 }).execute()
  // Republish the RS report of each published round so the internal evidence is inside a snapshot.
  const coordinator = await asUser(t.app, 'regional_coordinator', null)
  for (const { id } of published) {
    const res = await client(t.app, coordinator.cookie).post(`/api/rounds/${id}/countries/RS/publications`, {
      changeNote: 'Evidence titles corrected',
    })
    expect(res.statusCode).toBe(201)
  }
})
afterAll(() => t.close())

const anon = () => client(t.app)

async function publicUrls(): Promise<string[]> {
  const rounds = (await anon().get('/api/public/rounds')).json().data as {
    id: string
    publications: { id: string; scope: string }[]
  }[]
  const urls = ['/api/public/rounds']
  for (const r of rounds) {
    urls.push(`/api/public/rounds/${r.id}`)
    for (const p of r.publications) {
      urls.push(`/api/public/publications/${p.id}`)
      // Documents of the republished RS report (with the internal evidence) and of the region; the JSON views cover all.
      if (p.scope === 'RS' || p.scope === 'region')
        urls.push(`/api/public/publications/${p.id}/report?format=html&lang=${p.scope === 'RS' ? 'sr-Cyrl' : 'en'}`)
    }
  }
  for (const code of ['AL', 'BA', 'XK', 'ME', 'MK', 'RS']) urls.push(`/api/public/countries/${code}`)
  return urls
}

describe('the public portal', () => {
  it('lists only published rounds, each with its countries and the region', async () => {
    const res = await anon().get('/api/public/rounds')
    expect(res.statusCode).toBe(200)
    const rounds = res.json().data as {
      id: string
      periodTo: string
      publications: { scope: string; number: number }[]
    }[]
    expect(rounds.map((r) => r.periodTo.slice(0, 4))).toEqual(['2025', '2024', '2023'])
    expect(rounds.some((r) => r.id === openRoundId)).toBe(false)
    for (const r of rounds) {
      expect(new Set(r.publications.map((p) => p.scope))).toEqual(
        new Set(['AL', 'BA', 'XK', 'ME', 'MK', 'RS', 'region']),
      )
      // The corrected RS report and its first version both stay listed.
      expect(r.publications.filter((p) => p.scope === 'RS').map((p) => p.number)).toEqual([1, 2])
    }
  })

  it('answers 404, not 403, for an unpublished round, and for unknown publications and countries', async () => {
    expect((await anon().get(`/api/public/rounds/${openRoundId}`)).statusCode).toBe(404)
    expect((await anon().get(`/api/public/publications/${newId()}`)).statusCode).toBe(404)
    expect((await anon().get(`/api/public/publications/${newId()}/report`)).statusCode).toBe(404)
    expect((await anon().get('/api/public/countries/FR')).statusCode).toBe(404)
  })

  it('never shows unpublished text, internal comments or internal evidence on any public route', async () => {
    for (const url of await publicUrls()) {
      const res = await anon().get(url)
      expect(res.statusCode, url).toBe(200)
      for (const marker of [SECRET, INTERNAL, COMMENT]) expect(res.body, `${url} shows ${marker}`).not.toContain(marker)
    }
  })

  it('withholds every count of persons from 1 to 4 in public statistics, and says so', async () => {
    let withheld = 0
    for (const url of await publicUrls()) {
      if (!url.startsWith('/api/public/publications/') || url.includes('/report')) continue
      const view = (await anon().get(url)).json().data as {
        statistics: { cells: { value: number | null; display: string | null }[] }
      }
      for (const c of view.statistics.cells) {
        if (c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true)
        else {
          expect(['<5', 'x']).toContain(c.display)
          withheld++
        }
      }
    }
    expect(withheld).toBeGreaterThan(0)
  })

  it('serves the documents with public caching and no script', async () => {
    const [url] = (await publicUrls()).filter((u) => u.includes('/report?format=html'))
    const res = await anon().get(url ?? '')
    expect(res.headers['cache-control']).toContain('public')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.body).not.toMatch(/<script/i)
  })
})

import type { AreaScores, CountryProfile, IndicatorExplorer, RoundOverview } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDemo } from '../../seed/demo.ts'
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
const cookies = new Map<string, string>()
beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  for (const who of ['lead.rs', 'coordinator', 'provider.rs'])
    cookies.set(who, await login(t.app, `${who}@example.org`, DEMO_PASSWORD))
})
afterAll(() => t.close())

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(who) } })
const roundOf = async (year: number) =>
  (await t.db.selectFrom('rounds').select('id').where('periodTo', '=', `${year}-12-31`).executeTakeFirstOrThrow()).id

describe('dashboards', () => {
  it("gives a country's profile the same 2025 area scores as the round's scores", async () => {
    const round2025 = await roundOf(2025)
    for (const who of ['lead.rs', 'coordinator']) {
      const res = await get(who, '/api/countries/RS/profile')
      expect(res.statusCode, res.body).toBe(200)
      const profile = res.json().data as CountryProfile
      expect(profile.rounds.map((r) => r.periodTo.slice(0, 4))).toEqual(['2023', '2024', '2025', '2026'])
      const scores = (await get(who, `/api/rounds/${round2025}/countries/RS/scores`)).json().data as AreaScores
      const inProfile = profile.rounds.find((r) => r.id === round2025)?.areas ?? []
      expect(inProfile.length).toBeGreaterThan(0)
      expect(inProfile.map((a) => [a.code, a.score])).toEqual(scores.areas.map((a) => [a.area, a.score]))
      expect(inProfile.some((a) => a.score !== null)).toBe(true)
      expect(profile.statistics.cells.some((c) => c.key.includes('victim_status='))).toBe(true)
      // Totals and single breakdowns only: the crossed cells (e.g. sex by age) are for the reports' annex.
      expect(profile.statistics.cells.filter((c) => c.key.includes(';'))).toEqual([])
      // The country lead reviews the assessments, so the scores route shows them the provisional score too.
      if (who === 'lead.rs')
        expect(inProfile.map((a) => a.provisionalScore)).toEqual(scores.areas.map((a) => a.provisionalScore))
    }
  })

  it('shows an RS country lead only Serbia in the overview, and the coordinator every country', async () => {
    const round2025 = await roundOf(2025)
    const lead = await get('lead.rs', `/api/rounds/${round2025}/overview`)
    expect(lead.statusCode, lead.body).toBe(200)
    expect((lead.json().data as RoundOverview).countries.map((c) => c.code)).toEqual(['RS'])
    const all = (await get('coordinator', `/api/rounds/${round2025}/overview`)).json().data as RoundOverview
    expect(all.countries.map((c) => c.code).sort()).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK'])
    expect(all.countries.every((c) => c.completeness >= 0 && c.completeness <= 1)).toBe(true)
    expect(all.areas.length).toBeGreaterThan(0)
  })

  it('follows one indicator across countries and the three past rounds', async () => {
    const res = await get('coordinator', '/api/indicators/explorer?code=IDN-4')
    expect(res.statusCode, res.body).toBe(200)
    const explorer = res.json().data as IndicatorExplorer
    const years = new Set(explorer.rows.map((r) => r.round.periodTo.slice(0, 4)))
    expect([...years].sort()).toEqual(['2023', '2024', '2025'])
    expect(new Set(explorer.rows.map((r) => r.countryCode)).size).toBeGreaterThan(1)
    const lead = (await get('lead.rs', '/api/indicators/explorer?code=IDN-4')).json().data as IndicatorExplorer
    expect(new Set(lead.rows.map((r) => r.countryCode))).toEqual(new Set(['RS']))
  })

  it('refuses a data provider (403) and hides a country the reader does not see (404)', async () => {
    const round2025 = await roundOf(2025)
    for (const url of [
      '/api/countries/RS/profile',
      `/api/rounds/${round2025}/overview`,
      '/api/indicators/explorer?code=IDN-4',
    ]) {
      const res = await get('provider.rs', url)
      expect(res.statusCode, url).toBe(403)
    }
    expect((await get('lead.rs', '/api/countries/AL/profile')).statusCode).toBe(404)
    expect((await get('coordinator', '/api/indicators/explorer?code=idn')).statusCode).toBe(400)
  })
})

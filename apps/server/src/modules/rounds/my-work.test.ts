import type { MyWork } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDemo } from '../../seed/demo.ts'
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
})
afterAll(() => t.close())

async function workOf(email: string): Promise<MyWork> {
  const cookie = await login(t.app, email, DEMO_PASSWORD)
  const res = await t.app.inject({ method: 'GET', url: '/api/me/work', headers: { cookie } })
  expect(res.statusCode).toBe(200)
  return res.json().data
}

describe('my open work', () => {
  it("lists what a data provider's organisation still has to answer, with what is late", async () => {
    const work = await workOf('provider.rs@example.org')
    expect(work.items.length).toBeGreaterThan(0)
    expect(work.items.every((i) => i.as === 'provider' && i.countryCode === 'RS' && i.status !== 'submitted')).toBe(
      true,
    )
    expect(work.items.every((i) => i.organisation?.name === 'Victim Support NGO (demo, RS)')).toBe(true)
    expect(work.late).toBe(work.items.filter((i) => i.dueOn && i.dueOn < new Date().toISOString().slice(0, 10)).length)
  })

  it('lists what an expert assesses, and nothing for an observer', async () => {
    const expert = await workOf('expert.al@example.org')
    expect(expert.items.length).toBeGreaterThan(0)
    expect(expert.items.every((i) => i.as === 'expert' && i.countryCode === 'AL')).toBe(true)
    expect((await workOf('observer@example.org')).items).toEqual([])
  })
})

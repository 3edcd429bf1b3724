import type { Answer, IndicatorWork } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import type { TestApp } from '../../../test/test-app.ts'
import { collectingRound, fillTemplate, issuePaths, templateTestApp, uploadTemplate } from './template-test-support.ts'

let t: TestApp
let cookies: Awaited<ReturnType<typeof templateTestApp>>['cookies']
let versionId: string
let ngo: { id: string }
let police: { id: string }

const ASSIGNMENTS = () => ({ 'IDN-1': [ngo.id], 'JUS-5': [ngo.id, police.id] })
const base = (roundId: string, country = 'RS') => `/api/rounds/${roundId}/countries/${country}`
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
const send = (method: 'POST' | 'PUT', url: string, payload: object, cookie: string) =>
  t.app.inject({ method, url, payload, headers: { cookie } })
async function download(roundId: string, cookie = cookies.provider): Promise<Buffer> {
  const res = await get(`${base(roundId)}/template`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.rawPayload
}
const answersOf = (roundId: string) =>
  t.db.selectFrom('answers').selectAll().where('roundId', '=', roundId).orderBy('indicatorCode').execute()

beforeAll(async () => {
  ;({ t, cookies, versionId, ngo, police } = await templateTestApp())
})
afterAll(() => t.close())

describe('who may use templates', () => {
  it('answers 404 for what the actor cannot see, 403 for what they may not do, 409 outside collection', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    expect((await get(`${base(roundId)}/template?organisation=${ngo.id}`, cookies.police)).statusCode).toBe(404)
    expect((await get(`${base(roundId, 'AL')}/template`, cookies.lead)).statusCode).toBe(404)
    expect((await get(`${base(roundId)}/template`, cookies.expert)).statusCode).toBe(403)
    expect((await get(`${base(roundId)}/import-batches`, cookies.provider)).statusCode).toBe(403)
    expect((await get(`${base(roundId)}/import-batches`, cookies.lead)).statusCode).toBe(200)
    const ngoTemplate = await fillTemplate(await download(roundId), [{ code: 'JUS-5', key: 'number', value: 1 }])
    const other = await expectNoChange(t.db, () =>
      uploadTemplate(t, cookies.police, `${base(roundId)}/template`, ngoTemplate),
    )
    expect(other.statusCode).toBe(403)
    expect(issuePaths(other)).toEqual(['Signature!B6'])
    const planning = await send(
      'POST',
      '/api/rounds',
      {
        name: 'Planned',
        periodFrom: '2027-01-01',
        periodTo: '2027-12-31',
        frameworkVersionId: versionId,
        countries: ['RS'],
      },
      cookies.coordinator,
    )
    const planned = planning.json().data.id as string
    expect((await get(`${base(planned)}/template`, cookies.lead)).statusCode).toBe(409)
    const refused = await expectNoChange(t.db, () =>
      uploadTemplate(t, cookies.lead, `${base(planned)}/template`, ngoTemplate),
    )
    expect(refused.statusCode).toBe(409)
  })

  it('lets the lead upload for every organisation, a provider only its own', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const filled = await fillTemplate(await download(roundId, cookies.lead), [
      { code: 'JUS-5', key: 'number', value: 2, org: ngo.id },
      { code: 'JUS-5', key: 'number', value: 9, org: police.id },
    ])
    const res = await uploadTemplate(t, cookies.lead, `${base(roundId)}/template`, filled)
    expect(res.statusCode, res.body).toBe(200)
    const answers = await answersOf(roundId)
    expect(answers.map((a) => [a.organisationId, a.valueNumber]).sort()).toEqual(
      [
        [ngo.id, 2],
        [police.id, 9],
      ].sort(),
    )
    const work = (await get(`${base(roundId)}/indicators/JUS-5`, cookies.police)).json().data as IndicatorWork
    expect(work.answers.map((a: Answer) => a.value.number)).toEqual([9])
  })
})

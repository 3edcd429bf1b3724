import type { Answer, AssessmentWork, Round, RoundOptions } from '@thbm/shared'
import { afterAll, beforeAll, expect } from 'vitest'
import { seedDefaultHandbook } from '../src/seed/handbook.ts'
import { asUser, type BuiltUser, buildOrganisation } from './factories.ts'
import { createTestApp, type TestApp } from './test-app.ts'

/**
 * The assessment tests' app and people (a coordinator; the RS lead, expert, and data providers of an NGO and a
 * ministry), set up by `useAssessmentApp()` in each test file (the bindings below are filled in before its tests
 * run), and the steps of assessing as requests.
 */

export type Person = BuiltUser & { cookie: string }

export let t: TestApp
export let coordinator: string
export let lead: Person
export let expert: Person
export let versionId: string
export let ngo: { id: string }
export let gov: { id: string }
export let ngoProvider: string
export let govProvider: string

export async function send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = lead.cookie) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

/**
 * A round for RS on the default Handbook with the expert assigned to assess each code and both organisations asked
 * to answer it; in collection unless asked to stay in planning.
 */
export async function assessingRound(
  codes: string[],
  input: { manual?: string[]; options?: Partial<RoundOptions>; planning?: boolean; frameworkVersionId?: string } = {},
): Promise<Round> {
  const created = await send(
    'POST',
    '/api/rounds',
    {
      name: `Round ${codes.join(' ')}`,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      frameworkVersionId: input.frameworkVersionId ?? versionId,
      countries: ['RS'],
      manualIndicators: input.manual ?? [],
      options: {
        doubleScoring: false,
        ranking: false,
        discrepancyShare: 0.1,
        changeThreshold: 0.5,
        redFlagCeiling: 40,
        ...input.options,
      },
    },
    coordinator,
  )
  expect(created.statusCode, created.body).toBe(201)
  const round = created.json().data as Round
  for (const code of codes) {
    const res = await send('PUT', `/api/rounds/${round.id}/countries/RS/assignments/${code}`, {
      version: 0,
      expertId: expert.id,
      providers: [
        { organisationId: ngo.id, userId: null },
        { organisationId: gov.id, userId: null },
      ],
      dueOn: null,
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  if (!input.planning) {
    const moved = await send(
      'POST',
      `/api/rounds/${round.id}/transition`,
      { to: 'collecting', version: 1 },
      coordinator,
    )
    expect(moved.statusCode, moved.body).toBe(200)
  }
  return round
}

export const indicatorUrl = (round: Round, code: string) => `/api/rounds/${round.id}/countries/RS/indicators/${code}`
export const assessmentUrl = (round: Round, code: string) => `${indicatorUrl(round, code)}/assessment`
export const scoresUrl = (round: Round) => `/api/rounds/${round.id}/countries/RS/scores`

/** An organisation's answer, saved and submitted by its data provider. */
export async function provide(round: Round, code: string, org: { id: string }, body: object): Promise<Answer> {
  const url = `${indicatorUrl(round, code)}/answers/${org.id}`
  const cookie = org === ngo ? ngoProvider : govProvider
  const saved = await send('PUT', url, { version: 0, ...body }, cookie)
  expect(saved.statusCode, saved.body).toBe(200)
  const submitted = await send('POST', `${url}/submit`, { version: 1 }, cookie)
  expect(submitted.statusCode, submitted.body).toBe(200)
  return submitted.json().data as Answer
}

export const victims = (identified: number, presumed: number) => [
  { key: 'victim_status=identified', value: identified },
  { key: 'victim_status=presumed', value: presumed },
]

/** A complete assessment of a scale indicator, with the expert's own link as evidence. */
export const complete = (score: number, extra: object = {}) => ({
  score,
  justification: 'Binding procedures exist and are applied nationwide',
  confidence: 'high',
  evidence: [{ kind: 'link', title: 'Referral SOPs', url: 'https://example.org/sops.pdf' }],
  ...extra,
})

export async function save(round: Round, code: string, body: object, cookie = expert.cookie, scorer = 'primary') {
  return send('PUT', `${assessmentUrl(round, code)}?scorer=${scorer}`, body, cookie)
}
export async function step(round: Round, code: string, action: string, body: object, cookie = lead.cookie, query = '') {
  return send('POST', `${assessmentUrl(round, code)}/${action}${query}`, body, cookie)
}
export async function work(round: Round, code: string, cookie = lead.cookie): Promise<AssessmentWork> {
  const res = await send('GET', assessmentUrl(round, code), undefined, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as AssessmentWork
}
export const pathsOf = (res: { json(): { error: { details: { issues: { path: string }[] } } } }) =>
  res.json().error.details.issues.map((i) => i.path)

/** Saves, submits (the expert) and validates (the lead) a complete assessment. */
export async function assessAndValidate(round: Round, code: string, score: number): Promise<void> {
  expect((await save(round, code, { version: 0, ...complete(score) })).statusCode).toBe(200)
  expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
  const validated = await step(round, code, 'validate', { version: 2 })
  expect(validated.statusCode, validated.body).toBe(200)
}

export async function answerStatus(id: string): Promise<string> {
  const row = await t.db.selectFrom('answers').select('status').where('id', '=', id).executeTakeFirstOrThrow()
  return row.status
}

/** A test app with the default Handbook and the people above, for the tests of the calling file. */
export function useAssessmentApp(): void {
  beforeAll(async () => {
    t = await createTestApp()
    await seedDefaultHandbook(t.db)
    coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
    lead = await asUser(t.app, 'country_lead', 'RS')
    expert = await asUser(t.app, 'expert', 'RS')
    ngo = await buildOrganisation(t.db, { countryCode: 'RS', type: 'ngo', name: 'Shelter NGO' })
    gov = await buildOrganisation(t.db, { countryCode: 'RS', type: 'government', name: 'Ministry of Interior' })
    ngoProvider = (await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })).cookie
    govProvider = (await asUser(t.app, 'data_provider', 'RS', { organisationId: gov.id })).cookie
    versionId = (await send('GET', '/api/frameworks', undefined, coordinator)).json().data[0].versions[0].id
  })
  afterAll(() => t.close())
}

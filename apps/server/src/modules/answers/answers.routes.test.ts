import type { Answer, IndicatorWork, Progress, Round, SubmitAllResult } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, buildOrganisation } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let coordinator: string
let lead: string
let versionId: string
let ngo: { id: string }
let provider: string

async function send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = lead) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

/** A round for RS, in collection, with the NGO assigned to IDN-1, IDN-4 and COR-5. */
async function collectingRound(period: { from: string; to: string }): Promise<Round> {
  const created = await send(
    'POST',
    '/api/rounds',
    {
      name: `Round ${period.to}`,
      periodFrom: period.from,
      periodTo: period.to,
      frameworkVersionId: versionId,
      countries: ['RS'],
    },
    coordinator,
  )
  const round = created.json().data as Round
  for (const code of ['IDN-1', 'IDN-4', 'COR-5']) {
    const res = await send('PUT', `/api/rounds/${round.id}/countries/RS/assignments/${code}`, {
      version: 0,
      expertId: null,
      providers: [{ organisationId: ngo.id, userId: null }],
      dueOn: null,
    })
    expect(res.statusCode, res.body).toBe(200)
  }
  expect(
    (await send('POST', `/api/rounds/${round.id}/transition`, { to: 'collecting', version: 1 }, coordinator))
      .statusCode,
  ).toBe(200)
  return round
}

const answerUrl = (round: Round, code: string, org = ngo.id) =>
  `/api/rounds/${round.id}/countries/RS/indicators/${code}/answers/${org}`
const victims = (identified: number, presumed: number) => [
  { key: 'victim_status=identified', value: identified },
  { key: 'victim_status=presumed', value: presumed },
]

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  lead = (await asUser(t.app, 'country_lead', 'RS')).cookie
  ngo = await buildOrganisation(t.db, { countryCode: 'RS', type: 'ngo', name: 'Shelter NGO' })
  provider = (await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })).cookie
  versionId = (await send('GET', '/api/frameworks', undefined, coordinator)).json().data[0].versions[0].id
})
afterAll(() => t.close())

describe('answering an indicator', () => {
  it('saves drafts, refuses a stale save without losing anything, and submits when complete', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const url = answerUrl(round, 'IDN-4')
    const first = await send(
      'PUT',
      url,
      { version: 0, cells: victims(12, 30), narrative: 'From the shelter registry' },
      provider,
    )
    expect(first.statusCode, first.body).toBe(200)
    expect((first.json().data as Answer).status).toBe('draft')
    const mine = await send('PUT', url, { version: 1, cells: victims(13, 30) }, provider)
    expect(mine.statusCode).toBe(200)
    const stale = await expectNoChange(t.db, () => send('PUT', url, { version: 1, cells: victims(99, 99) }, lead))
    expect(stale.statusCode).toBe(409)
    const work = (await send('GET', `/api/rounds/${round.id}/countries/RS/indicators/IDN-4`, undefined, lead)).json()
      .data as IndicatorWork
    expect(work.answers[0]?.cells).toEqual(victims(13, 30))

    const submitted = await send('POST', `${url}/submit`, { version: 2 }, provider)
    expect(submitted.statusCode, submitted.body).toBe(200)
    const progress = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`)).json().data as Progress
    expect(progress.indicators.find((r) => r.code === 'IDN-4')?.status).toBe('submitted')
  })

  it('lists every problem of an incomplete answer on submission and changes nothing', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, narrative: 'Work in progress' }, provider)
    const res = await expectNoChange(t.db, () =>
      send('POST', `${answerUrl(round, 'IDN-1')}/submit`, { version: 1 }, provider),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.value.choice'])
  })

  it.each([
    ['a negative count', 'IDN-4', { cells: [{ key: 'victim_status=identified', value: -1 }] }, 'body.cells.0.value'],
    ['text in a number field', 'IDN-4', { value: { number: 'twelve' } }, 'body.value.number'],
    ['one total that mixes identified and presumed victims', 'IDN-4', { value: { number: 42 } }, 'body.value.number'],
    ['a percentage over 100', 'COR-5', { value: { numerator: 12, denominator: 10 } }, 'body.value.numerator'],
    [
      'an unknown category',
      'IDN-4',
      { cells: [{ key: 'sex=unicorn;victim_status=identified', value: 1 }] },
      'body.cells[0].key',
    ],
  ])('refuses %s with its field and changes nothing', async (_name, code, payload, path) => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const res = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, code), { version: 0, ...payload }, provider),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path)
  })

  it('flags parts above their total, and wants an explanation before submission', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const cells = [
      ...victims(5, 0),
      { key: 'sex=female;victim_status=identified', value: 4 },
      { key: 'sex=male;victim_status=identified', value: 3 },
    ]
    const saved = (await send('PUT', answerUrl(round, 'IDN-4'), { version: 0, cells }, provider)).json().data as Answer
    expect(saved.checks.map((c) => `${c.path}:${c.code}`)).toContain('cells[victim_status=identified]:parts.mismatch')
    const refused = await expectNoChange(t.db, () =>
      send('POST', `${answerUrl(round, 'IDN-4')}/submit`, { version: 1 }, provider),
    )
    expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.partsExplanation'])
    await send(
      'PUT',
      answerUrl(round, 'IDN-4'),
      { version: 1, cells, partsExplanation: 'Two persons are counted under both sexes in the police data' },
      provider,
    )
    expect((await send('POST', `${answerUrl(round, 'IDN-4')}/submit`, { version: 2 }, provider)).statusCode).toBe(200)
  })

  it('warns about text that looks like personal data, without blocking', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const res = await send(
      'PUT',
      answerUrl(round, 'IDN-1'),
      { version: 0, value: { choice: '2' }, narrative: 'Marija Petrović, 12.03.2007, was referred' },
      provider,
    )
    expect(res.statusCode).toBe(200)
    expect((res.json().data as Answer).checks).toEqual([
      expect.objectContaining({ path: 'narrative', severity: 'warning', code: 'personal_data.name_and_date' }),
    ])
  })
})

describe('evidence', () => {
  it('keeps links, citations and uploaded files with the answer, and refuses a file that is not there', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const boundary = '----thbmtest'
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="country"\r\n\r\nRS\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sop.pdf"\r\n\r\n%PDF-1.7\n%%EOF\n\r\n--${boundary}--\r\n`,
      ),
    ])
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: provider },
    })
    expect(uploaded.statusCode, uploaded.body).toBe(201)
    const evidence = [
      { kind: 'file', title: 'Standard operating procedures', fileId: uploaded.json().data.id },
      { kind: 'link', title: 'Annual report', url: 'https://example.org/report-2026.pdf' },
      { kind: 'citation', title: 'Law on Social Protection', citation: 'Art. 41(2)', internal: true },
    ]
    const saved = await send(
      'PUT',
      answerUrl(round, 'IDN-1'),
      { version: 0, value: { choice: '3' }, evidence },
      provider,
    )
    expect(saved.statusCode, saved.body).toBe(200)
    const answer = saved.json().data as Answer
    expect(answer.evidence.map((e) => [e.kind, e.title, e.file?.name ?? null, e.internal])).toEqual([
      ['file', 'Standard operating procedures', 'sop.pdf', false],
      ['link', 'Annual report', null, false],
      ['citation', 'Law on Social Protection', null, true],
    ])
    const missing = await expectNoChange(t.db, () =>
      send(
        'PUT',
        answerUrl(round, 'IDN-1'),
        { version: 1, evidence: [{ kind: 'file', title: 'x', fileId: '01900000-0000-7000-8000-0000000000ff' }] },
        provider,
      ),
    )
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.details.issues[0].path).toBe('body.evidence[0].fileId')
  })
})

describe('the answer a save returns', () => {
  it('is the answer as a reload shows it: stored values, cells in key order, checks, evidence', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const url = answerUrl(round, 'IDN-4')
    // Out of key order, parts above their totals, and a count that PostgreSQL's `real` does not keep exactly.
    const cells = [
      { key: 'victim_status=presumed', value: 3 },
      { key: 'sex=male;victim_status=identified', value: 16_777_217 },
      { key: 'sex=female;victim_status=presumed', value: 5 },
      { key: 'victim_status=identified', value: 10 },
      { key: 'sex=female;victim_status=identified', value: 2 },
    ]
    const shown = async () =>
      (
        (await send('GET', `/api/rounds/${round.id}/countries/RS/indicators/IDN-4`, undefined, provider)).json()
          .data as IndicatorWork
      ).answers[0]
    const evidence = [
      { kind: 'link', title: 'Police statistics', url: 'https://example.org/police-2026.csv' },
      { kind: 'citation', title: 'Criminal Code', citation: 'Art. 388', internal: true },
    ]
    const created = await send('PUT', url, { version: 0, cells, narrative: 'Police and shelters', evidence }, provider)
    expect(created.statusCode, created.body).toBe(200)
    const answer = created.json().data as Answer
    expect(answer.checks.filter((c) => c.code === 'parts.mismatch')).toHaveLength(2)
    expect(answer).toEqual(await shown())
    const updated = await send('PUT', url, { version: 1, cells: cells.slice(1), evidence: evidence.slice(1) }, provider)
    expect(updated.statusCode, updated.body).toBe(200)
    expect(updated.json().data).toEqual(await shown())
  })
})

describe('who may answer', () => {
  it('loses the right to answer at once when the membership is removed, while answers are being saved', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const user = await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })
    const admin = (await asUser(t.app, 'admin')).cookie
    const url = answerUrl(round, 'IDN-1')
    for (const version of [0, 1])
      expect((await send('PUT', url, { version, value: { choice: '2' } }, user.cookie)).statusCode).toBe(200)
    const removed = await send('DELETE', `/api/users/${user.id}/memberships/${user.membershipId}`, undefined, admin)
    expect(removed.statusCode, removed.body).toBe(200)
    const refused = await expectNoChange(t.db, () =>
      send('PUT', url, { version: 2, value: { choice: '3' } }, user.cookie),
    )
    expect(refused.statusCode).toBe(404)
  })

  it('keeps data providers to their own organisation and the indicators it is asked', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    const other = await buildOrganisation(t.db, { countryCode: 'RS', type: 'government' })
    const otherProvider = (await asUser(t.app, 'data_provider', 'RS', { organisationId: other.id })).cookie
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider)
    const forged = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, 'IDN-1'), { version: 1, value: { choice: '0' } }, otherProvider),
    )
    expect(forged.statusCode).toBe(404)
    const notAsked = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, 'IDN-1', other.id), { version: 0, value: { choice: '1' } }, otherProvider),
    )
    expect(notAsked.statusCode).toBe(403)
    const work = (
      await send('GET', `/api/rounds/${round.id}/countries/RS/indicators/IDN-1`, undefined, otherProvider)
    ).json().data as IndicatorWork
    expect(work.answers).toEqual([])
    const albanian = (await asUser(t.app, 'data_provider', 'AL')).cookie
    expect(
      (await send('GET', `/api/rounds/${round.id}/countries/RS/indicators/IDN-1`, undefined, albanian)).statusCode,
    ).toBe(404)
  })

  it('lets the lead return a submitted answer with a comment', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider)
    await send('POST', `${answerUrl(round, 'IDN-1')}/submit`, { version: 1 }, provider)
    expect(
      (await send('POST', `${answerUrl(round, 'IDN-1')}/return`, { version: 2, comment: 'Attach the SOPs' }, provider))
        .statusCode,
    ).toBe(403)
    const returned = await send('POST', `${answerUrl(round, 'IDN-1')}/return`, {
      version: 2,
      comment: 'Attach the SOPs',
    })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json().data).toMatchObject({ status: 'returned', returnComment: 'Attach the SOPs' })
  })

  it('refuses any write while the round is not collecting', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('POST', `/api/rounds/${round.id}/transition`, { to: 'reviewing', version: 2 }, coordinator)
    const res = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider),
    )
    expect(res.statusCode).toBe(409)
  })

  it('lets an organisation fix a returned answer during review, and nothing else', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider)
    await send('PUT', answerUrl(round, 'COR-5'), { version: 0, value: { numerator: 3, denominator: 6 } }, provider)
    for (const code of ['IDN-1', 'COR-5']) {
      const submitted = await send('POST', `${answerUrl(round, code)}/submit`, { version: 1 }, provider)
      expect(submitted.statusCode, submitted.body).toBe(200)
    }
    await send('POST', `/api/rounds/${round.id}/transition`, { to: 'reviewing', version: 2 }, coordinator)
    const returned = await send('POST', `${answerUrl(round, 'IDN-1')}/return`, { version: 2, comment: 'Level 2?' })
    expect(returned.statusCode, returned.body).toBe(200)
    const work = (
      await send('GET', `/api/rounds/${round.id}/countries/RS/indicators/IDN-1`, undefined, provider)
    ).json().data as IndicatorWork
    expect(work.abilities).toContain('answer.edit')

    const fixed = await send('PUT', answerUrl(round, 'IDN-1'), { version: 3, value: { choice: '2' } }, provider)
    expect(fixed.statusCode, fixed.body).toBe(200)
    const again = await send('POST', `${answerUrl(round, 'IDN-1')}/submit`, { version: 4 }, provider)
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json().data).toMatchObject({ status: 'submitted', returnComment: null })

    // A submitted answer that was not returned stays as it is during review.
    const other = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, 'COR-5'), { version: 2, value: { numerator: 1, denominator: 6 } }, provider),
    )
    expect(other.statusCode).toBe(409)
    expect(other.json().error.code).toBe('invalid_state')
  })

  it('keeps a validated answer locked', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider)
    await t.db.updateTable('answers').set({ status: 'validated' }).where('roundId', '=', round.id).execute()
    const res = await expectNoChange(t.db, () =>
      send('PUT', answerUrl(round, 'IDN-1'), { version: 1, value: { choice: '1' } }, lead),
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'invalid_state', message: 'This answer is validated and locked' })
  })
})

describe('submitting everything that is ready', () => {
  it('submits the complete drafts at once and lists what keeps the others back', async () => {
    const round = await collectingRound({ from: '2026-01-01', to: '2026-12-31' })
    await send('PUT', answerUrl(round, 'IDN-1'), { version: 0, value: { choice: '3' } }, provider)
    await send('PUT', answerUrl(round, 'COR-5'), { version: 0, value: { numerator: 3, denominator: 6 } }, provider)
    await send('PUT', answerUrl(round, 'IDN-4'), { version: 0, narrative: 'Figures to follow' }, provider)
    const url = `/api/rounds/${round.id}/countries/RS/submit`
    const expert = (await asUser(t.app, 'expert', 'RS')).cookie
    expect((await expectNoChange(t.db, () => send('POST', url, {}, expert))).statusCode).toBe(403)
    const other = (await asUser(t.app, 'country_lead', 'AL')).cookie
    expect((await expectNoChange(t.db, () => send('POST', url, {}, other))).statusCode).toBe(404)

    const before = await lastAuditSeq(t.db)
    const res = await send('POST', url, {}, provider)
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json().data as SubmitAllResult
    expect(result.submitted.map((r) => r.indicatorCode)).toEqual(['COR-5', 'IDN-1'])
    expect(result.notReady.map((r) => r.indicatorCode)).toEqual(['IDN-4'])
    expect(result.notReady[0]?.problems.length).toBeGreaterThan(0)
    const audit = await auditRowsAfter(t.db, before)
    expect(audit.map((a) => a.action)).toEqual(['answer.submitted', 'answer.submitted'])
    const progress = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`)).json().data as Progress
    expect(progress.indicators.filter((r) => r.status === 'submitted').map((r) => r.code)).toEqual(['COR-5', 'IDN-1'])

    // Nothing left to submit: a second call changes nothing.
    const again = await expectNoChange(t.db, () => send('POST', url, {}, provider))
    expect(again.json().data.submitted).toEqual([])
  })
})

describe('the previous round', () => {
  it("shows last year's value and asks for a comment on a large change", async () => {
    const last = await collectingRound({ from: '2024-01-01', to: '2024-12-31' })
    await send('PUT', answerUrl(last, 'COR-5'), { version: 0, value: { numerator: 2, denominator: 10 } }, provider)
    expect((await send('POST', `${answerUrl(last, 'COR-5')}/submit`, { version: 1 }, provider)).statusCode).toBe(200)
    const now = await collectingRound({ from: '2025-01-01', to: '2025-12-31' })
    const work = (await send('GET', `/api/rounds/${now.id}/countries/RS/indicators/COR-5`, undefined, provider)).json()
      .data as IndicatorWork
    expect(work.previous).toEqual([
      expect.objectContaining({ organisationId: ngo.id, referenceYear: 2024, number: 0.2 }),
    ])
    await send('PUT', answerUrl(now, 'COR-5'), { version: 0, value: { numerator: 9, denominator: 10 } }, provider)
    const refused = await send('POST', `${answerUrl(now, 'COR-5')}/submit`, { version: 1 }, provider)
    expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.changeComment'])
  })
})

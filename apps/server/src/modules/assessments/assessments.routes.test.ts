import type {
  Agreement,
  Answer,
  AreaScores,
  Assessment,
  AssessmentWork,
  NotificationList,
  Round,
  RoundOptions,
} from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { addMembership, asUser, type BuiltUser, buildOrganisation, buildUser, login } from '../../../test/factories.ts'
import { frameworkDoc, indicator } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { importFrameworkDoc } from '../frameworks/import-framework.ts'
import { publishVersion } from '../frameworks/publish-version.ts'

type Person = BuiltUser & { cookie: string }

let t: TestApp
let coordinator: string
let lead: Person
let expert: Person
let versionId: string
let ngo: { id: string }
let gov: { id: string }
let ngoProvider: string
let govProvider: string

async function send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = lead.cookie) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

/**
 * A round for RS on the default Handbook with the expert assigned to assess each code and both organisations asked
 * to answer it; in collection unless asked to stay in planning.
 */
async function assessingRound(
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

const indicatorUrl = (round: Round, code: string) => `/api/rounds/${round.id}/countries/RS/indicators/${code}`
const assessmentUrl = (round: Round, code: string) => `${indicatorUrl(round, code)}/assessment`
const scoresUrl = (round: Round) => `/api/rounds/${round.id}/countries/RS/scores`

/** An organisation's answer, saved and submitted by its data provider. */
async function provide(round: Round, code: string, org: { id: string }, body: object): Promise<Answer> {
  const url = `${indicatorUrl(round, code)}/answers/${org.id}`
  const cookie = org === ngo ? ngoProvider : govProvider
  const saved = await send('PUT', url, { version: 0, ...body }, cookie)
  expect(saved.statusCode, saved.body).toBe(200)
  const submitted = await send('POST', `${url}/submit`, { version: 1 }, cookie)
  expect(submitted.statusCode, submitted.body).toBe(200)
  return submitted.json().data as Answer
}

const victims = (identified: number, presumed: number) => [
  { key: 'victim_status=identified', value: identified },
  { key: 'victim_status=presumed', value: presumed },
]

/** A complete assessment of a scale indicator, with the expert's own link as evidence. */
const complete = (score: number, extra: object = {}) => ({
  score,
  justification: 'Binding procedures exist and are applied nationwide',
  confidence: 'high',
  evidence: [{ kind: 'link', title: 'Referral SOPs', url: 'https://example.org/sops.pdf' }],
  ...extra,
})

async function save(round: Round, code: string, body: object, cookie = expert.cookie, scorer = 'primary') {
  return send('PUT', `${assessmentUrl(round, code)}?scorer=${scorer}`, body, cookie)
}
async function step(round: Round, code: string, action: string, body: object, cookie = lead.cookie, query = '') {
  return send('POST', `${assessmentUrl(round, code)}/${action}${query}`, body, cookie)
}
async function work(round: Round, code: string, cookie = lead.cookie): Promise<AssessmentWork> {
  const res = await send('GET', assessmentUrl(round, code), undefined, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as AssessmentWork
}
const pathsOf = (res: { json(): { error: { details: { issues: { path: string }[] } } } }) =>
  res.json().error.details.issues.map((i) => i.path)

/** Saves, submits (the expert) and validates (the lead) a complete assessment. */
async function assessAndValidate(round: Round, code: string, score: number): Promise<void> {
  expect((await save(round, code, { version: 0, ...complete(score) })).statusCode).toBe(200)
  expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
  const validated = await step(round, code, 'validate', { version: 2 })
  expect(validated.statusCode, validated.body).toBe(200)
}

async function answerStatus(id: string): Promise<string> {
  const row = await t.db.selectFrom('answers').select('status').where('id', '=', id).executeTakeFirstOrThrow()
  return row.status
}

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

describe('assessing an indicator', () => {
  it('goes from draft to validated with four eyes, locks its sources, and unlocks with a reason', async () => {
    const round = await assessingRound(['IDN-1'])
    const answer = await provide(round, 'IDN-1', ngo, {
      value: { choice: '3' },
      evidence: [{ kind: 'link', title: 'NRM report', url: 'https://example.org/nrm.pdf' }],
    })
    const evidenceId = answer.evidence[0]?.id as string

    const before = await work(round, 'IDN-1', expert.cookie)
    expect(before).toMatchObject({ assessments: [], doubleScoring: false, discrepancy: { kind: 'none' } })
    expect(before.abilities).toEqual(['assessment.write.primary'])

    const draft = await save(round, 'IDN-1', {
      version: 0,
      score: 3,
      justification: 'Binding SOPs, known to the police but not to labour inspectors',
      confidence: 'medium',
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      consolidationNote: 'Only the NGO answered',
    })
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json().data).toMatchObject({
      scorer: 'primary',
      status: 'draft',
      expert: { id: expert.id },
      score: 3,
      normalisedScore: 75,
      value: { choice: '3' },
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      confidence: 'medium',
      version: 1,
    })

    const submitted = await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json().data).toMatchObject({ status: 'submitted', submittedBy: { id: expert.id }, version: 2 })

    // The expert neither returns nor validates; the lead returns it with a comment and the expert is told.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'return', { version: 2, comment: 'x' }, expert.cookie)))
        .statusCode,
    ).toBe(403)
    const returned = await step(round, 'IDN-1', 'return', { version: 2, comment: 'Cite the labour inspection SOP' })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json().data).toMatchObject({ status: 'returned', returnComment: 'Cite the labour inspection SOP' })
    const notices = (await send('GET', '/api/me/notifications', undefined, expert.cookie)).json() as NotificationList
    expect(notices.data.filter((n) => n.kind === 'assessment_returned' && n.round.id === round.id)).toEqual([
      expect.objectContaining({
        indicatorCode: 'IDN-1',
        comment: 'Cite the labour inspection SOP',
        role: 'expert',
        actor: expect.objectContaining({ id: lead.id }),
      }),
    ])

    const fixed = await save(round, 'IDN-1', {
      version: 3,
      score: 2,
      justification: 'Labour inspectors are left out of the SOPs (level 2)',
      confidence: 'high',
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      evidence: [{ kind: 'citation', title: 'SOP on referral', citation: 'Section 4' }],
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json().data).toMatchObject({ status: 'returned', score: 2, normalisedScore: 50, version: 4 })
    expect((await step(round, 'IDN-1', 'submit', { version: 4 }, expert.cookie)).statusCode).toBe(200)

    const seq = await lastAuditSeq(t.db)
    const validated = await step(round, 'IDN-1', 'validate', { version: 5 })
    expect(validated.statusCode, validated.body).toBe(200)
    expect(validated.json().data).toMatchObject({
      status: 'validated',
      validatedBy: { id: lead.id },
      returnComment: null,
      version: 6,
    })
    expect(await answerStatus(answer.id)).toBe('validated')
    expect((await auditRowsAfter(t.db, seq)).map((a) => [a.action, a.summary.after])).toEqual([
      ['assessment.validated', { status: 'validated', score: 2, lockedAnswers: [answer.id] }],
    ])

    // Locked: the assessment and the answers it rests on.
    const edit = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 6, ...complete(4) }))
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.code).toBe('invalid_state')
    const byLead = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 6, ...complete(4) }, lead.cookie))
    expect(byLead.json().error.code).toBe('invalid_state')
    const source = await expectNoChange(t.db, () =>
      send(
        'PUT',
        `${indicatorUrl(round, 'IDN-1')}/answers/${ngo.id}`,
        { version: 3, value: { choice: '4' } },
        ngoProvider,
      ),
    )
    expect(source.statusCode).toBe(409)
    expect(source.json().error.code).toBe('invalid_state')

    // Unlocking needs the lead (or the coordinator) and a reason, which the audit trail keeps.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'unlock', { version: 6, reason: 'x' }, expert.cookie)))
        .statusCode,
    ).toBe(403)
    const noReason = await expectNoChange(t.db, () => step(round, 'IDN-1', 'unlock', { version: 6, reason: ' ' }))
    expect(noReason.statusCode).toBe(400)
    expect(pathsOf(noReason)).toEqual(['body.reason'])
    const unlockSeq = await lastAuditSeq(t.db)
    const unlocked = await step(round, 'IDN-1', 'unlock', { version: 6, reason: 'The ministry sent a new SOP' })
    expect(unlocked.statusCode, unlocked.body).toBe(200)
    expect(unlocked.json().data).toMatchObject({ status: 'submitted', validatedBy: null, validatedAt: null })
    expect(await answerStatus(answer.id)).toBe('submitted')
    expect(await auditRowsAfter(t.db, unlockSeq)).toEqual([
      expect.objectContaining({
        action: 'assessment.unlocked',
        actorId: lead.id,
        subjectType: 'assessment',
        subjectId: unlocked.json().data.id,
        countryCode: 'RS',
        summary: {
          before: { status: 'validated' },
          after: { status: 'submitted', reason: 'The ministry sent a new SOP', unlockedAnswers: [answer.id] },
        },
      }),
    ])
    // Submitted again, it waits for the lead: returned or validated once more, not edited.
    const waiting = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 7, ...complete(4) }))
    expect(waiting.json().error.code).toBe('invalid_state')
    expect((await step(round, 'IDN-1', 'validate', { version: 7 })).statusCode).toBe(200)
  })

  it('shows the work with abilities by role, and keeps it from data providers and other countries', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    expect((await work(round, 'IDN-1', lead.cookie)).abilities).toEqual([
      'assessment.write.primary',
      'assessment.review',
      'assessment.validate',
      'assessment.unlock',
    ])
    const observer = (await asUser(t.app, 'observer', 'RS')).cookie
    const seen = await work(round, 'IDN-1', observer)
    expect(seen.abilities).toEqual([])
    expect(seen.assessments.map((a) => a.score)).toEqual([3])
    expect((await work(round, 'IDN-1', coordinator)).abilities).toEqual(['assessment.unlock'])

    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)]) {
      const res = await send('GET', url, undefined, ngoProvider)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
    const albanian = await asUser(t.app, 'country_lead', 'AL')
    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)])
      expect((await send('GET', url, undefined, albanian.cookie)).statusCode, url).toBe(404)
    const listedNot = await send('GET', assessmentUrl(round, 'IDN-6'))
    expect(listedNot.statusCode).toBe(404)
  })
})

describe('who the assessment belongs to', () => {
  it('follows the assignment: the expert assigned later is told when it comes back, and owns it', async () => {
    const round = await assessingRound(['IDN-1'])
    const assignmentUrl = `/api/rounds/${round.id}/countries/RS/assignments/IDN-1`
    const assignment = (expertId: string | null, version: number) =>
      send('PUT', assignmentUrl, { version, expertId, providers: [], dueOn: null })
    expect((await assignment(null, 1)).statusCode).toBe(200)
    // The lead starts while nobody is assigned, then assigns an expert and submits on their behalf.
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) }, lead.cookie)).json().data.expert).toBeNull()
    const later = await asUser(t.app, 'expert', 'RS')
    expect((await assignment(later.id, 2)).statusCode).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, lead.cookie)).statusCode).toBe(200)
    const otherLead = await asUser(t.app, 'country_lead', 'RS')
    expect(
      (await step(round, 'IDN-1', 'return', { version: 2, comment: 'Level 2?' }, otherLead.cookie)).statusCode,
    ).toBe(200)
    const notices = (await send('GET', '/api/me/notifications', undefined, later.cookie)).json() as NotificationList
    expect(notices.data.map((n) => [n.kind, n.indicatorCode, n.comment])).toContainEqual([
      'assessment_returned',
      'IDN-1',
      'Level 2?',
    ])
    const fixed = await save(round, 'IDN-1', { version: 3, ...complete(2) }, later.cookie)
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json().data.expert).toEqual({ id: later.id, name: later.name })
  })

  it('keeps assessments from a data provider of the country who has another role elsewhere', async () => {
    const round = await assessingRound(['IDN-1'])
    const provider = await buildUser(t.db, { role: 'data_provider', countryCode: 'RS', organisationId: ngo.id })
    await addMembership(t.db, provider.id, { role: 'expert', countryCode: 'AL' })
    const cookie = await login(t.app, provider.email)
    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)])
      expect((await send('GET', url, undefined, cookie)).statusCode, url).toBe(404)
  })
})

describe('bad input', () => {
  it.each([
    ['a justification', { justification: null }, ['body.justification']],
    ['evidence', { evidence: [] }, ['body.evidence']],
    ['a confidence', { confidence: null }, ['body.confidence']],
    ['a score', { score: null }, ['body.score']],
    [
      'anything',
      { score: null, justification: null, confidence: null, evidence: [] },
      ['body.justification', 'body.confidence', 'body.score', 'body.evidence'],
    ],
  ])('refuses to submit without %s, naming the field, and changes nothing', async (_name, missing, paths) => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3), ...missing })).statusCode).toBe(200)
    const res = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
    expect(pathsOf(res)).toEqual(paths)
  })

  it('asks for the reason when there is no data, and then needs no score or evidence', async () => {
    const round = await assessingRound(['IDN-1'])
    const body = { version: 0, noData: true, justification: 'Nobody could tell', confidence: 'low' }
    expect((await save(round, 'IDN-1', body)).statusCode).toBe(200)
    const res = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(pathsOf(res)).toEqual(['body.noDataReason'])
    expect(
      (await save(round, 'IDN-1', { ...body, version: 1, noDataReason: 'No institution keeps it' })).statusCode,
    ).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie)).statusCode).toBe(200)
  })

  it.each([
    ['5 on a rubric', 'IDN-1', 5],
    ['2.5 on a rubric', 'IDN-1', 2.5],
    ['-1 on a rubric', 'IDN-1', -1],
    ['3 on yes/partial/no', 'IDN-8', 3],
    ['any score on a count, which is not scored by hand', 'IDN-4', 1],
  ])('refuses %s with body.score and changes nothing', async (_name, code, score) => {
    const round = await assessingRound([code])
    const res = await expectNoChange(t.db, () => save(round, code, { version: 0, ...complete(score) }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
    expect(pathsOf(res)).toEqual(['body.score'])
  })

  it('refuses sources and evidence of another indicator', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-8'])
    const other = await provide(round, 'IDN-8', ngo, {
      value: { choice: 'yes' },
      evidence: [{ kind: 'link', title: 'Report', url: 'https://example.org/r.pdf' }],
    })
    const res = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', {
        version: 0,
        ...complete(3),
        sourceAnswerIds: [other.id],
        answerEvidenceIds: [other.evidence[0]?.id],
      }),
    )
    expect(res.statusCode).toBe(400)
    expect(pathsOf(res)).toEqual(['body.sourceAnswerIds[0]', 'body.answerEvidenceIds[0]'])
  })

  it('refuses validation by whoever submitted the assessment or is its expert (four eyes)', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-6'], { manual: ['IDN-6'] })
    // The lead stands in for the expert and submits: another lead must validate.
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) }, lead.cookie)).statusCode).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, lead.cookie)).statusCode).toBe(200)
    expect((await work(round, 'IDN-1', lead.cookie)).abilities).not.toContain('assessment.validate')
    const own = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }))
    expect(own.statusCode).toBe(403)
    expect(own.json().error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('another country lead'),
    })
    // The expert is no lead at all.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }, expert.cookie))).statusCode,
    ).toBe(403)
    const otherLead = await asUser(t.app, 'country_lead', 'RS')
    expect((await step(round, 'IDN-1', 'validate', { version: 2 }, otherLead.cookie)).statusCode).toBe(200)

    // A lead who is also the indicator's expert does not validate it, even when another lead submitted it.
    const both = await buildUser(t.db, { role: 'country_lead', countryCode: 'RS' })
    await addMembership(t.db, both.id, { role: 'expert', countryCode: 'RS' })
    const bothCookie = await login(t.app, both.email)
    const assigned = await send('PUT', `/api/rounds/${round.id}/countries/RS/assignments/IDN-6`, {
      version: 1,
      expertId: both.id,
      providers: [],
      dueOn: null,
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect((await save(round, 'IDN-6', { version: 0, ...complete(2) }, bothCookie)).statusCode).toBe(200)
    expect((await step(round, 'IDN-6', 'submit', { version: 1 }, otherLead.cookie)).statusCode).toBe(200)
    const mine = await expectNoChange(t.db, () => step(round, 'IDN-6', 'validate', { version: 2 }, bothCookie))
    expect(mine.statusCode).toBe(403)
    expect((await step(round, 'IDN-6', 'validate', { version: 2 }, lead.cookie)).statusCode).toBe(200)
  })

  it('refuses every write to an assessment of a country the user cannot see, with 404', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const albanian = await asUser(t.app, 'country_lead', 'AL')
    const albanianExpert = await asUser(t.app, 'expert', 'AL')
    const requests = [
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, albanianExpert.cookie),
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, albanian.cookie),
      () => step(round, 'IDN-1', 'submit', { version: 1 }, albanian.cookie),
      () => step(round, 'IDN-1', 'return', { version: 1, comment: 'No' }, albanian.cookie),
      () => step(round, 'IDN-1', 'validate', { version: 1 }, albanian.cookie),
      () => step(round, 'IDN-1', 'unlock', { version: 1, reason: 'No' }, albanian.cookie),
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, ngoProvider),
    ]
    for (const request of requests) {
      const res = await expectNoChange(t.db, request)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
  })

  it('refuses writes by people of the country who are not its expert or lead, with 403', async () => {
    const round = await assessingRound(['IDN-1'])
    const otherExpert = await asUser(t.app, 'expert', 'RS')
    const observer = await asUser(t.app, 'observer', 'RS')
    for (const cookie of [otherExpert.cookie, observer.cookie, coordinator]) {
      const res = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 0, ...complete(3) }, cookie))
      expect(res.statusCode).toBe(403)
    }
  })

  it('refuses a stale version with 409 conflict and keeps the newer text', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const again = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 0, ...complete(1) }, lead.cookie))
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('conflict')
    const late = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 2, ...complete(1) }))
    expect(late.statusCode).toBe(409)
    const submit = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie))
    expect(submit.json().error.code).toBe('conflict')
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    const validate = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 1 }))
    expect(validate.json().error.code).toBe('conflict')
    expect((await work(round, 'IDN-1')).assessments.map((a) => a.score)).toEqual([3])
  })

  it('refuses steps out of order with 409 invalid_state, and steps on nothing with 404', async () => {
    const round = await assessingRound(['IDN-1'])
    const missing = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(missing.statusCode).toBe(404)
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    for (const [action, body] of [
      ['return', { version: 1, comment: 'Too early' }],
      ['validate', { version: 1 }],
      ['unlock', { version: 1, reason: 'Not validated' }],
    ] as const) {
      const res = await expectNoChange(t.db, () => step(round, 'IDN-1', action, body))
      expect(res.statusCode, action).toBe(409)
      expect(res.json().error).toMatchObject({ code: 'invalid_state', details: { status: 'draft' } })
    }
    const second = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', { version: 1, ...complete(3) }, expert.cookie, 'second'),
    )
    expect(second.statusCode).toBe(404)
  })

  it('refuses any write while the round is in planning or published', async () => {
    const planning = await assessingRound(['IDN-1'], { planning: true })
    const early = await expectNoChange(t.db, () => save(planning, 'IDN-1', { version: 0, ...complete(3) }))
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('invalid_state')

    const round = await assessingRound(['IDN-1'])
    // In review, assessment goes on.
    const reviewing = await send(
      'POST',
      `/api/rounds/${round.id}/transition`,
      { to: 'reviewing', version: 2 },
      coordinator,
    )
    expect(reviewing.statusCode, reviewing.body).toBe(200)
    await assessAndValidate(round, 'IDN-1', 3)
    // Publishing needs every listed indicator answered; the state is what matters here.
    await t.db.updateTable('rounds').set({ status: 'published' }).where('id', '=', round.id).execute()
    for (const request of [
      () => save(round, 'IDN-1', { version: 3, ...complete(1) }),
      () => step(round, 'IDN-1', 'unlock', { version: 3, reason: 'Typo' }),
      () => step(round, 'IDN-1', 'submit', { version: 3 }, expert.cookie),
      () => step(round, 'IDN-1', 'return', { version: 3, comment: 'Late' }),
    ]) {
      const res = await expectNoChange(t.db, request)
      expect(res.statusCode).toBe(409)
      expect(res.json().error.code).toBe('invalid_state')
    }
    // Reading stays open.
    expect((await work(round, 'IDN-1')).assessments[0]?.status).toBe('validated')
  })
})

describe('discrepancies between sources', () => {
  it('shows different levels, and wants a resolution before submission', async () => {
    const round = await assessingRound(['IDN-1'])
    const a = await provide(round, 'IDN-1', ngo, { value: { choice: '3' } })
    // A draft does not count yet.
    await send(
      'PUT',
      `${indicatorUrl(round, 'IDN-1')}/answers/${gov.id}`,
      { version: 0, value: { choice: '1' } },
      govProvider,
    )
    expect((await work(round, 'IDN-1')).discrepancy.kind).toBe('none')
    await send('POST', `${indicatorUrl(round, 'IDN-1')}/answers/${gov.id}/submit`, { version: 1 }, govProvider)
    const seen = await work(round, 'IDN-1', expert.cookie)
    expect(seen.discrepancy).toEqual({ kind: 'levels', spread: null, answerIds: expect.arrayContaining([a.id]) })
    expect(seen.discrepancy.answerIds).toHaveLength(2)

    expect((await save(round, 'IDN-1', { version: 0, ...complete(2) })).statusCode).toBe(200)
    const refused = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(refused.statusCode).toBe(400)
    expect(pathsOf(refused)).toEqual(['body.discrepancyResolution'])
    const resolution = 'The ministry counts only binding SOPs; the NGO sees them applied in practice'
    expect(
      (await save(round, 'IDN-1', { version: 1, ...complete(2), discrepancyResolution: resolution })).statusCode,
    ).toBe(200)
    const submitted = await step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie)
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json().data).toMatchObject({ status: 'submitted', discrepancyResolution: resolution })
  })

  it('compares figures per victim status against the round share', async () => {
    const round = await assessingRound(['IDN-4'])
    await provide(round, 'IDN-4', ngo, { cells: victims(100, 20) })
    await provide(round, 'IDN-4', gov, { cells: victims(95, 20) })
    // 5 % apart on identified victims, presumed equal: within the 10 % share.
    expect((await work(round, 'IDN-4')).discrepancy.kind).toBe('none')

    const wider = await assessingRound(['IDN-4'])
    const a = await provide(wider, 'IDN-4', ngo, { cells: victims(100, 20) })
    const b = await provide(wider, 'IDN-4', gov, { cells: victims(100, 25) })
    // Presumed victims 20 and 25: (25 - 20) / 25 = 20 %.
    const found = (await work(wider, 'IDN-4')).discrepancy
    expect(found).toMatchObject({ kind: 'values', spread: 0.2 })
    expect([...found.answerIds].sort()).toEqual([a.id, b.id].sort())
    const body = { version: 0, value: { number: 100 }, justification: 'Registry figures', confidence: 'medium' }
    expect((await save(wider, 'IDN-4', body)).statusCode).toBe(200)
    const refused = await expectNoChange(t.db, () => step(wider, 'IDN-4', 'submit', { version: 1 }, expert.cookie))
    expect(pathsOf(refused)).toEqual(['body.discrepancyResolution'])
    const resolved = { ...body, version: 1, discrepancyResolution: 'The NGO counts persons it did not refer' }
    expect((await save(wider, 'IDN-4', resolved)).statusCode).toBe(200)
    expect((await step(wider, 'IDN-4', 'submit', { version: 2 }, expert.cookie)).statusCode).toBe(200)
  })

  it('takes the share from the round options', async () => {
    const round = await assessingRound(['IDN-4'], { options: { discrepancyShare: 0.25 } })
    await provide(round, 'IDN-4', ngo, { cells: victims(100, 20) })
    await provide(round, 'IDN-4', gov, { cells: victims(100, 25) })
    expect((await work(round, 'IDN-4')).discrepancy.kind).toBe('none')
  })
})

describe('area scores', () => {
  it('weights validated scores, previews submitted ones, and caps the area at a red flag', async () => {
    // Identification (IDN) in this list: IDN-1 (rubric, weight 1), IDN-2 (yes/partial/no, weight 2, red flag),
    // IDN-3 and IDN-4 (counts without target bands: never scored), IDN-6 (rubric, weight 1),
    // IDN-8 (yes/partial/no, weight 1, red flag).
    const codes = ['IDN-1', 'IDN-2', 'IDN-6', 'IDN-8']
    const round = await assessingRound(codes, { manual: ['IDN-2', 'IDN-6'] })
    const empty = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(empty.method).toEqual({ redFlagCeiling: 40 })
    expect(empty.areas.find((a) => a.area === 'IDN')).toMatchObject({
      total: 6,
      validated: 0,
      score: null,
      provisionalScore: null,
      scoredCount: 0,
      excludedCount: 4,
      notScoredCount: 2,
    })

    await assessAndValidate(round, 'IDN-1', 3) // 75
    await assessAndValidate(round, 'IDN-2', 2) // yes: 100, weight 2
    await assessAndValidate(round, 'IDN-6', 1) // 25
    // (1 x 75 + 2 x 100 + 1 x 25) / (1 + 2 + 1) = 300 / 4 = 75; IDN-8 is not assessed yet: excluded, not 0.
    const scored = (await send('GET', scoresUrl(round), undefined, expert.cookie)).json().data as AreaScores
    expect(scored.areas.find((a) => a.area === 'IDN')).toEqual({
      area: 'IDN',
      total: 6,
      validated: 3,
      submitted: 0,
      score: 75,
      uncappedScore: 75,
      // The provisional score (with submitted, possibly blind scores) is the country lead's preview only.
      provisionalScore: null,
      scoredCount: 3,
      excludedCount: 1,
      notScoredCount: 2,
      cappedBy: [],
    })

    // IDN-8 submitted at "no", its worst level: (300 + 1 x 0) / 5 = 60, capped at 40, but only provisionally.
    expect((await save(round, 'IDN-8', { version: 0, ...complete(0) })).statusCode).toBe(200)
    expect((await step(round, 'IDN-8', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    const preview = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(preview.areas.find((a) => a.area === 'IDN')).toMatchObject({
      submitted: 1,
      score: 75,
      provisionalScore: 40,
      cappedBy: [],
    })

    expect((await step(round, 'IDN-8', 'validate', { version: 2 })).statusCode).toBe(200)
    const capped = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(capped.areas.find((a) => a.area === 'IDN')).toMatchObject({
      validated: 4,
      score: 40,
      uncappedScore: 60,
      provisionalScore: 40,
      scoredCount: 4,
      excludedCount: 0,
      cappedBy: ['IDN-8'],
    })
    // Areas nobody assessed have no score.
    expect(capped.areas.find((a) => a.area === 'COR')).toMatchObject({ score: null, validated: 0 })
  })

  it('caps at the ceiling the round sets', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-8'], { options: { redFlagCeiling: 20 } })
    await assessAndValidate(round, 'IDN-1', 4) // 100
    await assessAndValidate(round, 'IDN-8', 0) // 0, red flag: (100 + 0) / 2 = 50, capped at 20
    const scores = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(scores.method.redFlagCeiling).toBe(20)
    expect(scores.areas.find((a) => a.area === 'IDN')).toMatchObject({ score: 20, uncappedScore: 50 })
  })
})

describe('indicators scored from their value', () => {
  it('derives the score from the target bands and refuses values no band can hold', async () => {
    // IDN-1 counts convictions (none 0, 1-9 50, 10 or more 100); IDN-2 is a percentage (below half 0, else 100).
    const doc = frameworkDoc({
      framework: { code: 'BANDS', name: { en: 'Banded' }, baseLocale: 'en' },
      indicators: [
        indicator('IDN-1', {
          core: true,
          measurement: {
            type: 'count',
            targetBands: [
              { from: 0, to: 1, score: 0 },
              { from: 1, to: 10, score: 50 },
              { from: 10, to: 1e9, score: 100 },
            ],
          },
        }),
        indicator('IDN-2', {
          core: true,
          measurement: {
            type: 'percentage',
            targetBands: [
              { from: 0, to: 50, score: 0 },
              { from: 50, to: 101, score: 100 },
            ],
          },
        }),
      ],
    })
    const banded = await withTransaction(t.db, async (trx) => {
      const id = await importFrameworkDoc(trx, { actor: null, requestId: null }, doc)
      await publishVersion(trx, { actor: null, requestId: null }, id, 1)
      return id
    })
    const round = await assessingRound(['IDN-1', 'IDN-2'], { frameworkVersionId: banded })
    const justified = { justification: 'Court statistics', confidence: 'high' }
    for (const [code, value, path] of [
      ['IDN-1', { number: -1 }, 'body.value.number'],
      ['IDN-1', { number: 2.5 }, 'body.value.number'],
      ['IDN-2', { numerator: 12, denominator: 10 }, 'body.value.numerator'],
      ['IDN-2', { numerator: null, denominator: -10 }, 'body.value.denominator'],
    ] as const) {
      const res = await expectNoChange(t.db, () => save(round, code, { version: 0, value, ...justified }))
      expect(res.statusCode, `${code} ${JSON.stringify(value)}`).toBe(400)
      expect(pathsOf(res)).toEqual([path])
    }
    const byHand = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', { version: 0, value: { number: 12 }, score: 4, ...justified }),
    )
    expect(pathsOf(byHand)).toEqual(['body.score'])

    const count = await save(round, 'IDN-1', { version: 0, value: { number: 12 }, ...justified })
    expect(count.statusCode, count.body).toBe(200)
    expect(count.json().data).toMatchObject({ score: null, normalisedScore: 100 })
    const share = await save(round, 'IDN-2', { version: 0, value: { numerator: 3, denominator: 10 }, ...justified })
    expect(share.json().data).toMatchObject({ score: null, normalisedScore: 0 })
    for (const code of ['IDN-1', 'IDN-2']) {
      // No evidence needed: the figure is the evidence's summary, and its sources are the answers.
      expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
      expect((await step(round, code, 'validate', { version: 2 })).statusCode).toBe(200)
    }
    // (1 x 100 + 1 x 0) / 2 = 50
    const scores = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(scores.areas.find((a) => a.area === 'IDN')).toMatchObject({ score: 50, scoredCount: 2 })
  })
})

describe('double scoring', () => {
  it('keeps each expert blind to the other until both submitted, while the lead sees both', async () => {
    const round = await assessingRound(['IDN-1'], { options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db
      .updateTable('assignments')
      .set({ secondExpertId: second.id })
      .where('roundId', '=', round.id)
      .where('indicatorCode', '=', 'IDN-1')
      .execute()
    const scorers = async (cookie: string) =>
      (await work(round, 'IDN-1', cookie)).assessments.map((a: Assessment) => `${a.scorer}:${a.score}`)

    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const secondSave = await save(round, 'IDN-1', { version: 0, ...complete(1) }, second.cookie, 'second')
    expect(secondSave.statusCode, secondSave.body).toBe(200)
    expect(secondSave.json().data).toMatchObject({ scorer: 'second', expert: { id: second.id }, score: 1 })
    // Neither expert writes the other's assessment.
    expect(
      (await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 1, ...complete(0) }, second.cookie)))
        .statusCode,
    ).toBe(403)
    expect(
      (await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 1, ...complete(0) }, expert.cookie, 'second')))
        .statusCode,
    ).toBe(403)

    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
    expect(await scorers(second.cookie)).toEqual(['second:1'])
    expect(await scorers(lead.cookie)).toEqual(['primary:3', 'second:1'])
    const observer = (await asUser(t.app, 'observer', 'RS')).cookie
    expect(await scorers(observer)).toEqual([])
    expect((await work(round, 'IDN-1', second.cookie)).abilities).toEqual(['assessment.write.second'])

    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
    expect(await scorers(second.cookie)).toEqual(['second:1'])
    const secondSubmit = await step(round, 'IDN-1', 'submit', { version: 1 }, second.cookie, '?scorer=second')
    expect(secondSubmit.statusCode, secondSubmit.body).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3', 'second:1'])
    expect(await scorers(second.cookie)).toEqual(['primary:3', 'second:1'])
    expect(await scorers(observer)).toEqual(['primary:3', 'second:1'])

    // The lead returns the second score; it is hidden again from the primary expert until resubmitted.
    const returned = await step(
      round,
      'IDN-1',
      'return',
      { version: 2, comment: 'Level 1?' },
      lead.cookie,
      '?scorer=second',
    )
    expect(returned.statusCode, returned.body).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
  })

  it('makes the lead settle a disagreement in a recorded step before validating, and reports agreement', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-6'], { manual: ['IDN-6'], options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db.updateTable('assignments').set({ secondExpertId: second.id }).where('roundId', '=', round.id).execute()
    // IDN-1: 3 and 1 (a disagreement); IDN-6: 2 and 2.
    for (const [code, a, b] of [
      ['IDN-1', 3, 1],
      ['IDN-6', 2, 2],
    ] as const) {
      expect((await save(round, code, { version: 0, ...complete(a) })).statusCode).toBe(200)
      expect((await save(round, code, { version: 0, ...complete(b) }, second.cookie, 'second')).statusCode).toBe(200)
      expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
      expect((await step(round, code, 'submit', { version: 1 }, second.cookie, '?scorer=second')).statusCode).toBe(200)
    }
    const agreement = (await send('GET', `/api/rounds/${round.id}/countries/RS/agreement`)).json().data as Agreement
    // Two pairs, one equal: 50 % agreement. Kappa on 0-4 with pairs (3,1) and (2,2): weights w = 1 - d²/16;
    // Po = (1 - 4/16 + 1) / 2 = 0.875; marginals a = {3: .5, 2: .5}, b = {1: .5, 2: .5};
    // Pe = .25·(w(3,1) + w(3,2) + w(2,1) + w(2,2)) = .25·(.75 + .9375 + .9375 + 1) = 0.90625; κ = (.875 − .90625) / (1 − .90625) = −1/3.
    expect(agreement.overall).toMatchObject({ n: 2, exactAgreement: 0.5 })
    expect(agreement.overall.kappa).toBeCloseTo(-1 / 3, 10)
    expect(agreement.disagreements).toEqual([{ indicatorCode: 'IDN-1', primary: 3, second: 1, resolved: false }])

    const blocked = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }))
    expect(blocked.statusCode).toBe(409)
    expect(
      (
        await expectNoChange(t.db, () =>
          step(round, 'IDN-1', 'resolve', { version: 2, score: 2, note: 'x' }, expert.cookie),
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'resolve', { version: 2, score: 7, note: 'x' })))
        .statusCode,
    ).toBe(400)
    const before = await lastAuditSeq(t.db)
    const settled = await step(round, 'IDN-1', 'resolve', {
      version: 2,
      score: 2,
      note: 'SOPs exist but are not applied everywhere',
    })
    expect(settled.statusCode, settled.body).toBe(200)
    expect(settled.json().data).toMatchObject({
      score: 2,
      normalisedScore: 50,
      scoringResolution: 'SOPs exist but are not applied everywhere',
    })
    expect((await auditRowsAfter(t.db, before)).map((r) => r.action)).toEqual(['assessment.scoresResolved'])
    expect((await step(round, 'IDN-1', 'validate', { version: 3 })).statusCode).toBe(200)
    const after = (await send('GET', `/api/rounds/${round.id}/countries/RS/agreement`)).json().data as Agreement
    expect(after.disagreements).toEqual([{ indicatorCode: 'IDN-1', primary: 3, second: 1, resolved: true }])
  })

  it('drops a settled score when one of the two scores is returned, so the lead settles again', async () => {
    const round = await assessingRound(['IDN-1'], { options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db.updateTable('assignments').set({ secondExpertId: second.id }).where('roundId', '=', round.id).execute()
    await save(round, 'IDN-1', { version: 0, ...complete(3) })
    await save(round, 'IDN-1', { version: 0, ...complete(1) }, second.cookie, 'second')
    await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)
    await step(round, 'IDN-1', 'submit', { version: 1 }, second.cookie, '?scorer=second')
    expect((await step(round, 'IDN-1', 'resolve', { version: 2, score: 2, note: 'Middle ground' })).statusCode).toBe(
      200,
    )
    const returned = await step(
      round,
      'IDN-1',
      'return',
      { version: 2, comment: 'Check again' },
      lead.cookie,
      '?scorer=second',
    )
    expect(returned.statusCode, returned.body).toBe(200)
    const primary = (await work(round, 'IDN-1')).assessments.find((a: Assessment) => a.scorer === 'primary')
    expect(primary).toMatchObject({ score: 3, scoringResolution: null, status: 'submitted' })
  })
})

import { SaveAssessmentBodySchema } from '@thbm/shared'
import type { Transporter } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import {
  asUser,
  type BuiltOrganisation,
  type BuiltUser,
  buildOrganisation,
  buildUser,
} from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { loadAssessmentContext } from '../assessments/assessment-context.ts'
import { submitAssessment } from '../assessments/assessment-workflow.ts'
import { saveAssessment } from '../assessments/save-assessment.ts'
import { answerAs, type SmallRound, SYSTEM, smallRound } from '../notifications/notifications-test-support.ts'
import { flushOutbox } from '../notifications/outbox.ts'
import { loadRound } from './rounds.queries.ts'

type Signed = BuiltUser & { cookie: string }

const PAST = '2020-01-31'
const FUTURE = '2999-12-31'
const NOTE = 'Please submit by Friday. Thank you!'

let t: TestApp
let admin: Signed
let coordinator: Signed
let lead: Signed
let leadAL: Signed
let expert: Signed
let expertDone: BuiltUser
let expertAL: BuiltUser
let orgA: BuiltOrganisation
let orgB: BuiltOrganisation
let orgAL: BuiltOrganisation
let providerA1: Signed
let providerA2: BuiltUser
let inactiveA: BuiltUser
let providerB: BuiltUser
let providerAL: BuiltUser

const remindUrl = (round: SmallRound, country = 'RS') => `/api/rounds/${round.id}/countries/${country}/reminders`

async function send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = lead.cookie) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

async function remind(round: SmallRound, payload: object, cookie = lead.cookie) {
  const res = await send('POST', remindUrl(round), payload, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as { reminded: number; skipped: number; recipients: number }
}

async function assign(
  round: SmallRound,
  code: string,
  body: { expertId?: string | null; providers: { organisationId: string; userId?: string | null }[]; dueOn: string },
  country = 'RS',
) {
  const res = await send(
    'PUT',
    `/api/rounds/${round.id}/countries/${country}/assignments/${code}`,
    { version: 0, expertId: null, ...body },
    admin.cookie,
  )
  expect(res.statusCode, res.body).toBe(200)
}

/** The reminders written in a round, oldest first. */
const remindersOf = (round: SmallRound) =>
  t.db
    .selectFrom('notifications')
    .selectAll()
    .where('roundId', '=', round.id)
    .where('kind', '=', 'reminder')
    .orderBy('id')
    .execute()

const pairs = (rows: { userId: string; indicatorCode: string | null }[]) =>
  rows.map((r) => `${r.userId} ${r.indicatorCode}`).sort()
const pair = (user: { id: string }, code: string) => `${user.id} ${code}`

/**
 * A collecting round for RS and AL:
 * - RS IDN-1, late: Shelter A has not answered, Shelter B submitted; the RS expert has not assessed it;
 * - RS IDN-2, due later: Shelter B's named provider;
 * - RS AST-1, late: Shelter B saved a draft; its expert already submitted the assessment;
 * - AL IDN-1, late: the Albanian organisation has not answered.
 */
async function lateRound(): Promise<SmallRound> {
  const round = await smallRound(t.db, { status: 'collecting' })
  const where = (indicatorCode: string) => ({ roundId: round.id, countryCode: 'RS', indicatorCode })
  await assign(round, 'IDN-1', {
    expertId: expert.id,
    providers: [{ organisationId: orgA.id }, { organisationId: orgB.id }],
    dueOn: PAST,
  })
  await answerAs(t.db, where('IDN-1'), orgB.id, 'submitted')
  await assign(round, 'IDN-2', { providers: [{ organisationId: orgB.id, userId: providerB.id }], dueOn: FUTURE })
  await assign(round, 'AST-1', { expertId: expertDone.id, providers: [{ organisationId: orgB.id }], dueOn: PAST })
  await answerAs(t.db, where('AST-1'), orgB.id, 'saved')
  await withTransaction(t.db, async (trx) => {
    const loaded = (await loadRound(trx, round.id)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
    const ctx = await loadAssessmentContext(trx, loaded, 'RS', 'AST-1')
    const body = SaveAssessmentBodySchema.parse({
      version: 0,
      score: 3,
      justification: 'Procedures exist',
      confidence: 'high',
      evidence: [{ kind: 'link', title: 'Report', url: 'https://example.org/report.pdf' }],
    })
    await saveAssessment(trx, SYSTEM, ctx, 'primary', expertDone.id, body)
    await submitAssessment(trx, SYSTEM, ctx, 'primary', 1)
  })
  await assign(round, 'IDN-1', { expertId: expertAL.id, providers: [{ organisationId: orgAL.id }], dueOn: PAST }, 'AL')
  return round
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  coordinator = await asUser(t.app, 'regional_coordinator')
  lead = await asUser(t.app, 'country_lead', 'RS', { name: 'Milica Lead' })
  leadAL = await asUser(t.app, 'country_lead', 'AL')
  expert = await asUser(t.app, 'expert', 'RS')
  expertDone = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
  expertAL = await buildUser(t.db, { role: 'expert', countryCode: 'AL' })
  orgA = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter A' })
  orgB = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter B' })
  orgAL = await buildOrganisation(t.db, { countryCode: 'AL', name: 'Strehimore AL' })
  providerA1 = await asUser(t.app, 'data_provider', 'RS', { organisationId: orgA.id })
  providerA2 = await buildUser(t.db, { role: 'data_provider', organisationId: orgA.id })
  await t.db.updateTable('users').set({ locale: 'sr-Cyrl' }).where('id', '=', providerA2.id).execute()
  inactiveA = await buildUser(t.db, { role: 'data_provider', organisationId: orgA.id, active: false })
  providerB = await buildUser(t.db, { role: 'data_provider', organisationId: orgB.id })
  providerAL = await buildUser(t.db, { role: 'data_provider', countryCode: 'AL', organisationId: orgAL.id })
})
afterAll(() => t.close())

describe('reminding the people who are late', () => {
  it('reminds only those who still have to act on late indicators of the country, with the note', async () => {
    const round = await lateRound()
    const preview = await send('GET', `${remindUrl(round)}/preview?indicatorCodes=late`)
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json().data).toEqual({ reminded: 4, skipped: 0, recipients: 4 })

    expect(await remind(round, { indicatorCodes: 'late', message: `  ${NOTE}  ` })).toEqual({
      reminded: 4,
      skipped: 0,
      recipients: 4,
    })
    const rows = await remindersOf(round)
    expect(pairs(rows)).toEqual(
      [
        pair(providerA1, 'IDN-1'),
        pair(providerA2, 'IDN-1'),
        pair(expert, 'IDN-1'),
        // Shelter B's draft of AST-1; its expert submitted the assessment and is not reminded.
        pair(providerB, 'AST-1'),
      ].sort(),
    )
    for (const row of rows) {
      expect(row).toMatchObject({
        countryCode: 'RS',
        actorId: lead.id,
        comment: NOTE,
        dueOn: PAST,
        emailStatus: 'pending',
        readAt: null,
        role: row.userId === expert.id ? 'expert' : 'provider',
        organisationId: row.userId === expert.id ? null : row.indicatorCode === 'IDN-1' ? orgA.id : orgB.id,
      })
    }
    const never = [inactiveA.id, expertDone.id, providerAL.id, expertAL.id, lead.id]
    expect(rows.filter((r) => never.includes(r.userId))).toEqual([])

    // The data provider reads it among their notifications.
    const list = await send('GET', '/api/me/notifications', undefined, providerA1.cookie)
    const mine = (list.json().data as { kind: string; comment: string | null }[]).filter((n) => n.kind === 'reminder')
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        indicatorCode: 'IDN-1',
        comment: NOTE,
        role: 'provider',
        actor: { id: lead.id, name: 'Milica Lead' },
        organisation: { id: orgA.id, name: 'Shelter A' },
      }),
    ])
  })

  it('skips whoever was reminded of the same indicator within 24 hours, and counts them', async () => {
    const round = await lateRound()
    await remind(round, { indicatorCodes: 'late' })
    const before = (await remindersOf(round)).length

    expect(await remind(round, { indicatorCodes: 'late' })).toEqual({ reminded: 0, skipped: 4, recipients: 0 })
    expect(await remind(round, { indicatorCodes: ['IDN-1', 'IDN-2'] }, admin.cookie)).toEqual({
      reminded: 1, // Shelter B's named provider on IDN-2, which is not late but was never reminded
      skipped: 3,
      recipients: 1,
    })
    expect(await remindersOf(round)).toHaveLength(before + 1)

    // A day and an hour later, the first reminder no longer holds the next one back.
    const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString()
    await t.db
      .updateTable('notifications')
      .set({ createdAt: dayAgo })
      .where('roundId', '=', round.id)
      .where('kind', '=', 'reminder')
      .where('userId', '=', providerA1.id)
      .execute()
    const preview = await expectNoChange(t.db, () =>
      send('GET', `${remindUrl(round)}/preview?indicatorCodes=IDN-1`, undefined, coordinator.cookie),
    )
    expect(preview.json().data).toEqual({ reminded: 1, skipped: 2, recipients: 1 })
    expect(await remind(round, { indicatorCodes: ['IDN-1'] }, coordinator.cookie)).toEqual({
      reminded: 1,
      skipped: 2,
      recipients: 1,
    })
    const last = (await remindersOf(round)).at(-1)
    expect(last).toMatchObject({ userId: providerA1.id, indicatorCode: 'IDN-1', actorId: coordinator.id })
  })

  it('records one audit row with the indicators and the counts', async () => {
    const round = await lateRound()
    const seq = await lastAuditSeq(t.db)
    await remind(round, { indicatorCodes: 'late', message: NOTE })
    const rows = await auditRowsAfter(t.db, seq)
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'round.remindersSent',
        actorId: lead.id,
        subjectType: 'round',
        subjectId: round.id,
        countryCode: 'RS',
        summary: {
          after: {
            selection: 'late',
            indicatorCodes: ['IDN-1', 'AST-1'],
            reminded: 4,
            skipped: 0,
            recipients: 4,
            withNote: true,
          },
        },
      }),
    ])
  })

  it("e-mails each person in their own language, with the lead's note", async () => {
    const round = await lateRound()
    await remind(round, { indicatorCodes: ['IDN-1'], message: NOTE })
    const sent: { to: string; subject: string; text: string }[] = []
    const transport = {
      sendMail: async (mail: { to: string; subject: string; text: string }) => {
        sent.push(mail)
        return {}
      },
    } as unknown as Transporter
    const options = {
      from: 'THB Monitor <monitor@example.test>',
      baseUrl: 'https://m.example.test',
      defaultLocale: 'en' as const,
    }
    while ((await flushOutbox(t.db, transport, options)) > 0) {}
    const roundName = (
      await t.db.selectFrom('rounds').select('name').where('id', '=', round.id).executeTakeFirstOrThrow()
    ).name
    const to = (user: BuiltUser) =>
      sent.filter((m) => m.to === user.email && m.subject.includes(`IDN-1 (${roundName})`))

    const [serbian] = to(providerA2).filter((m) => m.subject.includes('подсетник'))
    expect(serbian?.subject).toBe(`THB Monitor: подсетник за IDN-1 (${roundName})`)
    expect(serbian?.text).toContain(
      `Milica Lead вас подсећа да одговор организације Shelter A на IDN-1 у кругу ${roundName}`,
    )
    expect(serbian?.text).toContain(`Порука од Milica Lead: ${NOTE}`)

    const [english] = to(providerA1).filter((m) => m.subject.includes('reminder'))
    expect(english?.subject).toBe(`THB Monitor: reminder about IDN-1 (${roundName})`)
    expect(english?.text).toContain(
      `Milica Lead reminds you that the answer of Shelter A to IDN-1 in ${roundName} (RS)`,
    )
    expect(english?.text).toContain(`Message from Milica Lead: ${NOTE}`)
    expect(english?.text).toContain(`Due date: ${PAST}`)

    const [expertMail] = to(expert).filter((m) => m.subject.includes('reminder'))
    expect(expertMail?.text).toMatch(/^Milica Lead reminds you to assess IDN-1 in /)
  })
})

describe('who may remind, and what is refused', () => {
  it('refuses experts and data providers (403), and a lead of another country sees no such country (404)', async () => {
    const round = await lateRound()
    for (const cookie of [expert.cookie, providerA1.cookie]) {
      const res = await expectNoChange(t.db, () => send('POST', remindUrl(round), { indicatorCodes: 'late' }, cookie))
      expect(res.statusCode).toBe(403)
      const preview = await send('GET', `${remindUrl(round)}/preview?indicatorCodes=late`, undefined, cookie)
      expect(preview.statusCode).toBe(403)
    }
    const elsewhere = await expectNoChange(t.db, () =>
      send('POST', remindUrl(round), { indicatorCodes: 'late' }, leadAL.cookie),
    )
    expect(elsewhere.statusCode).toBe(404)
    // The AL lead reminds AL: only the Albanian organisation's provider and expert.
    const res = await send('POST', remindUrl(round, 'AL'), { indicatorCodes: 'late' }, leadAL.cookie)
    expect(res.json().data).toEqual({ reminded: 2, skipped: 0, recipients: 2 })
    expect(pairs(await remindersOf(round))).toEqual([pair(providerAL, 'IDN-1'), pair(expertAL, 'IDN-1')].sort())
  })

  it('refuses codes outside the country list (400) and rounds that are not open (409), writing nothing', async () => {
    const round = await lateRound()
    const wrong = await expectNoChange(t.db, () =>
      send('POST', remindUrl(round), { indicatorCodes: ['IDN-1', 'IDN-3'] }),
    )
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.indicatorCodes[1]' })])
    const long = await expectNoChange(t.db, () =>
      send('POST', remindUrl(round), { indicatorCodes: 'late', message: 'x'.repeat(1001) }),
    )
    expect(long.statusCode).toBe(400)

    const planning = await smallRound(t.db)
    const closed = await expectNoChange(t.db, () => send('POST', remindUrl(planning), { indicatorCodes: 'late' }))
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error.code).toBe('invalid_state')
  })
})

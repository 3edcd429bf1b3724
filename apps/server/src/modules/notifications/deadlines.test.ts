import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltOrganisation, type BuiltUser, buildOrganisation, buildUser } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { remindDeadlines } from './deadlines.ts'
import { answerAs, insertAssignment, type SmallRound, smallRound } from './notifications-test-support.ts'

const TODAY = '2026-03-10'

let t: TestApp
let orgRs: BuiltOrganisation
let orgDone: BuiltOrganisation
let orgAl: BuiltOrganisation
let rs1: BuiltUser
let rs2: BuiltUser
let rsInactive: BuiltUser
let done: BuiltUser
let al: BuiltUser
let collecting: SmallRound
let planning: SmallRound
type Case = 'today' | 'week' | 'later' | 'past' | 'draft' | 'none' | 'planning'
const assignments = {} as Record<Case, string>

const reminders = () =>
  t.db.selectFrom('notifications').selectAll().where('kind', '=', 'deadline').orderBy('userId').execute()

beforeAll(async () => {
  t = await createTestApp()
  orgRs = await buildOrganisation(t.db, { countryCode: 'RS' })
  orgDone = await buildOrganisation(t.db, { countryCode: 'RS' })
  orgAl = await buildOrganisation(t.db, { countryCode: 'AL' })
  rs1 = await buildUser(t.db, { role: 'data_provider', organisationId: orgRs.id })
  rs2 = await buildUser(t.db, { role: 'data_provider', organisationId: orgRs.id })
  rsInactive = await buildUser(t.db, { role: 'data_provider', organisationId: orgRs.id, active: false })
  done = await buildUser(t.db, { role: 'data_provider', organisationId: orgDone.id })
  al = await buildUser(t.db, { role: 'data_provider', countryCode: 'AL', organisationId: orgAl.id })

  collecting = await smallRound(t.db, { status: 'collecting' })
  planning = await smallRound(t.db, { countries: ['RS'] })
  const at = (round: SmallRound, countryCode: string, indicatorCode: string) => ({
    roundId: round.id,
    countryCode,
    indicatorCode,
  })
  const due = async (
    key: Case,
    where: ReturnType<typeof at>,
    providers: { organisationId: string; userId?: string }[],
    dueOn: string | null,
  ) => {
    assignments[key] = await insertAssignment(t.db, where, providers, dueOn)
  }
  // Due today: the providers of orgRs are reminded; orgDone submitted and is not.
  await due(
    'today',
    at(collecting, 'RS', 'IDN-1'),
    [{ organisationId: orgRs.id }, { organisationId: orgDone.id }],
    TODAY,
  )
  await answerAs(t.db, at(collecting, 'RS', 'IDN-1'), orgDone.id, 'submitted')
  // Due in exactly seven days, one named person.
  await due('week', at(collecting, 'RS', 'IDN-2'), [{ organisationId: orgRs.id, userId: rs2.id }], '2026-03-17')
  // Eight days away: not yet.
  await due('later', at(collecting, 'RS', 'AST-1'), [{ organisationId: orgRs.id }], '2026-03-18')
  // Yesterday: past due, no reminder.
  await due('past', at(collecting, 'AL', 'IDN-1'), [{ organisationId: orgAl.id }], '2026-03-09')
  // In three days with a draft answer: reminded.
  await due('draft', at(collecting, 'AL', 'IDN-2'), [{ organisationId: orgAl.id }], '2026-03-13')
  await answerAs(t.db, at(collecting, 'AL', 'IDN-2'), orgAl.id, 'saved')
  // No due date.
  await due('none', at(collecting, 'AL', 'AST-1'), [{ organisationId: orgAl.id }], null)
  // Due today in a round that is still being planned.
  await due('planning', at(planning, 'RS', 'IDN-1'), [{ organisationId: orgRs.id }], TODAY)
})
afterAll(() => t.close())

describe('deadline reminders', () => {
  it('reminds each provider of unsubmitted answers due within seven days of a collecting round', async () => {
    expect(await remindDeadlines(t.db, TODAY)).toBe(4)
    const rows = await reminders()
    const got = rows.map((r) => [r.userId, r.indicatorCode, r.countryCode, r.organisationId, r.dueOn])
    const expected = [
      [rs1.id, 'IDN-1', 'RS', orgRs.id, TODAY],
      [rs2.id, 'IDN-1', 'RS', orgRs.id, TODAY],
      [rs2.id, 'IDN-2', 'RS', orgRs.id, '2026-03-17'],
      [al.id, 'IDN-2', 'AL', orgAl.id, '2026-03-13'],
    ]
    expect(got.sort()).toEqual(expected.sort())
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: 'deadline',
        roundId: collecting.id,
        role: 'provider',
        actorId: null,
        readAt: null,
        emailStatus: 'pending',
      })
      expect(row.dedupeKey).toContain(row.organisationId)
    }
    const told = rows.map((r) => r.userId)
    expect(told).not.toContain(rsInactive.id)
    expect(told).not.toContain(done.id)
  })

  it('writes nothing new when it runs again, and reminds again only for a new due date', async () => {
    const before = await reminders()
    expect(await remindDeadlines(t.db, TODAY)).toBe(0)
    expect(await remindDeadlines(t.db, TODAY)).toBe(0)
    expect(await reminders()).toEqual(before)

    await t.db.updateTable('assignments').set({ dueOn: '2026-03-12' }).where('id', '=', assignments.today).execute()
    expect(await remindDeadlines(t.db, TODAY)).toBe(2)
    const added = (await reminders()).filter((r) => !before.some((b) => b.id === r.id))
    expect(added.map((r) => [r.userId, r.dueOn]).sort()).toEqual(
      [
        [rs1.id, '2026-03-12'],
        [rs2.id, '2026-03-12'],
      ].sort(),
    )
  })

  it('stops once the answer is submitted, and reminds nobody outside collection', async () => {
    const count = (await reminders()).length
    await answerAs(t.db, { roundId: collecting.id, countryCode: 'RS', indicatorCode: 'AST-1' }, orgRs.id, 'submitted')
    // AST-1 (due 2026-03-18) comes within seven days of 2026-03-11, but its answer is in.
    expect(await remindDeadlines(t.db, '2026-03-11')).toBe(0)
    await t.db.updateTable('rounds').set({ status: 'reviewing' }).where('id', '=', collecting.id).execute()
    await t.db.updateTable('assignments').set({ dueOn: '2026-03-14' }).where('id', '=', assignments.draft).execute()
    expect(await remindDeadlines(t.db, TODAY)).toBe(0)
    expect(await reminders()).toHaveLength(count)
  })
})

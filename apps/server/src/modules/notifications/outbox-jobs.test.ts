import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import type { DatabaseHandle } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { recurringJobId } from '../../jobs/enqueue.ts'
import { secondInstance, sleep } from '../../jobs/jobs-test-support.ts'
import { startJobWorker } from '../../jobs/start.ts'
import { DEADLINES_JOB, OUTBOX_JOB } from './jobs.ts'
import { insertAssignment, smallRound } from './notifications-test-support.ts'
import { notify } from './notify.ts'

/** The outbox and the deadline reminders as the server runs them: recurring jobs of the job runner, on two instances. */

let smtp: SMTPServer
let t: TestApp
let other: DatabaseHandle
const received: string[] = []

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume()
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'THB Monitor <monitor@example.test>' })
  other = await secondInstance(t)
})
afterAll(async () => {
  await other?.close()
  await t?.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('notification jobs on two app instances', () => {
  it('send each pending e-mail once and write the due reminders', async () => {
    const round = await smallRound(t.db, { countries: ['RS'], status: 'collecting' })
    const org = await buildOrganisation(t.db, { countryCode: 'RS' })
    const readers = await Promise.all(
      Array.from({ length: 20 }, () => buildUser(t.db, { role: 'data_provider', organisationId: org.id })),
    )
    await withTransaction(t.db, (trx) =>
      notify(trx, null, {
        userIds: readers.map((r) => r.id),
        kind: 'comment',
        roundId: round.id,
        countryCode: 'RS',
        indicatorCode: 'IDN-1',
      }),
    )
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const where = { roundId: round.id, countryCode: 'RS', indicatorCode: 'IDN-2' }
    await insertAssignment(t.db, where, [{ organisationId: org.id, userId: readers[0]?.id }], soon)

    const base = 'https://monitor.example.test'
    const stops = [
      startJobWorker(t.handle, t.config, undefined, base),
      startJobWorker(other, t.config, undefined, base),
    ]
    try {
      const unsent = () =>
        t.db
          .selectFrom('notifications')
          .select('id')
          .where('kind', '=', 'comment')
          .where('emailStatus', '=', 'pending')
          .execute()
      for (let i = 0; i < 300 && (await unsent()).length > 0; i++) await sleep(100)
      // Both instances keep polling for a while: neither sends anything again.
      await sleep(1500)
    } finally {
      await Promise.all(stops.map((stop) => stop()))
    }
    // Each e-mail arrived once: as many messages per reader as notifications recorded as sent to them.
    const sent = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select('users.email')
      .where('emailStatus', '=', 'sent')
      .execute()
    expect(sent.length).toBeGreaterThanOrEqual(20)
    expect([...received].sort()).toEqual(sent.map((r) => r.email).sort())
    expect(new Set(received)).toEqual(new Set(readers.map((r) => r.email)))

    const jobs = await t.db
      .selectFrom('jobs')
      .select(['id', 'kind', 'status', 'result', 'runAfter'])
      .where('kind', 'in', [OUTBOX_JOB, DEADLINES_JOB])
      .orderBy('kind')
      .execute()
    expect(jobs.map((j) => [j.id, j.status])).toEqual([
      [recurringJobId(DEADLINES_JOB), 'queued'],
      [recurringJobId(OUTBOX_JOB), 'queued'],
    ])
    expect(JSON.parse(jobs[1]?.result ?? 'null')).toEqual({ sent: sent.length })
    expect(Date.parse(jobs[1]?.runAfter ?? '')).toBeGreaterThan(Date.now() + 20_000)
    const reminders = await t.db.selectFrom('notifications').select('userId').where('kind', '=', 'deadline').execute()
    expect(reminders.map((r) => r.userId)).toEqual([readers[0]?.id])
  }, 60_000)
})

import net, { type AddressInfo } from 'node:net'
import nodemailer, { type Transporter } from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type BuiltOrganisation, type BuiltUser, buildOrganisation, buildUser, login } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type SmallRound, smallRound } from './notifications-test-support.ts'
import { type NotificationInput, notify } from './notify.ts'
import { flushOutbox, type OutboxOptions } from './outbox.ts'

const BASE_URL = 'https://monitor.example.test'
const OPTIONS: OutboxOptions = { from: 'THB Monitor <monitor@example.test>', baseUrl: BASE_URL, defaultLocale: 'en' }

interface Received {
  to: string[]
  subject: string
  text: string
}

/** Decodes the byte pairs of quoted-printable text (or a Q encoded-word) into the bytes they stand for. */
const qpBytes = (s: string) =>
  s.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
const utf8 = (binary: string) => Buffer.from(binary, 'latin1').toString('utf8')

/** A raw message into its recipients' view: the decoded subject and plain-text body. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  const subject = utf8(
    (headers.get('subject') ?? '')
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_m, enc: string, data: string) =>
        enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('latin1') : qpBytes(data.replaceAll('_', ' ')),
      ),
  )
  const body = raw.slice(split + 4)
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase()
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? utf8(qpBytes(body.replace(/=\r\n/g, '')))
        : body
  return { subject, text: text.replace(/\r\n/g, '\n') }
}

let t: TestApp
let smtp: SMTPServer
let transport: Transporter
let rejecting = false
const inbox: Received[] = []

let round: SmallRound
let org: BuiltOrganisation
let lead: BuiltUser
let reader: BuiltUser
let serbian: BuiltUser

async function notifyNow(input: Omit<NotificationInput, 'roundId' | 'countryCode'> & { countryCode?: string }) {
  const actor: Actor = { id: lead.id, email: lead.email, name: lead.name, memberships: [] }
  await withTransaction(t.db, (trx) =>
    notify(trx, { actor, requestId: null }, { roundId: round.id, countryCode: 'RS', ...input }),
  )
}

const rowsOf = (userId: string) =>
  t.db.selectFrom('notifications').selectAll().where('userId', '=', userId).orderBy('id').execute()

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(rejecting ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('latin1')),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })

  t = await createTestApp()
  round = await smallRound(t.db, { countries: ['RS'] })
  org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Safe House' })
  lead = await buildUser(t.db, { role: 'country_lead', name: 'Lena Lead' })
  reader = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
  serbian = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
  await t.db.updateTable('users').set({ locale: 'sr-Cyrl' }).where('id', '=', serbian.id).execute()
})
afterAll(async () => {
  transport?.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await t?.close()
})
beforeEach(() => {
  inbox.length = 0
  rejecting = false
})

describe('the e-mail outbox', () => {
  it("sends each pending notification to its reader's address in the reader's language, once", async () => {
    await notifyNow({
      userIds: [reader.id],
      kind: 'assignment',
      indicatorCode: 'IDN-1',
      organisationId: org.id,
      role: 'provider',
      dueOn: '2026-06-30',
    })
    await notifyNow({
      userIds: [serbian.id],
      kind: 'answer_returned',
      indicatorCode: 'AST-1',
      organisationId: org.id,
      role: 'provider',
      comment: 'Приложите SOP склоништа',
    })
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(2)
    expect(inbox).toHaveLength(2)

    const english = inbox.find((m) => m.to.includes(reader.email))
    expect(english?.to).toEqual([reader.email])
    expect(english?.subject).toBe(`THB Monitor: IDN-1 assigned (${round.name})`)
    expect(english?.text).toContain(`Lena Lead asked Safe House to answer IDN-1 in ${round.name} (RS).`)
    expect(english?.text).toContain('Due date: 2026-06-30')
    expect(english?.text).toContain(`${BASE_URL}/rounds/${round.id}/countries/RS/indicators/IDN-1`)

    const cyrillic = inbox.find((m) => m.to.includes(serbian.email))
    expect(cyrillic?.to).toEqual([serbian.email])
    expect(cyrillic?.subject).toBe(`THB Monitor: враћен одговор на AST-1 (${round.name})`)
    expect(cyrillic?.text).toContain('Lena Lead је вратио одговор организације Safe House на AST-1')
    expect(cyrillic?.text).toContain('Коментар: Приложите SOP склоништа')
    expect(cyrillic?.text).toContain(`${BASE_URL}/rounds/${round.id}/countries/RS/indicators/AST-1`)

    for (const user of [reader, serbian]) {
      const [row] = await rowsOf(user.id)
      expect(row?.emailStatus).toBe('sent')
      expect(row?.emailedAt).toEqual(expect.any(String))
    }
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(0)
    expect(inbox).toHaveLength(2)
  })

  it('skips inactive readers and notifications older than two days', async () => {
    const inactive = await buildUser(t.db, { role: 'data_provider', organisationId: org.id, active: false })
    const old = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
    await notifyNow({ userIds: [inactive.id, old.id], kind: 'deadline', indicatorCode: 'IDN-2', dueOn: '2026-06-30' })
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString()
    await t.db.updateTable('notifications').set({ createdAt: threeDaysAgo }).where('userId', '=', old.id).execute()
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(0)
    expect(inbox).toEqual([])
    for (const user of [inactive, old]) {
      expect(await rowsOf(user.id)).toEqual([expect.objectContaining({ emailStatus: 'skipped', emailedAt: null })])
    }
  })

  it('marks a refused notification failed, and keeps it pending while the server cannot be reached', async () => {
    const refused = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
    await notifyNow({ userIds: [refused.id], kind: 'comment', indicatorCode: 'IDN-1' })
    rejecting = true
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(0)
    expect(await rowsOf(refused.id)).toEqual([expect.objectContaining({ emailStatus: 'failed', emailedAt: null })])

    const unreachable = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
    await notifyNow({ userIds: [unreachable.id], kind: 'comment', indicatorCode: 'IDN-1' })
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const nowhere = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
    })
    expect(await flushOutbox(t.db, nowhere, OPTIONS)).toBe(0)
    nowhere.close()
    expect(await rowsOf(unreachable.id)).toEqual([expect.objectContaining({ emailStatus: 'pending', emailedAt: null })])
    expect(inbox).toEqual([])
    rejecting = false
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(1)
    expect(await rowsOf(unreachable.id)).toEqual([expect.objectContaining({ emailStatus: 'sent' })])
  })

  it('e-mails the notifications of a real assignment through the API', async () => {
    // The notification rows a command wrote are what the outbox sends; the actor (the lead) gets none.
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/rounds/${round.id}/countries/RS/assignments/IDN-2`,
      payload: { version: 0, expertId: null, providers: [{ organisationId: org.id, userId: serbian.id }], dueOn: null },
      headers: { cookie: await login(t.app, lead.email) },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(await flushOutbox(t.db, transport, OPTIONS)).toBe(1)
    expect(inbox.map((m) => [m.to, m.subject])).toEqual([
      [[serbian.email], `THB Monitor: додељен IDN-2 (${round.name})`],
    ])
    expect(inbox[0]?.text).toContain(`${BASE_URL}/rounds/${round.id}/countries/RS/indicators/IDN-2`)
  })
})

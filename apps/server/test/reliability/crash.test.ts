import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, DatabaseHandle } from '../../src/db/database.ts'
import { columnOf, TEMPLATE_SHEETS } from '../../src/modules/templates/template-layout.ts'
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.ts'
import {
  createServerDatabase,
  httpClient,
  runCli,
  type ServerDatabase,
  type ServerProcess,
  startServer,
} from './server-process.ts'

/**
 * SIGKILL in the middle of a transaction: a template import (half its answers written) and a report publication
 * (the snapshot written, its audit row not yet). The server pauses there only under THBM_TEST_PAUSE (src/test-pause.ts).
 * After a restart nothing of either is visible, the database is sound, and both work again.
 */

let db: ServerDatabase
let handle: DatabaseHandle
let collectingId: string
let publishedId: string
const servers: ServerProcess[] = []

async function start(pause?: string): Promise<ServerProcess> {
  const server = await startServer(db, pause ? { THBM_TEST_PAUSE: `${pause}:60000` } : {})
  servers.push(server)
  return server
}

/** Rows that must move together: batches and their answers, publications and their audit rows. */
async function state(d: Database) {
  const count = async (table: 'answers' | 'importBatches' | 'importBatchAnswers' | 'reportPublications') =>
    Number(
      (
        await d
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    answers: await d.selectFrom('answers').select(['id', 'version', 'narrative']).orderBy('id').execute(),
    batches: await count('importBatches'),
    batchAnswers: await count('importBatchAnswers'),
    publications: await count('reportPublications'),
  }
}

/** Every batch has exactly the answers it counts; every publication has its audit row, and no audit row is orphaned. */
async function expectConsistent(d: Database) {
  const batches = await d
    .selectFrom('importBatches')
    .leftJoin('importBatchAnswers', 'importBatchAnswers.batchId', 'importBatches.id')
    .select(['importBatches.id', 'answersCreated', 'answersUpdated'])
    .select((eb) => eb.fn.count('importBatchAnswers.answerId').as('n'))
    .groupBy(['importBatches.id', 'answersCreated', 'answersUpdated'])
    .execute()
  for (const b of batches) expect(Number(b.n), `batch ${b.id}`).toBe(b.answersCreated + b.answersUpdated)
  const published = await d.selectFrom('reportPublications').select('id').orderBy('id').execute()
  const audited = await d
    .selectFrom('auditEvents')
    .select('subjectId as id')
    .where('action', '=', 'report.published')
    .orderBy('subjectId')
    .execute()
  expect(audited).toEqual(published)
  if (handle.sqlite) {
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(handle.sqlite.pragma('foreign_key_check')).toEqual([])
  }
}

/** A template of the RS NGO for the collecting round with every narrative cell filled in. */
async function filledTemplate(provider: ReturnType<typeof httpClient>): Promise<Buffer> {
  const res = await provider.get(`/api/rounds/${collectingId}/countries/RS/template`)
  expect(res.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer)
  const sheet = workbook.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet
  let filled = 0
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(columnOf('key')).value === 'narrative') {
      row.getCell(columnOf('value')).value = `Crash test note ${n}: ë ç Ђ`
      filled++
    }
  })
  expect(filled).toBeGreaterThan(3)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function upload(client: ReturnType<typeof httpClient>, data: Buffer) {
  const form = new FormData()
  form.append('file', new Blob([data]), 'template.xlsx')
  return client.post(`/api/rounds/${collectingId}/countries/RS/template`, form)
}

const publish = (client: ReturnType<typeof httpClient>) =>
  client.post(`/api/rounds/${publishedId}/countries/RS/publications`, { changeNote: 'Corrected after a crash test' })

beforeAll(async () => {
  db = await createServerDatabase()
  await runCli(['seed', '--demo'], { DATABASE_URL: db.url, FILES_DIR: db.filesDir })
  handle = db.open()
  const rounds = await handle.db.selectFrom('rounds').select(['id', 'status']).orderBy('periodTo', 'desc').execute()
  collectingId = rounds.find((r) => r.status === 'collecting')?.id ?? ''
  publishedId = rounds.find((r) => r.status === 'published')?.id ?? ''
}, 300_000)

afterAll(async () => {
  for (const s of servers) await s.kill()
  await handle?.close()
  await db?.drop()
})

describe('a server killed in the middle of a write', () => {
  it('leaves no partial import batch and no half-published report, and works after a restart', async () => {
    const before = await state(handle.db)

    const importing = await start('template-import')
    const provider = httpClient(importing.url)
    await provider.login('provider.rs@example.org', DEMO_PASSWORD)
    const template = await filledTemplate(provider)
    const pending = upload(provider, template).catch((err: unknown) => err)
    await importing.waitFor('thbm-test-pause: template-import')
    await importing.kill()
    expect(await pending).toBeInstanceOf(Error)

    const publishing = await start('report-publish')
    const lead = httpClient(publishing.url)
    await lead.login('lead.rs@example.org', DEMO_PASSWORD)
    const pendingPublication = publish(lead).catch((err: unknown) => err)
    await publishing.waitFor('thbm-test-pause: report-publish')
    await publishing.kill()
    expect(await pendingPublication).toBeInstanceOf(Error)

    const restarted = await start()
    expect((await fetch(`${restarted.url}/api/health`)).status).toBe(200)
    expect(await state(handle.db)).toEqual(before)
    await expectConsistent(handle.db)

    // The same work, uninterrupted, goes through: no lock or half-written row was left behind.
    const again = httpClient(restarted.url, provider.cookie)
    const imported = await upload(again, template)
    expect(imported.status, await imported.clone().text()).toBe(200)
    const published = await publish(httpClient(restarted.url, lead.cookie))
    expect(published.status, await published.clone().text()).toBe(201)
    const after = await state(handle.db)
    expect(after.batches).toBe(before.batches + 1)
    expect(after.publications).toBe(before.publications + 1)
    await expectConsistent(handle.db)
  }, 400_000)
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { thbm } from '../../test/cli.ts'
import { openDatabase } from '../db/database.ts'
import { withTransaction } from '../db/transaction.ts'
import { publishReport } from '../modules/reports/publish-report.ts'
import { loadRound } from '../modules/rounds/rounds.queries.ts'
import { barLine } from './progress-bar.ts'

let dir: string
let file: string
const saved = {
  db: process.env.DATABASE_URL,
  chromium: process.env.CHROMIUM_PATH,
  locales: process.env.PRERENDER_LOCALES,
}

/** Publishes a correction of the 2025 round's report for the scope, as the server would: with its render job. */
async function publishCorrection(scope: string): Promise<string> {
  const handle = openDatabase({ kind: 'sqlite', file })
  try {
    const row = await handle.db.selectFrom('rounds').select('id').where('periodTo', 'like', '2025-%').executeTakeFirst()
    const round = await loadRound(handle.db, row?.id ?? '')
    if (!round) throw new Error('no 2025 round')
    const ctx = { actor: null, requestId: 'test' }
    return (await withTransaction(handle.db, (trx) => publishReport(trx, ctx, round, scope, 'Corrected', 5))).id
  } finally {
    await handle.close()
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-cli-jobs-'))
  file = path.join(dir, 'db.sqlite')
  process.env.DATABASE_URL = file
  // No Chromium: the PDFs fail quickly and everything else is rendered.
  process.env.CHROMIUM_PATH = path.join(dir, 'no-chromium')
  // Two locales keep the renderings short (a publication renders every UI locale by default).
  process.env.PRERENDER_LOCALES = 'en,sr-Cyrl'
  expect((await thbm('seed', '--demo')).code).toBe(0)
}, 120_000)
afterAll(() => {
  process.env.DATABASE_URL = saved.db
  for (const [name, value] of [
    ['CHROMIUM_PATH', saved.chromium],
    ['PRERENDER_LOCALES', saved.locales],
  ] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('thbm jobs and published reports', () => {
  it('draws a progress bar', () => {
    expect(barLine(0.4, 'docx en')).toBe('[##########--------------]  40%  docx en')
    expect(barLine(2)).toBe(`[${'#'.repeat(24)}] 100%`)
  })

  it('report --published runs the pending rendering with a progress bar, then writes the stored document', async () => {
    const publicationId = await publishCorrection('RS')
    const listed = await thbm('jobs', 'list')
    expect(listed.code, listed.out).toBe(0)
    expect(listed.out).toMatch(/report\.render\s+queued\s+0%\s+0\/3/)

    const out = path.join(dir, 'rs.docx')
    const args = ['--round', '2025', '--country', 'RS', '--published', '--lang', 'sr-Cyrl', '--out', out]
    const res = await thbm('report', 'national', ...args)
    expect(res.code, res.out).toBe(0)
    expect(res.bar).toContain('docx sr-Cyrl')
    expect(res.bar).toMatch(/\[#{24}\] 100% {2}stored documents ready/)
    const handle = openDatabase({ kind: 'sqlite', file })
    const stored = await handle.db
      .selectFrom('reportDocuments')
      .select('content')
      .where('publicationId', '=', publicationId)
      .where('format', '=', 'docx')
      .where('lang', '=', 'sr-Cyrl')
      .executeTakeFirstOrThrow()
    await handle.close()
    expect(fs.readFileSync(out).equals(Buffer.from(stored.content))).toBe(true)

    const done = await thbm('jobs', 'list', '--status', 'done')
    expect(done.out).toMatch(/report\.render\s+done\s+100%\s+1\/3/)
    // Asked again, it writes the stored document without rendering anything.
    const again = await thbm('report', 'national', ...args)
    expect(again.code).toBe(0)
    expect(again.bar).toBe('')
  }, 120_000)

  it('jobs run works through the queue with a progress bar', async () => {
    await publishCorrection('region')
    const res = await thbm('jobs', 'run')
    expect(res.code, res.out).toBe(0)
    expect(res.out).toContain('Ran 1 job: 1 done.')
    expect(res.bar).toContain('report.render: html en')
    expect(res.bar).toContain('[############------------]  50%')
    expect(res.bar).toMatch(/100% {2}report\.render: done/)
    expect((await thbm('jobs', 'run')).out).toContain('No job is due.')
    const bad = await thbm('jobs', 'list', '--status', 'stuck')
    expect(bad.code).toBe(2)
    expect(bad.out).toContain('--status must be one of queued, running, done, failed')
  }, 120_000)
})

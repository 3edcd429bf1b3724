import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CreateRoundBodySchema } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildOrganisation } from '../../../test/factories.ts'
import { runCli } from '../../cli/main.ts'
import { type DatabaseHandle, openDatabase } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { createRound } from '../rounds/create-round.ts'
import { putAssignment } from '../rounds/put-assignment.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { transitionRound } from '../rounds/transition-round.ts'
import { fillTemplate } from './template-test-support.ts'

let dir: string
let handle: DatabaseHandle
const saved = process.env.DATABASE_URL
const system = { actor: null, requestId: null }

async function thbm(...args: string[]): Promise<{ code: number; out: string; stderr: string }> {
  const lines: string[] = []
  let stderr = ''
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => lines.push(a.join(' ')))
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => lines.push(a.join(' ')))
  const bar = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk)
    return true
  })
  try {
    return { code: await runCli(args), out: lines.join('\n'), stderr }
  } finally {
    log.mockRestore()
    err.mockRestore()
    bar.mockRestore()
  }
}

/** A 2026 round for RS; collecting, with the organisation assigned to IDN-8, unless only planned. */
async function round(organisationId: string, collecting: boolean): Promise<string> {
  const version = await handle.db.selectFrom('frameworkVersions').select('id').executeTakeFirstOrThrow()
  const body = CreateRoundBodySchema.parse({
    name: `Round ${Math.random()}`,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    frameworkVersionId: version.id,
    countries: ['RS'],
  })
  return withTransaction(handle.db, async (trx) => {
    const id = await createRound(trx, system, body)
    const planned = (await loadRound(trx, id)) as LoadedRound
    const assignment = {
      version: 0,
      expertId: null,
      secondExpertId: null,
      providers: [{ organisationId, userId: null }],
      dueOn: null,
    }
    await putAssignment(trx, system, planned, 'RS', 'IDN-8', assignment)
    const actor = { id: 'system', email: '', name: '', memberships: [] }
    if (collecting) await transitionRound(trx, system, actor, planned, { to: 'collecting', version: 1 })
    return id
  })
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-cli-template-'))
  process.env.DATABASE_URL = path.join(dir, 'db.sqlite')
  expect((await thbm('migrate')).code).toBe(0)
  handle = openDatabase({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') })
})
afterAll(async () => {
  await handle.close()
  process.env.DATABASE_URL = saved
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('thbm round template / round import', () => {
  it('have their own --help', async () => {
    for (const name of ['round template', 'round import']) {
      const help = await thbm(...name.split(' '), '--help')
      expect(help.code).toBe(0)
      expect(help.out).toContain(`thbm ${name}`)
      expect(help.out).toContain('--round')
    }
  })

  it('write a template, import it filled as the system, and list every problem of a bad one', async () => {
    const ngo = await buildOrganisation(handle.db, { countryCode: 'RS', name: 'Shelter NGO' })
    const id = await round(ngo.id, true)
    const out = path.join(dir, 'template.xlsx')
    const written = await thbm(
      'round',
      'template',
      '--round',
      '2026',
      '--country',
      'RS',
      '--lang',
      'sr-Cyrl',
      '--out',
      out,
    )
    expect(written.code, written.out).toBe(0)
    expect(written.out).toContain('1 answers of 1 organisation(s)')

    const filled = path.join(dir, 'filled.xlsx')
    fs.writeFileSync(filled, await fillTemplate(fs.readFileSync(out), [{ code: 'IDN-8', key: 'choice', value: 'yes' }]))
    const imported = await thbm('round', 'import', '--round', id, '--country', 'RS', '--file', filled)
    expect(imported.code, imported.out).toBe(0)
    expect(imported.out).toMatch(/^Imported batch .*: 1 answer\(s\) created, 0 changed, 0 unchanged\.$/)
    // The progress bar on stderr: reading, then checked and saved rows, ending at 100 %.
    expect(imported.stderr).toContain('reading the workbook')
    expect(imported.stderr).toMatch(/\[#{24}\] 100%/)
    const answer = await handle.db.selectFrom('answers').selectAll().where('roundId', '=', id).executeTakeFirstOrThrow()
    expect(answer).toMatchObject({ valueChoice: 'yes', updatedBy: null })
    expect(answer.importBatchId).not.toBeNull()
    const audit = await handle.db
      .selectFrom('auditEvents')
      .select(['action', 'requestId', 'actorId'])
      .where('action', '=', 'importBatch.applied')
      .execute()
    expect(audit).toEqual([{ action: 'importBatch.applied', requestId: 'cli:round import', actorId: null }])

    const stale = await thbm('round', 'import', '--round', id, '--country', 'RS', '--file', filled)
    expect(stale.code).toBe(1)
    expect(stale.out).toMatch(/Data!H\d+: IDN-8: This answer was changed in THB Monitor after the template/)
    expect((await thbm('round', 'template', '--round', id, '--country', 'RS', '--out', out)).code).toBe(0)
    const bad = path.join(dir, 'bad.xlsx')
    fs.writeFileSync(bad, await fillTemplate(fs.readFileSync(out), [{ code: 'IDN-8', key: 'choice', value: 'maybe' }]))
    const refused = await thbm('round', 'import', '--round', id, '--country', 'RS', '--file', bad)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/Data!H\d+: IDN-8: Choose one of yes, partial, no/)
  })

  it('say clearly when a year matches several rounds, or none', async () => {
    const ngo = await buildOrganisation(handle.db, { countryCode: 'RS' })
    await round(ngo.id, false)
    const out = path.join(dir, 'x.xlsx')
    const ambiguous = await thbm('round', 'template', '--round', '2026', '--country', 'RS', '--out', out)
    expect(ambiguous.code).toBe(2)
    expect(ambiguous.out).toContain('The year 2026 matches 2 rounds of RS; pass --round with an id')
    const none = await thbm('round', 'template', '--round', '1999', '--country', 'RS', '--out', out)
    expect(none.code).toBe(1)
    expect(none.out).toContain('No round 1999 for RS')
    const planned = await thbm(
      'round',
      'template',
      '--round',
      await round(ngo.id, false),
      '--country',
      'RS',
      '--out',
      out,
    )
    expect(planned.code).toBe(1)
    expect(planned.out).toContain('answers can be changed only while it is collecting')
    expect((await thbm('round', 'import', '--round', '2026', '--country', 'Serbia', '--file', out)).code).toBe(2)
  })
})

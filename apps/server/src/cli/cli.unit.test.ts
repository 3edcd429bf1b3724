import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { thbm } from '../../test/cli.ts'

let dir: string
const saved = process.env.DATABASE_URL
const savedFiles = process.env.FILES_DIR

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-cli-'))
  process.env.DATABASE_URL = path.join(dir, 'db.sqlite')
  process.env.FILES_DIR = path.join(dir, 'files')
})
afterAll(() => {
  process.env.DATABASE_URL = saved
  if (savedFiles === undefined) delete process.env.FILES_DIR
  else process.env.FILES_DIR = savedFiles
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('thbm', () => {
  it('lists its commands with --help, and every command has its own --help', async () => {
    const overview = await thbm('--help')
    expect(overview.code).toBe(0)
    for (const name of [
      'migrate',
      'seed',
      'user create',
      'user invite',
      'user reset-password',
      'backup',
      'restore',
      'framework export',
    ]) {
      expect(overview.out).toContain(name)
      const help = await thbm(...name.split(' '), '--help')
      expect(help.code, name).toBe(0)
      expect(help.out).toContain(`thbm ${name}`)
    }
  })

  it('answers bad arguments with a message and a non-zero exit', async () => {
    expect((await thbm('frobnicate')).code).toBe(2)
    const unknownOption = await thbm('migrate', '--colour')
    expect(unknownOption.code).toBe(2)
    const badRole = await thbm('user', 'invite', '--email', 'x@example.org', '--role', 'wizard')
    expect(badRole.code).toBe(2)
    expect(badRole.out).toContain('--role')
    const missing = await thbm('backup')
    expect(missing.code).toBe(2)
    expect(missing.out).toContain('--out is required')
  })

  it('migrates, creates users and links, exports the Handbook, backs up and restores', async () => {
    expect((await thbm('migrate')).code).toBe(0)
    expect((await thbm('seed', '--demo')).code).toBe(0)
    const created = await thbm('user', 'create', '--email', 'ops@example.org', '--name', 'Ops', '--role', 'admin')
    expect(created.code, created.out).toBe(0)
    expect(created.out).toMatch(/reset-password\?token=/)
    const weak = await thbm(
      'user',
      'create',
      '--email',
      'w@example.org',
      '--name',
      'W',
      '--role',
      'admin',
      '--password',
      'short',
    )
    expect(weak.code).toBe(1)
    expect(weak.out).toContain('--password')
    expect(
      (await thbm('user', 'invite', '--email', 'n@example.org', '--role', 'expert', '--country', 'RS')).out,
    ).toMatch(/invitation\?token=/)
    expect((await thbm('user', 'reset-password', '--email', 'lead.rs@example.org')).code).toBe(0)
    expect((await thbm('user', 'reset-password', '--email', 'nobody@example.org')).code).toBe(1)

    const json = path.join(dir, 'handbook.json')
    const exported = await thbm('framework', 'export', '--out', json)
    expect(exported.code, exported.out).toBe(0)
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).schema).toBe('thbm.framework')

    fs.mkdirSync(path.join(dir, 'files', 'ab'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'files', 'ab', 'abcdef'), 'evidence')
    const backup = path.join(dir, 'backup.tar')
    const written = await thbm('backup', backup)
    expect(written.code, written.out).toBe(0)
    expect(written.out).toContain('1 files')
    process.env.DATABASE_URL = path.join(dir, 'restored.sqlite')
    process.env.FILES_DIR = path.join(dir, 'restored-files')
    const restored = await thbm('restore', '--file', backup)
    expect(restored.code, restored.out).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'restored-files', 'ab', 'abcdef'), 'utf8')).toBe('evidence')
    expect((await thbm('restore', backup)).code).toBe(1)
    expect((await thbm('restore', backup, 'extra')).code).toBe(2)
  })
})

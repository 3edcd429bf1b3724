import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { thbm } from '../../test/cli.ts'

let dir: string
const saved = process.env.DATABASE_URL

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-cli-report-'))
  process.env.DATABASE_URL = path.join(dir, 'db.sqlite')
  expect((await thbm('seed', '--demo')).code).toBe(0)
}, 120_000)
afterAll(() => {
  process.env.DATABASE_URL = saved
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('thbm report', () => {
  it('writes the national report of the demo 2025 round in every format', async () => {
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
      ['html', '<!doctype html>'],
      ['pdf', '%PDF'],
    ] as const) {
      const out = path.join(dir, `rs.${format}`)
      const res = await thbm(
        'report',
        'national',
        '--round',
        '2025',
        '--country',
        'RS',
        '--format',
        format,
        '--out',
        out,
      )
      expect(res.code, res.out).toBe(0)
      expect(fs.readFileSync(out).subarray(0, magic.length).toString().toLowerCase()).toBe(magic.toLowerCase())
    }
  }, 120_000)

  it('writes the published regional report in Serbian, with small counts withheld', async () => {
    const out = path.join(dir, 'region.xlsx')
    const res = await thbm(
      'report',
      'regional',
      '--round',
      '2024',
      '--published',
      '--lang',
      'sr-Cyrl',
      '--format',
      'xlsx',
      '--out',
      out,
    )
    expect(res.code, res.out).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const values: unknown[] = []
    for (const sheet of wb.worksheets) sheet.eachRow((row) => values.push(...(row.values as unknown[])))
    expect(values.some((v) => typeof v === 'string' && /[А-Яа-я]/.test(v))).toBe(true)
    // In a public workbook the statistics hold no count from 1 to 4.
    const stats = wb.worksheets.find((s) => s.name === 'Статистика')
    expect(stats).toBeDefined()
    const numbers: number[] = []
    stats?.eachRow((row, n) => {
      if (n > 1) for (const v of row.values as unknown[]) if (typeof v === 'number') numbers.push(v)
    })
    expect(numbers.filter((v) => v >= 1 && v <= 4)).toEqual([])
  }, 120_000)

  it('explains bad arguments and missing data', async () => {
    const badFormat = await thbm(
      'report',
      'national',
      '--round',
      '2025',
      '--country',
      'RS',
      '--format',
      'odt',
      '--out',
      path.join(dir, 'x'),
    )
    expect(badFormat.code).toBe(2)
    expect(badFormat.out).toContain('--format')
    const notInRound = await thbm(
      'report',
      'national',
      '--round',
      '2025',
      '--country',
      'FR',
      '--out',
      path.join(dir, 'x'),
    )
    expect(notInRound.code).not.toBe(0)
    const open = await thbm('report', 'regional', '--round', '2026', '--out', path.join(dir, 'x'))
    expect(open.code).not.toBe(0)
    expect(open.out).toMatch(/validated/)
  })
})

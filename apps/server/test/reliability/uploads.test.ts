import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zipOf } from '../../src/modules/frameworks/xlsx/test-fixtures.ts'
import { collectingRound, templateTestApp } from '../../src/modules/templates/template-test-support.ts'
import { snapshotDatabase } from '../db-state.ts'
import { asUser } from '../factories.ts'
import { frameworkDoc } from '../framework-fixture.ts'
import type { TestApp } from '../test-app.ts'
import { multipart } from './multipart.ts'

/**
 * Malformed files on every upload route (evidence, data-collection template, framework import): each is refused
 * with a 4xx and leaves the database as it was.
 */

let t: TestApp
let admin: string
let provider: string
let roundId: string
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Data').addRows(Array.from({ length: 200 }, (_, i) => [`row ${i}`, i]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Deflates to a few hundred KiB, inflates to 110 MiB: over the 100 MiB limit. */
const BOMB_CONTENT = () => deflateRawSync(Buffer.alloc(110 * 1024 * 1024, 0x20), { level: 9 })

let files: Record<string, { data: Buffer; filename: string }>

beforeAll(async () => {
  const fixture = await templateTestApp()
  t = fixture.t
  provider = fixture.cookies.provider
  admin = (await asUser(t.app, 'admin')).cookie
  roundId = await collectingRound(t, fixture.cookies, fixture.versionId, { 'IDN-1': [fixture.ngo.id] })
  const xlsx = await workbook()
  const bomb = BOMB_CONTENT()
  const officeNames = ['[Content_Types].xml', 'xl/workbook.xml', 'word/document.xml']
  files = {
    'truncated XLSX': { data: xlsx.subarray(0, xlsx.length >> 1), filename: 'data.xlsx' },
    'zip bomb (sizes declared)': {
      data: zipOf(officeNames.map((name) => ({ name, data: bomb, method: 8, size: 110 * 1024 * 1024 }))),
      filename: 'bomb.xlsx',
    },
    'zip bomb (sizes hidden)': {
      data: zipOf(officeNames.map((name) => ({ name, data: bomb, method: 8, size: 1024 }))),
      filename: 'bomb.xlsx',
    },
    'PDF and zip polyglot': { data: Buffer.concat([PDF, xlsx]), filename: 'report.pdf' },
    'program named .xlsx': { data: Buffer.from('\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0'), filename: 'data.xlsx' },
    'web page named .pdf': { data: Buffer.from('<html><script>alert(1)</script></html>'), filename: 'report.pdf' },
    'PDF named .xlsx': { data: PDF, filename: 'template.xlsx' },
    'empty file': { data: Buffer.alloc(0), filename: 'empty.xlsx' },
    'JSON 10,000 levels deep': { data: Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`), filename: 'f.json' },
    'framework JSON with NUL': {
      data: Buffer.from(JSON.stringify(frameworkDoc()).replace(/"title":\{"en":"/, '"title":{"en":"\\u0000')),
      filename: 'framework.json',
    },
  }
}, 120_000)
afterAll(() => t.close())

const ROUTES = {
  evidence: () => ({ url: '/api/files', fields: { country: 'RS' }, cookie: provider }),
  template: () => ({ url: `/api/rounds/${roundId}/countries/RS/template`, fields: {}, cookie: provider }),
  'framework import': () => ({ url: '/api/frameworks/import', fields: {}, cookie: admin }),
}

describe('malformed uploads', () => {
  for (const [routeName, route] of Object.entries(ROUTES))
    it(`${routeName}: every malformed file is refused with a 4xx and changes nothing`, async () => {
      const { url, fields, cookie } = route()
      const answers: Record<string, number | string> = {}
      const before = await snapshotDatabase(t.db)
      for (const [name, file] of Object.entries(files)) {
        // The NUL check is for the framework import; for the others, that file is plain (valid) JSON text.
        if (name === 'framework JSON with NUL' && routeName !== 'framework import') continue
        const { payload, headers } = multipart(file, fields)
        const res = await t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie } })
        answers[name] = res.statusCode >= 400 && res.statusCode < 500 ? 'a 4xx' : `${res.statusCode} ${res.body}`
      }
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((name) => [name, 'a 4xx'])))
      expect(await snapshotDatabase(t.db)).toEqual(before)
    }, 60_000)
})

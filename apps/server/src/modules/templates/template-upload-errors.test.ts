import { deflateRawSync } from 'node:zlib'
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import { asUser, buildOrganisation } from '../../../test/factories.ts'
import { frameworkDoc } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { importFrameworkDoc } from '../frameworks/import-framework.ts'
import { publishVersion } from '../frameworks/publish-version.ts'
import { zipOf } from '../frameworks/xlsx/test-fixtures.ts'
import { columnOf, TEMPLATE_SHEETS } from './template-layout.ts'
import {
  collectingRound,
  type Edit,
  fillTemplate,
  issuePaths,
  rewriteParts,
  rowNumberOf,
  uploadTemplate,
} from './template-test-support.ts'

let t: TestApp
const cookies = { coordinator: '', lead: '', provider: '' }
let versionId: string
let ngo: { id: string }
let roundId: string
let template: Buffer
const url = (round = roundId, country = 'RS') => `/api/rounds/${round}/countries/${country}/template`
const upload = (data: Buffer, target = url()) =>
  expectNoChange(t.db, () => uploadTemplate(t, cookies.provider, target, data))

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  cookies.coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  cookies.lead = (await asUser(t.app, 'country_lead', 'RS')).cookie
  ngo = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter NGO' })
  cookies.provider = (await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })).cookie
  const frameworks = await t.app.inject({ method: 'GET', url: '/api/frameworks', headers: { cookie: cookies.lead } })
  versionId = frameworks.json().data[0].versions[0].id
  const assigned = { 'IDN-4': [ngo.id], 'COR-5': [ngo.id], 'JUS-5': [ngo.id], 'IDN-8': [ngo.id] }
  roundId = await collectingRound(t, cookies, versionId, assigned)
  const res = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: cookies.provider } })
  template = res.rawPayload
})
afterAll(() => t.close())

describe('a filled template with bad values', () => {
  it.each<[string, Edit[], string, string]>([
    [
      'text in a number cell',
      [{ code: 'IDN-4', key: 'cell:victim_status=identified', value: 'twelve' }],
      'cell:victim_status=identified',
      'is not a number',
    ],
    [
      'a formula in a number cell',
      [{ code: 'JUS-5', key: 'number', value: { formula: 'SUM(1,2)' } }],
      'number',
      'formulas are not calculated',
    ],
    ['a negative count', [{ code: 'JUS-5', key: 'number', value: -3 }], 'number', 'cannot be negative'],
    [
      'a negative part',
      [{ code: 'IDN-4', key: 'cell:victim_status=presumed', value: -1 }],
      'cell:victim_status=presumed',
      'cannot be negative',
    ],
    ['a count with decimals', [{ code: 'JUS-5', key: 'number', value: 2.5 }], 'number', 'whole number'],
    [
      'a numerator over its denominator',
      [
        { code: 'COR-5', key: 'numerator', value: 12 },
        { code: 'COR-5', key: 'denominator', value: 10 },
      ],
      'numerator',
      'over 100 %',
    ],
    ['an unknown choice', [{ code: 'IDN-8', key: 'choice', value: 'maybe' }], 'choice', 'Choose one of'],
    ['an unknown "no data" word', [{ code: 'IDN-8', key: 'noData', value: 'n/a' }], 'noData', 'no data'],
  ])('refuses %s with its cell, and changes nothing', async (_name, edits, key, message) => {
    const filled = await fillTemplate(template, edits)
    const res = await upload(filled)
    expect(res.statusCode, res.body).toBe(400)
    const row = await rowNumberOf(filled, edits[0]?.code as string, key)
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: `Data!H${row}`, message: expect.stringContaining(message) }),
    ])
  })

  it('reports every problem at once', async () => {
    const filled = await fillTemplate(template, [
      { code: 'JUS-5', key: 'number', value: -1 },
      { code: 'IDN-8', key: 'choice', value: 'maybe' },
      { code: 'IDN-4', key: 'cell:victim_status=identified', value: 'x' },
    ])
    const rows = await Promise.all(
      (['IDN-4:cell:victim_status=identified', 'IDN-8:choice', 'JUS-5:number'] as const).map((k) =>
        rowNumberOf(filled, k.slice(0, 5), k.slice(6)),
      ),
    )
    expect(issuePaths(await upload(filled))).toEqual(rows.map((r) => `Data!H${r}`))
  })

  it("reports every cell problem of one indicator's rows at once, with its cell and code", async () => {
    const edits: Edit[] = [
      { code: 'IDN-4', key: 'cell:victim_status=identified', value: 'пет' },
      { code: 'IDN-4', key: 'cell:victim_status=presumed', value: 2.5 },
      { code: 'IDN-4', key: 'cell:sex=female;victim_status=identified', value: -1 },
      { code: 'IDN-4', key: 'cell:sex=male;victim_status=identified', value: { formula: 'A1+2' } },
      { code: 'IDN-4', key: 'cell:sex=female;victim_status=presumed', value: 1.5 },
      { code: 'COR-5', key: 'numerator', value: 'x' },
      { code: 'COR-5', key: 'denominator', value: 0 },
      // An unknown "no data" word does not hide the value's problems; nor does a figure too large its text's.
      { code: 'IDN-4', key: 'noData', value: 'n/a' },
      { code: 'JUS-5', key: 'number', value: 1e16 },
      { code: 'JUS-5', key: 'noDataReason', value: 'x'.repeat(5001) },
    ]
    const filled = await fillTemplate(template, edits)
    const res = await upload(filled)
    expect(res.statusCode, res.body).toBe(400)
    const expected = [
      ['IDN-4', 'cell:victim_status=identified', 'number', 'IDN-4: "пет" is not a number'],
      ['IDN-4', 'cell:victim_status=presumed', 'number.whole', 'IDN-4: A count is a whole number'],
      ['IDN-4', 'cell:sex=female;victim_status=identified', 'number.negative', 'IDN-4: A part of a breakdown'],
      ['IDN-4', 'cell:sex=male;victim_status=identified', 'number', 'formulas are not calculated'],
      ['IDN-4', 'cell:sex=female;victim_status=presumed', 'number.whole', 'IDN-4: A count is a whole number'],
      ['COR-5', 'numerator', 'number', 'COR-5: "x" is not a number'],
      ['COR-5', 'denominator', 'number.zero', 'COR-5: The denominator must be above zero'],
      ['IDN-4', 'noData', 'noData', 'IDN-4: Choose "no data" from the list'],
      ['JUS-5', 'number', 'number.range', 'JUS-5: This number is outside the range'],
      ['JUS-5', 'noDataReason', 'text.tooLong', 'JUS-5: This text is too long (at most 5000 characters)'],
    ] as const
    const rows = await Promise.all(expected.map(([code, key]) => rowNumberOf(filled, code, key)))
    expect(res.json().error.details.issues).toEqual(
      expected
        .map(([, , code, message], i) => ({
          row: rows[i] as number,
          issue: { path: `Data!H${rows[i]}`, code, message: expect.stringContaining(message) },
        }))
        .sort((a, b) => a.row - b.row)
        .map((e) => e.issue),
    )
    expect(res.json().error.message).toBe('The workbook has 10 problem(s); nothing was imported')
  })
})

describe('a template that does not fit', () => {
  it('refuses a template of another round or country, naming the signature cell', async () => {
    const other = await collectingRound(
      t,
      cookies,
      versionId,
      { 'IDN-8': [ngo.id] },
      { from: '2025-01-01', to: '2025-12-31' },
    )
    const filled = await fillTemplate(template, [{ code: 'IDN-8', key: 'choice', value: 'yes' }])
    const wrongRound = await upload(filled, url(other))
    expect(wrongRound.statusCode).toBe(400)
    expect(issuePaths(wrongRound)).toEqual(['Signature!B3'])
    await t.db.insertInto('roundCountries').values({ roundId, countryCode: 'AL' }).execute()
    const admin = await asUser(t.app, 'admin')
    const wrongCountry = await expectNoChange(t.db, () => uploadTemplate(t, admin.cookie, url(roundId, 'AL'), filled))
    expect(issuePaths(wrongCountry)).toEqual(['Signature!B4'])
    await t.db.deleteFrom('roundCountries').where('roundId', '=', roundId).where('countryCode', '=', 'AL').execute()
  })

  it('refuses a template of another framework version', async () => {
    const system = { actor: null, requestId: null }
    const doc = frameworkDoc({ framework: { code: 'OTHER', name: { en: 'Other' }, baseLocale: 'en' } })
    const other = await withTransaction(t.db, async (trx) => {
      const id = await importFrameworkDoc(trx, system, doc)
      await publishVersion(trx, system, id, 1)
      return id
    })
    const filled = await fillTemplate(template, [{ code: 'IDN-8', key: 'choice', value: 'yes' }])
    // A round whose version changed after the download (the API allows that only while planning).
    await t.db.updateTable('rounds').set({ frameworkVersionId: other }).where('id', '=', roundId).execute()
    try {
      const res = await upload(filled)
      expect(res.statusCode).toBe(400)
      expect(issuePaths(res)).toEqual(['Signature!B5'])
    } finally {
      await t.db.updateTable('rounds').set({ frameworkVersionId: versionId }).where('id', '=', roundId).execute()
    }
  })

  it.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
    ['a renamed Data sheet', (wb) => ((wb.getWorksheet('Data') as ExcelJS.Worksheet).name = 'Daten'), ['Data']],
    [
      'a moved column',
      (wb) => (wb.getWorksheet('Data') as ExcelJS.Worksheet).spliceColumns(3, 1),
      ['Data!C1', 'Data!D1', 'Data!E1', 'Data!F1', 'Data!G1', 'Data!H1', 'Data!I1'],
    ],
    [
      'two rows swapped',
      (wb) => {
        const sheet = wb.getWorksheet('Data') as ExcelJS.Worksheet
        const a = sheet.getRow(3).values
        sheet.getRow(3).values = sheet.getRow(2).values as ExcelJS.CellValue[]
        sheet.getRow(2).values = a as ExcelJS.CellValue[]
      },
      ['Data!B2', 'Data!B3'],
    ],
    ['a deleted row', (wb) => (wb.getWorksheet('Data') as ExcelJS.Worksheet).spliceRows(5, 1), ['Data!B5']],
    [
      'an edited signature',
      (wb) => {
        ;(wb.getWorksheet('Signature') as ExcelJS.Worksheet).getCell('B6').value = 'someone-else'
      },
      ['Signature!B9'],
    ],
  ])('refuses %s', async (_name, change, paths) => {
    const res = await upload(await fillTemplate(template, [], change))
    expect(res.statusCode, res.body).toBe(400)
    expect(issuePaths(res).slice(0, paths.length)).toEqual(paths)
  })

  it('gives a changed row and a row added below the template a code the web words', async () => {
    const res = await upload(
      await fillTemplate(template, [], (wb) => {
        const sheet = wb.getWorksheet('Data') as ExcelJS.Worksheet
        sheet.getCell(4, columnOf('code')).value = 'IDN-9'
        sheet.getCell(sheet.rowCount + 1, columnOf('value')).value = 5
      }),
    )
    expect(res.statusCode, res.body).toBe(400)
    const issues = res.json().error.details.issues as { path: string; code?: string }[]
    expect(issues.map((i) => [i.path.replace(/\d+$/, ''), i.code])).toEqual([
      ['Data!B', 'row.changed'],
      ['Data!A', 'row.added'],
    ])
  })

  it('refuses a sheet of 100,000 rows by its dimension, before reading cells', async () => {
    const big = await fillTemplate(template, [], (wb) => {
      ;(wb.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet).getCell(100_000, columnOf('value')).value = 1
    })
    const res = await upload(big)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([
      { path: 'Data', message: 'Sheet "Data" spans 100000 rows (A1:I100000); the limit is 20000' },
    ])
  })

  it('refuses a zip bomb, a damaged shared-strings part and an executable renamed .xlsx with 400', async () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/sharedStrings.xml', data: deflateRawSync(Buffer.alloc(5 * 1024 * 1024)), method: 8, size: 1000 },
    ])
    const damaged = rewriteParts(template, { 'xl/sharedStrings.xml': (xml) => xml.slice(0, xml.length / 2) })
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(2048, 1)])
    for (const [data, message] of [
      [bomb, 'xl/sharedStrings.xml is larger than it declares'],
      [damaged, 'could not be read'],
      [exe, 'not an XLSX workbook'],
    ] as const) {
      const res = await upload(data)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details.issues).toEqual([{ path: 'file', message: expect.stringContaining(message) }])
    }
  })

  it('refuses a file over 20 MB with 413, and a request without a file with 400', async () => {
    const res = await upload(Buffer.alloc(20 * 1024 * 1024 + 1, 0x50))
    expect(res.statusCode).toBe(413)
    const empty = await expectNoChange(t.db, () =>
      t.app.inject({ method: 'POST', url: url(), headers: { cookie: cookies.provider } }),
    )
    expect(empty.statusCode).toBe(400)
    expect(issuePaths(empty)).toEqual(['file'])
  })
})

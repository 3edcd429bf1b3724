import type { TranslationOverview } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../../test/db-state.ts'
import { asUser } from '../../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../../test/test-app.ts'
import { translationCalls } from './test-support.ts'

let t: TestApp
let coordinator: string
let call: ReturnType<typeof translationCalls>

beforeAll(async () => {
  t = await createTestApp()
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  call = translationCalls(t, () => coordinator)
})
afterAll(() => t.close())

/** Opens an exported workbook, lets `edit` change its Translations sheet, and writes it again. */
async function edited(data: Buffer, edit: (sheet: ExcelJS.Worksheet, rowOf: (address: string) => number) => void) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data as unknown as ExcelJS.Buffer)
  const sheet = book.getWorksheet('Translations') as ExcelJS.Worksheet
  const rowOf = (address: string) => {
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === address) return r
    throw new Error(`no row ${address}`)
  }
  edit(sheet, rowOf)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const versionOf = (o: TranslationOverview, key: string) => o.items.find((i) => i.key === key)?.version

describe('the translators workbook', () => {
  it('exports the languages asked for, with the Instructions in the language asked for', async () => {
    const id = await call.version('published')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await call.exportWorkbook(id, '?locales=sq,mk&lang=mk')) as unknown as ExcelJS.Buffer)
    expect(book.getWorksheet('Translations')?.getRow(1).values).toEqual([
      undefined,
      'address',
      'item',
      'field',
      'en (base)',
      'sq',
      'mk',
    ])
    expect(String(book.getWorksheet('Instructions')?.getCell('A1').value)).toMatch(/преводи/)
    const res = await call.send('GET', `/api/framework-versions/${id}/translations.xlsx?locales=sr-Latn`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('querystring.locales')
  })

  it('imports a filled-in Albanian column in one go: values stored, rows bumped, one audit row', async () => {
    const id = await call.version('published')
    const data = await edited(await call.exportWorkbook(id, '?locales=sq'), (sheet, rowOf) => {
      sheet.getCell(rowOf('indicator:IDN-1:definition'), 5).value = 'Përkufizimi i IDN-1'
      sheet.getCell(rowOf('indicator:AST-2:level:no'), 5).value = 'Jo'
      sheet.getCell(rowOf('version:notes'), 5).value = 'Versioni i parë'
    })
    const before = await call.overview(id)
    const seq = await lastAuditSeq(t.db)
    const res = await call.importWorkbook(id, data)
    expect(res.statusCode, res.body).toBe(200)
    const rows = before.items.reduce((n, i) => n + i.texts.length, 0)
    expect(res.json().data).toEqual({ changed: 3, rows })
    expect(await call.text(id, 'indicator:IDN-1:definition')).toEqual({
      en: 'Definition of IDN-1',
      sq: 'Përkufizimi i IDN-1',
    })
    expect(await call.text(id, 'indicator:AST-2:level:no')).toEqual({ en: 'No', sq: 'Jo' })
    const after = await call.overview(id)
    expect(versionOf(after, 'indicator:IDN-1')).toBe((versionOf(before, 'indicator:IDN-1') ?? 0) + 1)
    expect(versionOf(after, 'framework')).toBe((versionOf(before, 'framework') ?? 0) + 1)
    expect(versionOf(after, 'indicator:IDN-2')).toBe(versionOf(before, 'indicator:IDN-2'))
    const audit = await auditRowsAfter(t.db, seq)
    expect(audit.map((a) => [a.action, a.summary.after])).toEqual([
      ['frameworkVersion.translationsImported', { version: '1.0', rows, changed: 3, items: 3, locales: ['sq'] }],
    ])
    // The same file again changes nothing.
    const again = await call.importWorkbook(id, data)
    expect(again.json().data).toEqual({ changed: 0, rows })
  })

  it('lists every problem with its cell and changes nothing', async () => {
    const id = await call.version()
    const data = await edited(await call.exportWorkbook(id), (sheet, rowOf) => {
      const title = rowOf('indicator:IDN-1:title')
      sheet.getCell(title, 6).value = 'Titulli'
      sheet.getCell(rowOf('indicator:IDN-2:title'), 1).value = 'indicator:IDN-9:title'
      sheet.getCell(rowOf('indicator:IDN-3:title'), 1).value = 'indicator:IDN-1:title'
      sheet.getCell(rowOf('indicator:AST-1:guidance'), 7).value = 'м'.repeat(20_001)
      sheet.getCell(1, 10).value = 'sr-Latn'
    })
    const res = await expectNoChange(t.db, () => call.importWorkbook(id, data))
    expect(res.statusCode, res.body).toBe(400)
    const issues = res.json().error.details.issues as { path: string; message: string }[]
    expect(issues.map((i) => i.path)).toEqual([
      'Translations!J1',
      expect.stringMatching(/^Translations!A\d+$/),
      expect.stringMatching(/^Translations!A\d+$/),
      expect.stringMatching(/^Translations!G\d+$/),
    ])
    expect(issues[0]?.message).toMatch(/Serbian Latin/)
    expect(issues[1]?.message).toMatch(/'indicator:IDN-9:title'/)
    expect(issues[2]?.message).toMatch(/'indicator:IDN-1:title' appears twice/)
    expect(issues[3]?.message).toMatch(/Too long/)
    expect(await call.text(id, 'indicator:IDN-1:title')).toEqual({ en: 'Title of IDN-1' })
  })

  it('refuses a file whose base text changed since it was exported', async () => {
    const id = await call.version()
    const exported = await call.exportWorkbook(id, '?locales=sq')
    const patch = await call.send('PATCH', `/api/framework-versions/${id}/indicators/IDN-2`, {
      version: 1,
      definition: { en: 'A sharper definition of IDN-2' },
    })
    expect(patch.statusCode, patch.body).toBe(200)
    let row = 0
    const data = await edited(exported, (sheet, rowOf) => {
      row = rowOf('indicator:IDN-2:definition')
      sheet.getCell(row, 5).value = 'Përkufizimi'
      sheet.getCell(rowOf('indicator:IDN-1:definition'), 5).value = 'Përkufizimi 1'
    })
    const res = await expectNoChange(t.db, () => call.importWorkbook(id, data))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([
      { path: `Translations!D${row}`, message: expect.stringMatching(/base text changed.*download a new file/) },
    ])
  })

  it('refuses files that are not workbooks, and people who may not translate', async () => {
    const id = await call.version()
    const notXlsx = await expectNoChange(t.db, () => call.importWorkbook(id, Buffer.from('{"a":1}')))
    expect(notXlsx.statusCode).toBe(400)
    expect(notXlsx.json().error.details.issues[0].path).toBe('file')
    const observer = (await asUser(t.app, 'observer')).cookie
    const res = await call.importWorkbook(id, await call.exportWorkbook(id), observer)
    expect(res.statusCode).toBe(403)
  })
})

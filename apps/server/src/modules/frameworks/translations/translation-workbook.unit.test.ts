import type { Issue } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { frameworkDoc } from '../../../../test/framework-fixture.ts'
import { AppError } from '../../../errors.ts'
import { loadWorkbook } from '../xlsx/load-workbook.ts'
import { readTranslationWorkbook } from './read-translation-workbook.ts'
import { indexTexts } from './text-index.ts'
import { writeTranslationWorkbook } from './translation-workbook.ts'

const doc = () => {
  const d = frameworkDoc()
  d.indicators[0] = {
    ...(d.indicators[0] as (typeof d.indicators)[number]),
    title: { en: 'Title of IDN-1', sq: 'Titulli' },
  }
  return d
}

/** The written workbook, changed by `edit` on its Translations sheet, read back against the document. */
async function roundTrip(edit: (sheet: ExcelJS.Worksheet) => void, locales = ['sq', 'mk'] as const) {
  const d = doc()
  const written = await writeTranslationWorkbook(d, locales, 'en')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(written as unknown as ExcelJS.Buffer)
  edit(book.getWorksheet('Translations') as ExcelJS.Worksheet)
  const data = Buffer.from(await book.xlsx.writeBuffer())
  const index = indexTexts(d)
  return { rows: readTranslationWorkbook(await loadWorkbook(data), index, 'en'), index }
}

async function problems(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Issue[]> {
  try {
    await roundTrip(edit)
  } catch (error) {
    if (error instanceof AppError) return (error.details as { issues: Issue[] }).issues
    throw error
  }
  throw new Error('the workbook was accepted')
}

describe('the translators workbook', () => {
  it('has the address, item, field, base text and one column per language asked for', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await writeTranslationWorkbook(doc(), ['sq', 'mk'], 'sq')) as unknown as ExcelJS.Buffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Translations'])
    const sheet = book.getWorksheet('Translations') as ExcelJS.Worksheet
    expect(sheet.getRow(1).values).toEqual([undefined, 'address', 'item', 'field', 'en (base)', 'sq', 'mk'])
    const row = sheet.getRow(8).values as unknown[]
    expect(row.slice(1)).toEqual(['indicator:IDN-1:title', 'IDN-1', 'title', 'Title of IDN-1', 'Titulli'])
    expect(sheet.getRow(13).getCell(3).value).toBe('level 2')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(8).getCell(5).protection).toMatchObject({ locked: false })
    expect(sheet.getRow(8).getCell(4).protection?.locked).not.toBe(false)
    // The Instructions are in the language asked for.
    expect(String(book.getWorksheet('Instructions')?.getCell('A1').value)).toMatch(/përkthim/i)
  })

  it('reads back what translators typed, with empty cells as empty texts', async () => {
    const { rows } = await roundTrip((sheet) => {
      sheet.getCell('E9').value = 'Përkufizimi'
      sheet.getCell('F9').value = 'Дефиниција'
      sheet.getCell('E8').value = null
    })
    const byAddress = new Map(rows.map((r) => [r.entry.address, Object.fromEntries(r.values)]))
    expect(byAddress.get('indicator:IDN-1:definition')).toEqual({ sq: 'Përkufizimi', mk: 'Дефиниција' })
    expect(byAddress.get('indicator:IDN-1:title')).toEqual({ sq: '', mk: '' })
    expect(rows).toHaveLength(indexTexts(doc()).size)
  })

  it('ignores columns of notes and rows left out', async () => {
    const { rows } = await roundTrip((sheet) => {
      sheet.getCell('H1').value = 'Translator notes'
      sheet.getCell('H9').value = 'check with the lawyer'
      sheet.spliceRows(3, 2)
    })
    expect(rows).toHaveLength(indexTexts(doc()).size - 2)
  })

  it('lists every problem with its cell', async () => {
    const issues = await problems((sheet) => {
      sheet.getCell('A10').value = 'indicator:NOPE-1:title'
      sheet.getCell('A11').value = 'indicator:IDN-1:title'
      sheet.getCell('D12').value = 'A different base text'
      sheet.getCell('E13').value = 'x'.repeat(20_001)
    })
    expect(issues.map((i) => i.path)).toEqual([
      'Translations!A10',
      'Translations!A11',
      'Translations!D12',
      'Translations!E13',
    ])
    expect(issues[0]?.message).toMatch(/NOPE-1/)
    expect(issues[1]?.message).toMatch(/appears twice \(also on row 8\)/)
    expect(issues[2]?.message).toMatch(/base text changed since this file was exported/)
    expect(issues[3]?.message).toMatch(/Too long/)
  })

  it('refuses a Serbian Latin column, the base language, an unknown language and a missing base column', async () => {
    const issues = await problems((sheet) => {
      sheet.getCell('D1').value = 'base'
      sheet.getCell('H1').value = 'sr-Latn'
      sheet.getCell('I1').value = 'en'
      sheet.getCell('J1').value = 'de'
    })
    expect(issues.map((i) => i.path)).toEqual([
      'Translations!H1',
      'Translations!I1',
      'Translations!J1',
      'Translations!1:1',
    ])
    expect(issues[0]?.message).toMatch(/generated|made from Serbian Cyrillic/)
    expect(issues[3]?.message).toMatch(/en \(base\)/)
  })
})

import { CONTENT_LOCALES } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { sampleDoc } from './test-fixtures.ts'
import { writeFrameworkXlsx } from './write-framework-xlsx.ts'

async function written(change?: (doc: ReturnType<typeof sampleDoc>) => void): Promise<ExcelJS.Workbook> {
  const doc = sampleDoc()
  change?.(doc)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await writeFrameworkXlsx(doc)) as unknown as ExcelJS.Buffer)
  return workbook
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1)

describe('writeFrameworkXlsx', () => {
  it('writes the documented sheets, with the Lists sheet hidden', async () => {
    const workbook = await written()
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Instructions', 'visible'],
      ['Framework', 'visible'],
      ['Areas', 'visible'],
      ['Indicators', 'visible'],
      ['Scales', 'visible'],
      ['Legal references', 'visible'],
      ['Custom dimensions', 'visible'],
      ['Translations', 'visible'],
      ['Lists', 'hidden'],
    ])
  })

  it('gives each data sheet a bold, frozen header row of readable columns', async () => {
    const workbook = await written()
    const indicators = workbook.getWorksheet('Indicators')
    expect(indicators && headers(indicators)).toEqual([
      'code',
      'area',
      'title',
      'definition',
      'guidance',
      'kind',
      'measurement type',
      'currency',
      'unit',
      'disaggregations',
      'core',
      'framework indicator',
      'red flag',
      'weight',
      'topics',
      'sources',
      'lineage type',
      'lineage from',
    ])
    const translations = workbook.getWorksheet('Translations')
    expect(translations && headers(translations)).toEqual(['address', ...CONTENT_LOCALES])
    for (const name of [
      'Framework',
      'Areas',
      'Indicators',
      'Scales',
      'Legal references',
      'Custom dimensions',
      'Translations',
    ]) {
      const sheet = workbook.getWorksheet(name)
      expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet?.getCell('A1').font?.bold).toBe(true)
      expect(sheet?.getColumn(1).width).toBeGreaterThan(5)
      expect(sheet?.getCell('A2').alignment?.wrapText).toBe(true)
    }
  })

  it('shows the base locale on the main sheets and every locale on the Translations sheet', async () => {
    const workbook = await written()
    const indicators = workbook.getWorksheet('Indicators')
    expect(indicators?.getCell('A2').value).toBe('IDN-1')
    expect(indicators?.getCell('C2').value).toBe('National referral mechanism')
    expect(indicators?.getCell('J4').value).toBe('sex, age_group')
    expect(indicators?.getCell('K2').value).toBe('yes')
    const translations = workbook.getWorksheet('Translations')
    const rows = (translations?.getSheetValues() ?? []).slice(2).map((row) => (Array.isArray(row) ? row.slice(1) : []))
    expect(rows).toContainEqual(['framework:name', 'Anti-trafficking framework', 'Оквир', 'Okvir'])
    expect(rows.map((row) => row[0])).toContain('indicator:IDN-1:level:2')
    expect(rows.map((row) => row[0])).toContain('indicator:PRE-1:dimension:region:category:north')
  })

  it('offers dropdowns for kinds, measurement types, lineage, yes/no, areas, instruments and the base locale', async () => {
    const workbook = await written()
    const lists = workbook.getWorksheet('Lists')
    const source = (sheet: string, cell: string) => workbook.getWorksheet(sheet)?.getCell(cell).dataValidation
    const listValues = (formula: string | undefined) => {
      const [, column, from, to] = /^Lists!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(formula ?? '') ?? []
      const values: unknown[] = []
      for (let row = Number(from); row <= Number(to); row++) values.push(lists?.getCell(`${column}${row}`).value)
      return values
    }
    const cases: [string, string, unknown[]][] = [
      ['Indicators', 'F5', ['structure', 'process', 'outcome']],
      ['Indicators', 'G2', ['yes_partial_no', 'rubric', 'count', 'amount', 'percentage', 'text']],
      ['Indicators', 'Q3', ['new', 'unchanged', 'reworded', 'renamed', 'merged', 'split']],
      ['Indicators', 'M2', ['yes', 'no']],
      ['Indicators', 'B9', ['IDN', 'PRE']],
      ['Framework', 'B4', [...CONTENT_LOCALES]],
    ]
    for (const [sheet, cell, expected] of cases) {
      const validation = source(sheet, cell)
      expect(validation?.type, `${sheet}!${cell}`).toBe('list')
      expect(listValues(validation?.formulae?.[0] as string | undefined)).toEqual(expected)
    }
    expect(source('Legal references', 'B2')?.type).toBe('list')
  })

  it('writes every value as a plain string or number, never a formula', async () => {
    const workbook = await written((doc) => {
      const first = doc.indicators[0]
      if (first) first.title = { en: '=SUM(A1)' }
    })
    expect(workbook.getWorksheet('Indicators')?.getCell('C2').type).toBe(ExcelJS.ValueType.String)
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type)
        })
      })
    })
  })

  it('explains the sheets, lists and the translation rule on the Instructions sheet', async () => {
    const workbook = await written()
    const text = (workbook.getWorksheet('Instructions')?.getSheetValues() ?? []).flat().join('\n')
    expect(text).toContain('Do not rename the sheets')
    expect(text).toContain('for the base locale, the main sheets win')
    expect(text).toContain('separated by commas')
  })
})

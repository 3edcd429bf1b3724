import type { CellValue, Worksheet } from 'exceljs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { cleanupOffice, convertToPdf, hasOfficeCalc, pdfText } from '../../../test/office.ts'
import { CHILDREN_CODE, nationalFixture, regionalFixture, VICTIMS_CODE } from '../../../test/report-fixture.ts'
import { renderXlsx } from './render-xlsx.ts'

async function open(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  return workbook
}

/** A sheet's rows as objects keyed by the header row's texts. */
function records(sheet: Worksheet): Record<string, CellValue>[] {
  const headers = (sheet.getRow(1).values as CellValue[]).slice(1).map(String)
  const out: Record<string, CellValue>[] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const values = row.values as CellValue[]
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])))
  })
  return out
}

function sheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`No sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`)
  return found
}

/** LibreOffice starts cold for each conversion; a loaded CI machine needs time. */
const OFFICE_TIMEOUT = 180_000

describe('renderXlsx', () => {
  it('writes tidy tables of a national report whose values equal the data (internal)', async () => {
    const data = nationalFixture()
    const workbook = await open(await renderXlsx(data, 'en', 'internal', 5))
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Indicators',
      'Area scores',
      'Statistics',
      'Recommendations',
      'About',
    ])

    const indicatorsSheet = sheet(workbook, 'Indicators')
    expect(indicatorsSheet.getRow(1).font?.bold).toBe(true)
    expect(indicatorsSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(indicatorsSheet.autoFilter).toBeTruthy()
    const indicators = records(indicatorsSheet)
    const all = data.areas.flatMap((a) => a.indicators)
    expect(indicators.map((r) => r.Code)).toEqual(all.map((i) => i.code))
    const byCode = new Map(indicators.map((r) => [r.Code, r]))
    expect(byCode.get('IDN-1')).toMatchObject({
      'Country code': 'RS',
      Country: 'Serbia',
      Round: 'Round 2025',
      'Area code': 'IDN',
      Indicator: 'National referral mechanism in place',
      'Measurement type': 'Rubric (levels 0–4)',
      Value: 'Level 3: Mostly applied',
      'No data': 'No',
      "Score on the indicator's scale": 3,
      'Score (0–100)': 75,
      Confidence: 'High',
      Sources: 'Ministry of Interior; Центар за заштиту жртава трговине људима; ASTRA',
    })
    expect(byCode.get('IDN-2')).toMatchObject({ Value: 'Partially', 'Score (0–100)': 50 })
    expect(byCode.get(VICTIMS_CODE)).toMatchObject({ Value: 50, Unit: 'persons' })
    expect(byCode.get('AST-1')).toMatchObject({ Value: 125000, Unit: 'EUR' })
    expect(byCode.get('AST-2')?.Value).toBeCloseTo((3 / 36) * 100, 10)
    expect(byCode.get('AST-4')?.Value).toBe(all.find((i) => i.code === 'AST-4')?.value?.text)
    expect(byCode.get('COO-1')).toMatchObject({
      'No data': 'Yes',
      'Why there is no data': 'The action plan expired and no new one was adopted in the period.',
      Value: null,
    })

    const areas = records(sheet(workbook, 'Area scores'))
    expect(areas.map((r) => [r['Area code'], r['Area score'], r['Previous score']])).toEqual(
      data.areas.map((a) => [a.code, a.score, a.previousScore]),
    )

    const statistics = records(sheet(workbook, 'Statistics'))
    expect(statistics).toHaveLength(data.statistics.cells.length)
    expect(statistics.reduce((sum, r) => sum + Number(r.Value), 0)).toBe(
      data.statistics.cells.reduce((sum, c) => sum + c.value, 0),
    )
    expect(
      statistics.find(
        (r) =>
          r.Round === 'Round 2025' &&
          r.Code === VICTIMS_CODE &&
          r['Victim status'] === 'Identified' &&
          r.Breakdown === 'Sex' &&
          r.Category === 'Female',
      )?.Value,
    ).toBe(19)
    expect(statistics.find((r) => r.Code === CHILDREN_CODE && r.Round === 'Round 2023' && !r.Breakdown)?.Value).toBe(4)

    const recommendations = records(sheet(workbook, 'Recommendations'))
    expect(recommendations.map((r) => r.Recommendation)).toEqual(
      [...data.newRecommendations, ...data.followUps].map((r) => r.text),
    )
    expect(recommendations[2]).toMatchObject({ Priority: 'Urgent', 'Status in this round': 'Fully implemented' })

    const about = sheet(workbook, 'About')
    const aboutText = about.getSheetValues().flat().map(String).join('\n')
    expect(aboutText).toContain('National monitoring report: Serbia')
    expect(aboutText).toContain('shown as “<5”')
  })

  it('withholds small counts, and what would give them away, in public mode', async () => {
    const data = nationalFixture()
    const workbook = await open(await renderXlsx(data, 'en', 'public', 5))
    const statistics = records(sheet(workbook, 'Statistics'))
    const small = (v: CellValue) => typeof v === 'number' && v >= 1 && v <= 4
    expect(statistics.some((r) => small(r.Value))).toBe(false)
    expect(statistics.filter((r) => r.Value === '<5').length).toBe(
      data.statistics.cells.filter((c) => c.value >= 1 && c.value <= 4).length,
    )
    const indicators = records(sheet(workbook, 'Indicators'))
    // 3 of 36 received legal aid: a rate built on a small count is withheld too.
    expect(indicators.find((r) => r.Code === 'AST-2')?.Value).toEqual(expect.any(String))
    expect(indicators.some((r) => small(r.Value))).toBe(false)
  })

  it('writes a regional workbook in Serbian', async () => {
    const data = regionalFixture()
    const workbook = await open(await renderXlsx(data, 'sr-Cyrl', 'public', 5))
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Оцене области', 'Статистика', 'Спровођење', 'О документу'])
    const areas = records(sheet(workbook, 'Оцене области'))
    expect(areas).toHaveLength(data.countries.reduce((n, c) => n + c.areaScores.length, 0))
    expect(areas[0]).toMatchObject({ 'Шифра државе': 'RS', Држава: 'Србија', 'Оцена области': 62.5 })
    const implementation = records(sheet(workbook, 'Спровођење'))
    expect(implementation.map((r) => r['Стопа спровођења'])).toEqual([50, null, 62.5])
    const statistics = records(sheet(workbook, 'Статистика'))
    expect(statistics).toHaveLength(data.statistics.cells.length)
    expect(statistics.some((r) => typeof r.Вредност === 'number' && r.Вредност >= 1 && r.Вредност <= 4)).toBe(false)
  })

  it.skipIf(!hasOfficeCalc)(
    'opens in LibreOffice',
    async () => {
      const xlsx = await renderXlsx(nationalFixture(), 'sr-Cyrl', 'public', 5)
      const pdf = await convertToPdf({ name: 'annex.xlsx', data: xlsx })
      try {
        const text = await pdfText(pdf)
        expect(text).toContain('Србија')
        expect(text).toContain('IDN-1')
      } finally {
        await cleanupOffice(pdf)
      }
    },
    OFFICE_TIMEOUT,
  )
})

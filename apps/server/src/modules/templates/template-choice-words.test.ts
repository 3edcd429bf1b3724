import type { IndicatorWork, Locale } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import type { TestApp } from '../../../test/test-app.ts'
import { columnOf, TEMPLATE_SHEETS } from './template-layout.ts'
import {
  collectingRound,
  fillTemplate,
  rowNumberOf,
  rowsOf,
  templateTestApp,
  uploadTemplate,
} from './template-test-support.ts'

let t: TestApp
let cookies: Awaited<ReturnType<typeof templateTestApp>>['cookies']
let roundId: string
const base = () => `/api/rounds/${roundId}/countries/RS`

async function download(lang: Locale): Promise<Buffer> {
  const res = await t.app.inject({
    method: 'GET',
    url: `${base()}/template?lang=${lang}`,
    headers: { cookie: cookies.provider },
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.rawPayload
}

const choiceOf = async (code: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `${base()}/indicators/${code}`,
    headers: { cookie: cookies.lead },
  })
  return ((res.json().data as IndicatorWork).answers[0]?.value.choice ?? null) as string | null
}

beforeAll(async () => {
  const app = await templateTestApp()
  ;({ t, cookies } = app)
  roundId = await collectingRound(t, cookies, app.versionId, { 'IDN-8': [app.ngo.id], 'IDN-1': [app.ngo.id] })
})
afterAll(() => t.close())

describe('a yes / partial / no answer typed in a template', () => {
  it('keeps the codes in the dropdown, and lets a typed word stay with a hint in the language', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await download('sr-Cyrl')) as unknown as ExcelJS.Buffer)
    const [row] = rowsOf(wb, 'IDN-8', 'choice')
    const cell = (wb.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet).getCell(row as number, columnOf('value'))
    expect(cell.dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"yes,partial,no"'],
      errorStyle: 'information',
      error: expect.stringContaining('да, делимично и не'),
    })
  })

  it.each<[Locale, string, string]>([
    ['sr-Cyrl', ' ДА ', 'yes'],
    ['sr-Latn', 'Delimično', 'partial'],
    ['sq', 'jo', 'no'],
    ['en', 'Partially', 'partial'],
    ['mk', 'Да', 'yes'],
    ['bs', 'NE', 'no'],
    ['cnr', 'djelimično', 'partial'],
    // A word of another UI language, and a code in capitals, are accepted in any template.
    ['en', 'да', 'yes'],
    ['sq', 'NO', 'no'],
  ])('accepts in a %s template "%s" as %s', async (lang, typed, code) => {
    const filled = await fillTemplate(await download(lang), [{ code: 'IDN-8', key: 'choice', value: typed }])
    const res = await uploadTemplate(t, cookies.provider, `${base()}/template`, filled)
    expect(res.statusCode, res.body).toBe(200)
    expect(await choiceOf('IDN-8')).toBe(code)
  })

  it('refuses an unknown word, and a word where a rubric level belongs, with their cells', async () => {
    const filled = await fillTemplate(await download('sr-Cyrl'), [
      { code: 'IDN-8', key: 'choice', value: 'можда' },
      { code: 'IDN-1', key: 'choice', value: 'да' },
    ])
    const res = await expectNoChange(t.db, () => uploadTemplate(t, cookies.provider, `${base()}/template`, filled))
    expect(res.statusCode, res.body).toBe(400)
    const rows = [await rowNumberOf(filled, 'IDN-1', 'choice'), await rowNumberOf(filled, 'IDN-8', 'choice')]
    expect(res.json().error.details.issues).toEqual(
      rows
        .sort((a, b) => a - b)
        .map((row) => ({
          path: `Data!H${row}`,
          code: 'choice.invalid',
          message: expect.stringContaining('Choose one of'),
        })),
    )
  })
})

describe('an indicator taken off the list after the download', () => {
  it("names an indicator taken off the country's list since the download with a code the web words", async () => {
    const filled = await fillTemplate(await download('en'), [{ code: 'IDN-1', key: 'choice', value: '3' }])
    await t.db
      .deleteFrom('roundIndicators')
      .where('roundId', '=', roundId)
      .where('indicatorCode', '=', 'IDN-1')
      .execute()
    const res = await expectNoChange(t.db, () => uploadTemplate(t, cookies.provider, `${base()}/template`, filled))
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error.details.issues).toEqual([
      {
        path: `Data!H${await rowNumberOf(filled, 'IDN-1', 'choice')}`,
        code: 'indicator.removed',
        message: "IDN-1 is no longer in this country's list for the round",
      },
    ])
  })
})

import type { ImportBatch, IndicatorWork, TemplateImportResult } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import type { TestApp } from '../../../test/test-app.ts'
import { countryProgress } from '../rounds/progress.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { columnOf, TEMPLATE_SHEETS } from './template-layout.ts'
import {
  collectingRound,
  fillTemplate,
  issuePaths,
  rowNumberOf,
  rowsOf,
  templateTestApp,
  uploadTemplate,
} from './template-test-support.ts'

let t: TestApp
const SYSTEM = {
  id: 'system',
  email: '',
  name: '',
  memberships: [{ role: 'admin' as const, countryCode: null, organisationId: null }],
}
let cookies: Awaited<ReturnType<typeof templateTestApp>>['cookies']
let versionId: string
let ngo: { id: string }
let police: { id: string }

const ASSIGNMENTS = () => ({
  'IDN-1': [ngo.id],
  'IDN-8': [ngo.id],
  'IDN-4': [ngo.id],
  'COR-5': [ngo.id],
  'JUS-5': [ngo.id, police.id],
})
const base = (roundId: string, country = 'RS') => `/api/rounds/${roundId}/countries/${country}`
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } })
const send = (method: 'POST' | 'PUT', url: string, payload: object, cookie: string) =>
  t.app.inject({ method, url, payload, headers: { cookie } })
async function download(roundId: string, cookie = cookies.provider, query = ''): Promise<Buffer> {
  const res = await get(`${base(roundId)}/template${query}`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.rawPayload
}
const answersOf = (roundId: string) =>
  t.db.selectFrom('answers').selectAll().where('roundId', '=', roundId).orderBy('indicatorCode').execute()

beforeAll(async () => {
  ;({ t, cookies, versionId, ngo, police } = await templateTestApp())
})
afterAll(() => t.close())

describe('downloading a template', () => {
  it('has instructions in the language, one row per field with existing values, dropdowns and protection', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    await send(
      'PUT',
      `${base(roundId)}/indicators/IDN-1/answers/${ngo.id}`,
      { version: 0, value: { choice: '2' } },
      cookies.provider,
    )
    const res = await get(`${base(roundId)}/template?lang=sr-Latn`, cookies.provider)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="thbm-template-RS-2026\.xlsx"/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer)
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Instructions', 'visible'],
      ['Data', 'visible'],
      ['Signature', 'veryHidden'],
    ])
    expect(String(wb.getWorksheet('Instructions')?.getCell('A1').value)).toContain('šablon')
    const data = wb.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet
    expect(data.getCell('H1').value).toBe('Vrednost')
    expect(data.getColumn(columnOf('ref')).hidden).toBe(true)
    // Only the provider's own organisation, only its assigned indicators; JUS-5 is shared with the police.
    const codes = new Set<string>()
    data.eachRow((row, n) => {
      if (n > 1) codes.add(String(row.getCell(2).value))
    })
    expect([...codes].sort()).toEqual(['COR-5', 'IDN-1', 'IDN-4', 'IDN-8', 'JUS-5'])
    const [choice] = rowsOf(wb, 'IDN-1', 'choice')
    const cell = data.getCell(choice as number, columnOf('value'))
    expect(cell.value).toBe('2')
    expect(cell.protection?.locked).toBe(false)
    expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: ['"0,1,2,3,4"'] })
    expect(data.getCell(choice as number, columnOf('organisation')).protection?.locked).not.toBe(false)
    const [noData] = rowsOf(wb, 'IDN-4', 'noData')
    expect(data.getCell(noData as number, columnOf('value')).dataValidation?.formulae).toEqual(['"nema podataka"'])
    expect(rowsOf(wb, 'IDN-4', 'cell:sex=female;victim_status=identified')).toHaveLength(1)
    expect(rowsOf(wb, 'IDN-4', 'number')).toEqual([])
    expect((data as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true)
  })

  it('covers every organisation for the lead, or the one asked for', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await download(roundId, cookies.lead)) as unknown as ExcelJS.Buffer)
    expect(rowsOf(wb, 'JUS-5', 'number')).toHaveLength(2)
    const one = new ExcelJS.Workbook()
    await one.xlsx.load(
      (await download(roundId, cookies.lead, `?organisation=${police.id}`)) as unknown as ExcelJS.Buffer,
    )
    expect(rowsOf(one, 'JUS-5', 'number')).toHaveLength(1)
    expect(rowsOf(one, 'IDN-1', 'choice')).toEqual([])
  })
})

describe('uploading a filled template', () => {
  it('applies every change as one batch with the batch id, shows it in answers and progress, and reverts', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const url = `${base(roundId)}/indicators/IDN-1/answers/${ngo.id}`
    await send('PUT', url, { version: 0, value: { choice: '2' }, narrative: 'Before' }, cookies.provider)
    const filled = await fillTemplate(await download(roundId), [
      { code: 'IDN-1', key: 'choice', value: 3 },
      { code: 'IDN-8', key: 'choice', value: 'partial' },
      { code: 'IDN-4', key: 'cell:victim_status=identified', value: 12 },
      { code: 'IDN-4', key: 'cell:victim_status=presumed', value: 30 },
      { code: 'IDN-4', key: 'cell:sex=female;victim_status=identified', value: 7 },
      { code: 'IDN-4', key: 'narrative', value: 'From the shelter registry' },
      { code: 'COR-5', key: 'numerator', value: 3 },
      { code: 'COR-5', key: 'denominator', value: 4 },
    ])
    const seq = await lastAuditSeq(t.db)
    const res = await uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, filled)
    expect(res.statusCode, res.body).toBe(200)
    const result = res.json().data as TemplateImportResult
    expect(result.batch?.counts).toEqual({ created: 3, updated: 1 })
    expect(result.batch?.fileName).toBe('template.xlsx')
    expect(result.warnings).toEqual([])
    const audit = await auditRowsAfter(t.db, seq)
    expect(audit.map((a) => a.action)).toEqual([...Array(4).fill('answer.saved'), 'importBatch.applied'])

    const answers = await answersOf(roundId)
    expect(answers.map((a) => [a.indicatorCode, a.status, a.importBatchId])).toEqual(
      ['COR-5', 'IDN-1', 'IDN-4', 'IDN-8'].map((c) => [c, 'draft', result.batch?.id]),
    )
    const work = (await get(`${base(roundId)}/indicators/IDN-4`, cookies.lead)).json().data as IndicatorWork
    expect(work.answers[0]?.cells).toEqual([
      { key: 'sex=female;victim_status=identified', value: 7 },
      { key: 'victim_status=identified', value: 12 },
      { key: 'victim_status=presumed', value: 30 },
    ])
    expect(work.answers[0]?.narrative).toBe('From the shelter registry')
    // Through the query: GET …/progress answers 500 while a country has drafts (sources[].status is the raw
    // answer status there, not the work status), a bug in rounds/progress.ts reported separately.
    const round = (await loadRound(t.db, roundId)) as LoadedRound
    const progress = await countryProgress(t.db, SYSTEM, round, 'RS', '2026-06-01')
    expect(progress.indicators.find((r) => r.code === 'COR-5')).toMatchObject({
      status: 'in_progress',
      sources: [expect.objectContaining({ organisationId: ngo.id })],
    })

    const listed = (await get(`${base(roundId)}/import-batches`, cookies.lead)).json().data as ImportBatch[]
    expect(listed.map((b) => [b.id, b.abilities])).toEqual([[result.batch?.id, ['importBatch.revert']]])
    const reverted = await send(
      'POST',
      `${base(roundId)}/import-batches/${result.batch?.id}/revert`,
      { reason: 'Wrong file' },
      cookies.lead,
    )
    expect(reverted.statusCode, reverted.body).toBe(200)
    expect(reverted.json().data).toMatchObject({ revertReason: 'Wrong file', abilities: [] })
    const after = await answersOf(roundId)
    expect(after.map((a) => [a.indicatorCode, a.valueChoice, a.narrative, a.importBatchId, a.version])).toEqual([
      ['IDN-1', '2', 'Before', null, 3],
    ])
    const again = await expectNoChange(t.db, () =>
      send('POST', `${base(roundId)}/import-batches/${result.batch?.id}/revert`, { reason: 'Twice' }, cookies.lead),
    )
    expect(again.statusCode).toBe(409)
  })

  it('changes nothing when the template comes back without edits', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    await send(
      'PUT',
      `${base(roundId)}/indicators/JUS-5/answers/${ngo.id}`,
      { version: 0, value: { number: 4 }, cells: [{ key: 'sex=female', value: 3 }], narrative: '  spaced  ' },
      cookies.provider,
    )
    const untouched = await fillTemplate(await download(roundId), [])
    const res = await expectNoChange(t.db, () =>
      uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, untouched),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().data).toEqual({ batch: null, unchanged: 5, warnings: [] })
  })

  it('reports an answer changed in the app after the download as a conflict, and ignores untouched ones', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const template = await download(roundId)
    for (const code of ['IDN-1', 'IDN-8'])
      await send(
        'PUT',
        `${base(roundId)}/indicators/${code}/answers/${ngo.id}`,
        { version: 0, value: { choice: code === 'IDN-1' ? '1' : 'no' } },
        cookies.provider,
      )
    const stale = await fillTemplate(template, [{ code: 'IDN-1', key: 'choice', value: '4' }])
    const row = await rowNumberOf(stale, 'IDN-1', 'choice')
    const res = await expectNoChange(t.db, () =>
      uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, stale),
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ path: `Data!H${row}`, code: 'conflict' }),
    ])
    // The same template changing only an answer nobody touched since applies, and leaves IDN-8 as the app has it.
    const fine = await fillTemplate(template, [{ code: 'COR-5', key: 'denominator', value: 10 }])
    expect((await uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, fine)).statusCode).toBe(200)
    expect((await answersOf(roundId)).map((a) => [a.indicatorCode, a.valueChoice ?? a.valueDenominator])).toEqual([
      ['COR-5', 10],
      ['IDN-1', '1'],
      ['IDN-8', 'no'],
    ])
  })

  it('refuses to revert a batch whose answers changed since, listing them', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const filled = await fillTemplate(await download(roundId), [
      { code: 'IDN-1', key: 'choice', value: '1' },
      { code: 'IDN-8', key: 'choice', value: 'yes' },
    ])
    const batch = (await uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, filled)).json().data.batch
    const idn8 = (await answersOf(roundId)).find((a) => a.indicatorCode === 'IDN-8')
    await send(
      'PUT',
      `${base(roundId)}/indicators/IDN-8/answers/${ngo.id}`,
      { version: idn8?.version, value: { choice: 'no' } },
      cookies.provider,
    )
    const res = await expectNoChange(t.db, () =>
      send('POST', `${base(roundId)}/import-batches/${batch.id}/revert`, { reason: 'Oops' }, cookies.lead),
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details.answers).toEqual([
      expect.objectContaining({ indicatorCode: 'IDN-8', answerId: idn8?.id }),
    ])
  })

  it('reverts stacked batches newest first, back to where each started', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const upload = async (value: string) => {
      const filled = await fillTemplate(await download(roundId), [{ code: 'IDN-1', key: 'choice', value }])
      return (await uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, filled)).json().data.batch.id
    }
    const [first, second] = [await upload('1'), await upload('2')]
    const revert = (id: string) =>
      send('POST', `${base(roundId)}/import-batches/${id}/revert`, { reason: 'Undo' }, cookies.lead)
    expect((await revert(first)).statusCode).toBe(409)
    expect((await revert(second)).statusCode).toBe(200)
    expect((await answersOf(roundId)).map((a) => [a.valueChoice, a.importBatchId])).toEqual([['1', first]])
    expect((await revert(first)).statusCode).toBe(200)
    expect(await answersOf(roundId)).toEqual([])
  })

  it('applies parts above their total as a draft with a warning; submission then wants the explanation', async () => {
    const roundId = await collectingRound(t, cookies, versionId, ASSIGNMENTS())
    const filled = await fillTemplate(await download(roundId), [
      { code: 'JUS-5', key: 'number', value: 5 },
      { code: 'JUS-5', key: 'cell:sex=female', value: 4 },
      { code: 'JUS-5', key: 'cell:sex=male', value: 3 },
    ])
    const row = await rowNumberOf(filled, 'JUS-5', 'number')
    const res = await uploadTemplate(t, cookies.provider, `${base(roundId)}/template`, filled)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().data.warnings).toEqual([
      expect.objectContaining({ path: `Data!H${row}`, code: 'parts.mismatch' }),
    ])
    const submit = await send(
      'POST',
      `${base(roundId)}/indicators/JUS-5/answers/${ngo.id}/submit`,
      { version: 1 },
      cookies.provider,
    )
    expect(submit.statusCode).toBe(400)
    expect(issuePaths(submit)).toContain('body.partsExplanation')
  })
})

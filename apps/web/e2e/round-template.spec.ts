import fs from 'node:fs'
import { type APIRequestContext, type Page, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { IntlMessageFormat } from 'intl-messageformat'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// Offline work with an XLSX template: the NGO downloads its template from the workspace, uploads a broken copy
// (every problem listed, nothing applied), then a good one; the Serbian lead sees the import and reverts it. The NGO
// uploads the good copy again, adds an evidence file to one answer and submits all its ready answers at once. The
// steps share one round this file creates through the API, so they run in order in one worker.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const NGO = 'Victim Support NGO (demo, RS)'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
// Columns of the template's Data sheet (apps/server/src/modules/templates/template-layout.ts): B code, G key, H value.
const CODE_COLUMN = 2
const KEY_COLUMN = 7
const VALUE_COLUMN = 8
const CODES = ['IDN-1', 'AST-1', 'COR-5']
const roundName = `E2E template round ${Date.now()}`
let roundId = ''
let template: Buffer | null = null
/** The good workbook (uploaded, reverted, then uploaded again). */
let goodTemplate: Buffer | null = null
// The values it holds, which make every answer complete: a rubric level, a yes/partial/no choice, and a percentage
// with both terms (12 of 40, close enough to the demo's previous round that no change comment is needed).
const GOOD_VALUES = { 'IDN-1 choice': 3, 'AST-1 choice': 'yes', 'COR-5 numerator': 12, 'COR-5 denominator': 40 }
// An evidence file: the server recognises the type from the content, so these are real (minimal) PDF bytes.
const PDF = {
  name: 'nrm-rulebook.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1'),
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.status()} ${await response.text()}`).toBe(true)
  return (await response.json()) as T
}

const workspaceUrl = () => `/rounds/${roundId}/countries/RS`

/** An ICU catalog message formatted in English (plurals included). */
const icu = (key: string, values: Record<string, string | number>) =>
  String(new IntlMessageFormat(msg(key), 'en').format(values))

/** The row of an indicator in the workspace's indicator table. */
const indicatorRow = (page: Page, code: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })

/** The template with values typed into the value cells of (code, key) rows; returns the workbook and row numbers. */
async function filled(
  values: Record<string, ExcelJS.CellValue>,
): Promise<{ data: Buffer; rows: Record<string, number> }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer)
  const sheet = workbook.getWorksheet('Data')
  if (!sheet) throw new Error('The template has no Data sheet')
  const rows: Record<string, number> = {}
  sheet.eachRow((row, n) => {
    const id = `${row.getCell(CODE_COLUMN).value} ${row.getCell(KEY_COLUMN).value}`
    if (id in values) {
      row.getCell(VALUE_COLUMN).value = values[id] ?? null
      rows[id] = n
    }
  })
  expect(Object.keys(rows).sort()).toEqual(Object.keys(values).sort())
  return { data: Buffer.from(await workbook.xlsx.writeBuffer()), rows }
}

async function upload(page: Page, name: string, data: Buffer) {
  await page.getByLabel(msg('rounds:templates.upload.file')).setInputFiles({ name, mimeType: XLSX, buffer: data })
  await page.getByRole('button', { name: msg('rounds:templates.upload.button') }).click()
}

test('a coordinator starts a round for Serbia and the lead assigns three indicators to the NGO', async ({
  browser,
}) => {
  const coordinator = await as(browser, 'coordinator@example.org', null)
  const frameworks = await ok<{ data: { versions: { id: string; label: string; status: string }[] }[] }>(
    await coordinator.request.get('/api/frameworks'),
  )
  const version = frameworks.data
    .flatMap((f) => f.versions)
    .find((v) => v.status === 'published' && v.label === '2026.1')
  expect(version, 'the default Handbook version 2026.1').toBeTruthy()
  const created = await ok<{ data: { id: string; version: number } }>(
    await coordinator.request.post('/api/rounds', {
      data: {
        name: roundName,
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        frameworkVersionId: version?.id,
        countries: ['RS'],
      },
    }),
  )
  roundId = created.data.id
  await ok(
    await coordinator.request.post(`/api/rounds/${roundId}/transition`, {
      data: { to: 'collecting', version: created.data.version },
    }),
  )
  await coordinator.context().close()

  const lead = await as(browser, 'lead.rs@example.org', null)
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await lead.request.get('/api/organisations', { params: { country: 'RS' } }),
  )
  const ngo = orgs.data.find((o) => o.name === NGO)
  expect(ngo, NGO).toBeTruthy()
  for (const code of CODES) {
    await ok(
      await lead.request.put(`/api/rounds/${roundId}/countries/RS/assignments/${code}`, {
        data: { version: 0, expertId: null, providers: [{ organisationId: ngo?.id, userId: null }], dueOn: null },
      }),
    )
  }
  await lead.context().close()
})

test('the NGO downloads its template, uploads a broken copy, then a good one', async ({ browser }) => {
  const page = await as(browser, 'provider.rs@example.org', workspaceUrl())
  const offline = page.getByRole('region', { name: msg('rounds:templates.title') })
  await expect(offline).toBeVisible()
  // One organisation: nothing to choose, the template covers it.
  await expect(offline.getByRole('combobox', { name: msg('rounds:templates.download.organisation') })).toHaveCount(0)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: msg('rounds:templates.download.button') }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^thbm-template-RS-2026.*\.xlsx$/)
  template = fs.readFileSync(await download.path())
  await expect(
    page.getByText(fill(msg('rounds:templates.download.done'), { name: download.suggestedFilename() })),
  ).toBeVisible()

  // Text where a number belongs: the whole upload is refused and the cell is named.
  const broken = await filled({ 'IDN-1 choice': 3, 'AST-1 choice': 'yes', 'COR-5 numerator': 'twelve' })
  await upload(page, 'broken.xlsx', broken.data)
  const failed = page.getByRole('heading', { name: msg('rounds:templates.result.failedTitle') })
  await expect(failed).toBeVisible()
  await expect(failed).toBeFocused()
  await expect(page.getByText(msg('rounds:templates.result.nothingApplied'))).toBeVisible()
  const problems = page.getByRole('list', { name: /problem/ })
  await expect(problems).toContainText(`Data!H${broken.rows['COR-5 numerator']}`)
  await expect(problems).toContainText('twelve')
  await expectNoSeriousViolations(page)
  await page.reload()
  for (const code of CODES) await expect(indicatorRow(page, code)).toContainText(msg('rounds:status.work.not_started'))

  const good = await filled(GOOD_VALUES)
  goodTemplate = good.data
  await upload(page, 'filled.xlsx', good.data)
  const done = page.getByRole('heading', { name: msg('rounds:templates.result.doneTitle') })
  await expect(done).toBeVisible()
  await expect(done).toBeFocused()
  await expect(page.getByTestId('template-result')).toContainText('3 answers created')
  await expect(page.getByTestId('template-result')).toContainText(
    fill(msg('rounds:templates.result.file'), { name: 'filled.xlsx' }),
  )
  // The progress board is reloaded: the three indicators now have drafts.
  for (const code of CODES) await expect(indicatorRow(page, code)).toContainText(msg('rounds:status.work.in_progress'))
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('the lead sees the import and reverts it with a reason', async ({ browser }) => {
  const page = await as(browser, 'lead.rs@example.org', workspaceUrl())
  await page.getByRole('link', { name: msg('rounds:templates.importsLink') }).click()
  await expect(page).toHaveURL(`${workspaceUrl()}/imports`)
  const table = page.getByRole('table', { name: msg('rounds:imports.caption') })
  const row = table.getByRole('row').filter({ hasText: 'filled.xlsx' })
  await expect(row).toContainText(NGO)
  await expect(row).toContainText(msg('rounds:imports.source.upload'))
  await expect(row).toContainText(msg('rounds:imports.applied'))
  await expectNoSeriousViolations(page)

  const revertLabel = new RegExp(`^${fill(msg('rounds:imports.revertNamed'), { when: '' }).trim()}`)
  await row.getByRole('button', { name: revertLabel }).click()
  const dialog = page.getByRole('dialog', {
    name: new RegExp(`^${fill(msg('rounds:imports.revert.title'), { when: '' }).trim()}`),
  })
  await dialog.getByRole('button', { name: msg('rounds:imports.revert.submit') }).click()
  await expect(dialog.getByText(msg('rounds:imports.revert.reasonRequired'))).toBeVisible()
  const reason = 'Uploaded by mistake: the figures are from 2025.'
  await dialog.getByRole('textbox', { name: msg('rounds:imports.revert.reason') }).fill(reason)
  await dialog.getByRole('button', { name: msg('rounds:imports.revert.submit') }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText(msg('rounds:imports.reverted'))
  await expect(row).toContainText(fill(msg('rounds:imports.reason'), { reason }))
  await expect(row.getByRole('button', { name: revertLabel })).toHaveCount(0)
  await expectNoSeriousViolations(page)

  await page.goto(workspaceUrl())
  for (const code of CODES) await expect(indicatorRow(page, code)).toContainText(msg('rounds:status.work.not_started'))
  await page.context().close()
})

test('the NGO uploads the good template again, adds an evidence file and submits every ready answer', async ({
  browser,
}) => {
  const page = await as(browser, 'provider.rs@example.org', workspaceUrl())
  // The reverted import left no answer behind, so the same workbook applies again.
  await upload(page, 'filled.xlsx', goodTemplate as Buffer)
  const done = page.getByRole('heading', { name: msg('rounds:templates.result.doneTitle') })
  await expect(done).toBeFocused()
  await expect(page.getByTestId('template-result')).toContainText(
    icu('rounds:templates.result.created', { count: CODES.length }),
  )
  for (const code of CODES) await expect(indicatorRow(page, code)).toContainText(msg('rounds:status.work.in_progress'))

  // Evidence for one answer, as a file uploaded through the evidence form; the answer saves itself.
  await indicatorRow(page, 'IDN-1').getByRole('link', { name: 'IDN-1', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^IDN-1 · / })).toBeVisible()
  await page.getByRole('button', { name: msg('rounds:evidence.add') }).click()
  const form = page.getByRole('group', { name: msg('rounds:evidence.addTitle') })
  // The segmented control's radios are visually hidden: choose by the visible label, as a person does.
  await form.getByText(msg('rounds:evidence.kind.file'), { exact: true }).click()
  await expect(form.getByRole('radio', { name: msg('rounds:evidence.kind.file'), exact: true })).toBeChecked()
  const chooser = page.waitForEvent('filechooser')
  await form.getByRole('button', { name: msg('rounds:evidence.file'), exact: true }).click()
  await (await chooser).setFiles(PDF)
  const size = `${PDF.buffer.length} B`
  await expect(form.getByText(fill(msg('rounds:evidence.uploaded'), { name: PDF.name, size }))).toBeVisible()
  await form.getByRole('textbox', { name: msg('rounds:evidence.titleField') }).fill('NRM rulebook (PDF)')
  await form.getByRole('button', { name: msg('rounds:evidence.addConfirm'), exact: true }).click()
  await expect(form).toBeHidden()
  await expect(
    page.getByRole('link', { name: fill(msg('rounds:evidence.download'), { name: PDF.name, size }) }),
  ).toBeVisible()
  await expect(page.getByTestId('save-status')).toContainText(fill(msg('rounds:save.savedAt'), { time: '' }).trim())

  // Back on the workspace: every draft is complete, so all of them are submitted in one go.
  await page.getByLabel(msg('common:a11y.breadcrumbs')).getByRole('link', { name: 'Serbia', exact: true }).click()
  await expect(page).toHaveURL(workspaceUrl())
  const panel = page.getByRole('region', { name: msg('rounds:submitAll.title') })
  await expect(panel).toContainText(icu('rounds:submitAll.waiting', { count: CODES.length }))
  await panel.getByRole('button', { name: msg('rounds:submitAll.button') }).click()
  const dialog = page.getByRole('dialog', { name: msg('rounds:submitAll.confirmTitle') })
  await expect(dialog).toContainText(icu('rounds:submitAll.confirmText', { count: CODES.length }))
  await expect(dialog).toContainText(msg('rounds:submitAll.confirmDrafts'))
  await expectNoSeriousViolations(page)
  await dialog.getByRole('button', { name: msg('rounds:submitAll.confirm') }).click()
  await expect(dialog).toBeHidden()
  const result = page.getByRole('heading', { name: icu('rounds:submitAll.result.submitted', { count: CODES.length }) })
  await expect(result).toBeVisible()
  await expect(result).toBeFocused()
  // Nothing was left behind: no "not ready" list.
  await expect(page.getByTestId('submit-all-result').getByRole('list')).toHaveCount(0)
  for (const code of CODES) await expect(indicatorRow(page, code)).toContainText(msg('rounds:status.work.submitted'))
  await expect(panel).toContainText(icu('rounds:submitAll.waiting', { count: 0 }))
  await expectNoSeriousViolations(page)

  // The submitted answers carry the imported values, and the evidence file is listed with its answer.
  type Work = {
    data: {
      answers: {
        status: string
        value: Record<string, unknown>
        evidence: { kind: string; title: string; file: { name: string; mediaType: string } | null }[]
      }[]
    }
  }
  const work = async (code: string) => {
    const body = await ok<Work>(await page.request.get(`/api/rounds/${roundId}/countries/RS/indicators/${code}`))
    expect(body.data.answers).toHaveLength(1)
    const answer = body.data.answers[0] as Work['data']['answers'][number]
    expect(answer.status).toBe('submitted')
    return answer
  }
  const idn = await work('IDN-1')
  expect(idn.value).toMatchObject({ choice: '3' })
  expect(idn.evidence).toEqual([
    expect.objectContaining({
      kind: 'file',
      title: 'NRM rulebook (PDF)',
      file: expect.objectContaining({ name: PDF.name, mediaType: 'application/pdf' }),
    }),
  ])
  expect((await work('AST-1')).value).toMatchObject({ choice: 'yes' })
  expect((await work('COR-5')).value).toMatchObject({ numerator: 12, denominator: 40 })
  await page.context().close()

  // The lead's import history: the reverted batch, and the new one that stays applied.
  const lead = await as(browser, 'lead.rs@example.org', null)
  const batches = await ok<{ data: { fileName: string; counts: { created: number }; revertedAt: string | null }[] }>(
    await lead.request.get(`/api/rounds/${roundId}/countries/RS/import-batches`),
  )
  expect(batches.data.map((b) => [b.fileName, b.counts.created, b.revertedAt === null])).toEqual([
    ['filled.xlsx', CODES.length, true],
    ['filled.xlsx', CODES.length, false],
  ])
  await lead.context().close()
})

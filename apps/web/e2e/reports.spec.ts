import fs from 'node:fs'
import { type Download, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// The reports page of the published 2025 demo round, as the regional coordinator: preview Serbia's report, download
// it in three formats through the page's links, publish a correction with a change note and find it in the history.
test.describe.configure({ timeout: 180_000 })

const COORDINATOR = 'coordinator@example.org'
const ROUND = 'Monitoring 2025 (demo)'
const NOTE = `Corrected the identification finding (e2e ${Date.now()}).`

/** The first bytes of each format: DOCX and XLSX are ZIP packages, PDF starts with its header. */
const MAGIC = { docx: 'PK\u0003\u0004', xlsx: 'PK\u0003\u0004', pdf: '%PDF-' } as const

async function expectFile(download: Download, format: keyof typeof MAGIC) {
  expect(download.suggestedFilename()).toMatch(new RegExp(`^thbm-national-RS-2025-en\\.${format}$`))
  const file = await download.path()
  const bytes = fs.readFileSync(file)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(bytes.subarray(0, MAGIC[format].length).toString('latin1')).toBe(MAGIC[format])
}

test('the coordinator previews, downloads and corrects Serbia’s report', async ({ browser }) => {
  const page = await as(browser, COORDINATOR)
  const rounds = await page.request.get('/api/rounds')
  const round = ((await rounds.json()) as { data: { id: string; name: string }[] }).data.find((r) => r.name === ROUND)
  expect(round, ROUND).toBeTruthy()
  const published = (await (await page.request.get(`/api/rounds/${round?.id}/publications`)).json()) as {
    data: { scope: string; number: number }[]
  }
  const latest = Math.max(0, ...published.data.filter((p) => p.scope === 'RS').map((p) => p.number))
  expect(latest, 'Serbia’s 2025 report is published').toBeGreaterThan(0)
  const version = (number: number) => fill(msg('reports:status.published'), { number, date: '' }).replace(/,\s*$/, '')

  await page.goto(`/rounds/${round?.id}`)
  await page.getByRole('link', { name: msg('reports:page.link'), exact: true }).click()
  await expect(page).toHaveURL(`/rounds/${round?.id}/reports`)
  await expect(
    page.getByRole('heading', { level: 1, name: fill(msg('reports:page.heading'), { round: ROUND }) }),
  ).toBeVisible()

  const row = page.getByTestId('report-row-RS')
  const name = (key: string, values: Record<string, string> = {}) => fill(msg(key), { name: 'Serbia', ...values })
  await expect(row).toContainText(version(latest))

  // Preview: the report's own heading inside the frame.
  await row.getByRole('button', { name: name('reports:preview.label') }).click()
  const frame = page.frameLocator(`iframe[title="${name('reports:preview.frame')}"]`)
  await expect(frame.getByRole('heading', { level: 1, name: msg('documents:national.title') })).toBeVisible({
    timeout: 30_000,
  })
  await expectNoSeriousViolations(page)

  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    const link = row.getByRole('link', { name: name('reports:download.label', { format: format.toUpperCase() }) })
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), link.click()])
    await expectFile(download, format)
  }

  // A correction needs a change note; it then appears in the history as the next version.
  await row.getByRole('button', { name: name('reports:publish.correctionLabel') }).click()
  const dialog = page.getByRole('dialog', { name: name('reports:publish.correctionTitle') })
  await dialog.getByRole('button', { name: msg('reports:publish.confirm'), exact: true }).click()
  await expect(dialog.getByText(msg('reports:publish.changeNoteRequired'), { exact: true })).toBeVisible()
  await dialog.getByRole('textbox', { name: msg('reports:publish.changeNote') }).fill(NOTE)
  await dialog.getByRole('button', { name: msg('reports:publish.confirm'), exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('reports-status')).toHaveText(
    fill(msg('reports:publish.done'), { number: latest + 1, name: 'Serbia' }),
  )
  const history = page.getByRole('table', { name: name('reports:history.caption') })
  const corrected = history.getByRole('row').filter({ hasText: NOTE })
  await expect(corrected.getByRole('rowheader')).toHaveText(String(latest + 1))
  await expect(row).toContainText(version(latest + 1))
  await expectNoSeriousViolations(page)
  await page.context().close()
})

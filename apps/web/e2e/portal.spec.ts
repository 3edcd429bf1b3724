import fs from 'node:fs'
import { test } from '@playwright/test'
import { DEMO_PASSWORD, msg } from './helpers.ts'
import { expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'

const roundName = (year: number) => `Monitoring ${year} (demo)`

test('an anonymous visitor reads the published results, switches to Serbian and downloads a report', async ({
  page,
}) => {
  // Rendering a PDF starts a headless Chromium on the server.
  test.setTimeout(120_000)
  await page.goto('/public/en')
  await expect(page.getByRole('heading', { level: 1, name: msg('portal:rounds.title') })).toBeVisible()
  for (const year of [2025, 2024, 2023])
    await expect(page.getByRole('link', { name: roundName(year), exact: true })).toBeVisible()
  // The open 2026 round is not published.
  await expect(page.getByRole('link', { name: roundName(2026) })).toHaveCount(0)
  await expect(page).toHaveURL(/\/public\/en$/)
  await expectNoSeriousViolations(page)

  await page.getByRole('link', { name: roundName(2025), exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: roundName(2025) })).toBeVisible()
  const heatmapTitle = fill(msg('portal:round.heatmap'), { round: roundName(2025) })
  const heatmap = page.getByRole('img', { name: heatmapTitle })
  await expect(heatmap.locator('svg')).toBeVisible()
  await page.getByText(msg('common:chart.showTable')).first().click()
  const table = page.getByRole('table', { name: heatmapTitle })
  await expect(table).toBeVisible()
  await expect(table.getByRole('rowheader', { name: 'Serbia' })).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'IDN' })).toBeVisible()
  await expectNoSeriousViolations(page)

  await page.getByRole('link', { name: 'Serbia', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Serbia' })).toBeVisible()
  await expect(
    page.getByRole('img', { name: fill(msg('portal:country.scoresChart'), { country: 'Serbia' }) }).locator('svg'),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: /, by victim status: / }).locator('svg')).toBeVisible()
  await expect(page.getByTestId('victims-table')).toBeVisible()
  await expectNoSeriousViolations(page)

  await page.getByRole('button', { name: /English/ }).click()
  await page.getByRole('menuitem', { name: 'Српски (ћирилица)' }).click()
  await expect(page).toHaveURL(/\/public\/sr-Cyrl\/countries\/RS$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await expect(page.getByRole('heading', { level: 1, name: 'Србија' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: msg('portal:country.scores', 'sr-Cyrl') })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: msg('portal:country.victims', 'sr-Cyrl') })).toBeVisible()

  const report = fill(msg('portal:downloads.countryReport', 'sr-Cyrl'), { country: 'Србија', round: roundName(2025) })
  const pdf = page.getByRole('link', {
    name: fill(msg('portal:downloads.link', 'sr-Cyrl'), {
      report,
      format: msg('portal:downloads.format.pdf', 'sr-Cyrl'),
    }),
  })
  await expect(pdf).toHaveAttribute('href', /format=pdf&lang=sr-Cyrl$/)
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), pdf.click()])
  const file = await download.path()
  const bytes = fs.readFileSync(file)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
})

test('an unpublished round is not found, and the portal never asks to sign in', async ({ browser, page }) => {
  const staff = await browser.newContext()
  await ok(
    await staff.request.post('/api/auth/login', {
      data: { email: 'coordinator@example.org', password: DEMO_PASSWORD },
    }),
  )
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await staff.request.get('/api/rounds'))
  await staff.close()
  const open = rounds.data.find((r) => r.name === roundName(2026))
  expect(open).toBeTruthy()

  expect((await page.request.get(`/api/public/rounds/${open?.id}`)).status()).toBe(404)
  await page.goto(`/public/en/rounds/${open?.id}`)
  await expect(page.getByRole('heading', { level: 1, name: msg('portal:notFound.title') })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/public/en/rounds/${open?.id}$`))
  await expectNoSeriousViolations(page)
  await page.getByRole('link', { name: msg('portal:notFound.back') }).click()
  await expect(page.getByRole('heading', { level: 1, name: msg('portal:rounds.title') })).toBeVisible()
})

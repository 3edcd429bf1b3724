import { type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// Dashboards on the demo data (three published rounds 2023-2025 and the 2026 round collecting data, six countries):
// the regional overview, Serbia's profile with the indicator choice in the URL, and the indicator explorer.
test.describe.configure({ timeout: 120_000 })

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
/** Cells of a chart's data table (inside a closed <details>, so found in the DOM rather than by role). */
const chartTable = (page: Page, title: string, cells: 'tbody tr' | 'thead th') =>
  region(page, title).locator(`[data-testid="chart-table"] ${cells}`)

test('the coordinator reads the regional overview, a country profile and the indicator explorer', async ({
  browser,
}) => {
  const page = await as(browser, 'coordinator@example.org')
  await page
    .getByRole('navigation', { name: msg('common:nav.label') })
    .getByRole('link', { name: msg('dashboards:nav.label') })
    .click()
  // The latest round past planning opens: the 2026 demo round.
  await expect(page).toHaveURL(/\/dashboards\/rounds\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: msg('dashboards:overview.title') })).toBeVisible()
  await expect(page.getByText(/Monitoring 2026 \(demo\)/).first()).toBeVisible()
  const heatmap = region(page, msg('dashboards:overview.heatmap.title'))
  await expect(heatmap.locator('[role="img"] svg')).toBeVisible()
  // The heatmap's table: a row per area, a column per country (after the area column).
  await expect(chartTable(page, msg('dashboards:overview.heatmap.title'), 'thead th')).toHaveCount(7)
  const completeness = page.getByTestId('completeness-table')
  await expect(completeness.locator('tbody tr')).toHaveCount(6)
  await expect(
    completeness.getByRole('link', {
      name: fill(msg('dashboards:overview.completeness.boardOf'), { country: 'Serbia' }),
    }),
  ).toHaveAttribute('href', /\/rounds\/[0-9a-f-]{36}\/countries\/RS$/)
  await expectNoSeriousViolations(page)

  // Serbia's profile, from the overview.
  await completeness.getByRole('link', { name: 'Serbia', exact: true }).click()
  await expect(page).toHaveURL('/dashboards/countries/RS')
  await expect(
    page.getByRole('heading', { level: 1, name: fill(msg('dashboards:profile.title'), { country: 'Serbia' }) }),
  ).toBeVisible()
  await expect(page.locator('[role="img"] svg')).toHaveCount(4)
  // A row per round with scores: the three published demo rounds, not the 2026 one that is still collecting. (Other
  // specs validate scores for Serbia in rounds of their own, which may be listed too.)
  const scoreRows = chartTable(page, msg('dashboards:profile.scores.title'), 'tbody tr')
  for (const year of [2023, 2024, 2025])
    await expect(scoreRows.filter({ hasText: `Monitoring ${year} (demo)` })).toHaveCount(1)
  await expect(scoreRows.filter({ hasText: 'Monitoring 2026 (demo)' })).toHaveCount(0)
  const indicator = page.getByRole('combobox', { name: msg('dashboards:profile.victims.indicator') })
  await expect(indicator).toHaveValue('IDN-4')
  await indicator.selectOption('LAB-4')
  await expect(page).toHaveURL('/dashboards/countries/RS?indicator=LAB-4')
  await expect(region(page, msg('dashboards:profile.victims.title')).locator('[role="img"]')).toHaveAttribute(
    'aria-label',
    /LAB-4/,
  )
  await page.reload()
  await expect(page.getByRole('combobox', { name: msg('dashboards:profile.victims.indicator') })).toHaveValue('LAB-4')
  await expect(page).toHaveURL('/dashboards/countries/RS?indicator=LAB-4')
  await expectNoSeriousViolations(page)

  // The explorer, opened from a shared address.
  await page.goto('/dashboards/indicators?code=IDN-4')
  await expect(page.getByRole('combobox', { name: msg('dashboards:explorer.indicator') })).toHaveValue('IDN-4')
  const table = page.getByRole('table', { name: fill(msg('dashboards:explorer.table.caption'), { code: 'IDN-4' }) })
  for (const year of [2023, 2024, 2025])
    await expect(table.getByRole('row', { name: new RegExp(`Monitoring ${year} \\(demo\\)`) })).toHaveCount(6)
  for (const country of ['Serbia', 'Albania', 'Montenegro'])
    await expect(table.getByRole('link', { name: country, exact: true })).toHaveCount(3)
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('a country lead sees only their country in the overview', async ({ browser }) => {
  const page = await as(browser, 'lead.rs@example.org')
  await page.goto('/dashboards')
  await expect(page).toHaveURL(/\/dashboards\/rounds\/[0-9a-f-]{36}$/)
  const completeness = page.getByTestId('completeness-table')
  await expect(completeness.locator('tbody tr')).toHaveCount(1)
  await expect(completeness.locator('tbody tr')).toContainText('Serbia')
  const heatmapColumns = chartTable(page, msg('dashboards:overview.heatmap.title'), 'thead th')
  await expect(heatmapColumns).toHaveCount(2)
  await expect(heatmapColumns.nth(1)).toHaveText('Serbia')
  await page.context().close()
})

import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// Each worker signs in as the admin once and reuses the session for every page it checks.
const authed = base.extend<Record<never, never>, { adminState: string }>({
  adminState: [
    async ({ browser }, use, workerInfo) => {
      const file = path.join(workerInfo.project.outputDir, `.auth-admin-${workerInfo.workerIndex}.json`)
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL })
      const page = await context.newPage()
      await signIn(page, 'admin@example.org')
      await context.storageState({ path: file })
      await context.close()
      await use(file)
    },
    { scope: 'worker' },
  ],
  storageState: async ({ adminState }, use) => use(adminState),
})

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

base('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

authed.describe('signed in as admin', () => {
  for (const pagePath of ['/', '/countries', '/countries/RS', '/people', '/audit', '/account']) {
    authed(`${pagePath} has no serious accessibility violations`, async ({ page }) => {
      await page.goto(pagePath)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 })
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
      expect(await seriousViolations(page)).toEqual([])
    })
  }
})

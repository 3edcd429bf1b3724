import { expect, test } from '@playwright/test'
import { seriousViolations, signInByApi } from './helpers.ts'

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

// One session for all the pages (made through the API: the sign-in form has its own spec). Each page is a step and
// its violations a soft expectation, so a failure names the page and the other pages are still checked.
test('the admin’s pages have no serious accessibility violations', async ({ page }) => {
  await signInByApi(page, 'admin@example.org', null)
  for (const pagePath of ['/', '/countries', '/countries/RS', '/people', '/audit', '/account']) {
    await test.step(pagePath, async () => {
      await page.goto(pagePath)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 })
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
      expect.soft(await seriousViolations(page), pagePath).toEqual([])
    })
  }
})

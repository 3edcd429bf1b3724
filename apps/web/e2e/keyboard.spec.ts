import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, msg } from './helpers.ts'

test('signing in works with the keyboard alone, starting from the skip link', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: msg('common:a11y.skipToContent') })).toBeFocused()
  await page.keyboard.press('Enter')
  // From the main content, the next stop is the email field.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: msg('auth:fields.email') })).toBeFocused()
  await page.keyboard.type('coordinator@example.org')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: msg('auth:fields.password'), exact: true })).toBeFocused()
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rea Coordinator (demo)')
})

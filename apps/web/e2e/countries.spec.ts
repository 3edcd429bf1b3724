import { expect, test } from '@playwright/test'
import { msg, signInByApi } from './helpers.ts'

test('a country lead sees "not found" for another country and their own country works', async ({ page }) => {
  await signInByApi(page, 'lead.rs@example.org', '/countries/AL')
  await expect(page.getByRole('heading', { level: 1, name: msg('common:notFound.title') })).toBeVisible()
  await expect(page.getByText(msg('countries:page.notFound'))).toBeVisible()

  await page.goto('/countries/RS')
  await expect(page.getByRole('heading', { level: 1, name: 'Serbia' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: msg('countries:organisations.title') })).toBeVisible()
  await expect(page.getByRole('button', { name: msg('countries:organisations.add') })).toBeVisible()

  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { level: 1, name: msg('common:notFound.title') })).toBeVisible()
})

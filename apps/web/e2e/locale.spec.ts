import { expect, test } from '@playwright/test'
import { msg, signInByApi } from './helpers.ts'

test('switching to Serbian Cyrillic and Latin translates the UI, sets <html lang>, keeps input and survives reload', async ({
  page,
}) => {
  await signInByApi(page, 'expert.al@example.org', '/account')
  const nameField = page.getByRole('textbox', { name: msg('account:profile.name') })
  await nameField.fill('Elira (typed, not saved)')

  await page.getByRole('button', { name: /English/ }).click()
  await page.getByRole('menuitem', { name: 'Српски (ћирилица)' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await expect(page.getByRole('link', { name: msg('common:nav.home', 'sr-Cyrl') })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(msg('account:title', 'sr-Cyrl'))
  // Switching the language keeps what was typed in the form.
  await expect(page.getByRole('textbox', { name: msg('account:profile.name', 'sr-Cyrl') })).toHaveValue(
    'Elira (typed, not saved)',
  )

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await expect(page.getByRole('link', { name: 'Почетна' })).toBeVisible()

  await page.getByRole('button', { name: /Српски/ }).click()
  await page.getByRole('menuitem', { name: 'Srpski (latinica)' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn')
  await expect(page.getByRole('link', { name: 'Početna' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vaš nalog')

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn')
  await expect(
    page
      .getByRole('link', { name: 'Korisnici' })
      .or(page.getByRole('link', { name: 'Početna' }))
      .first(),
  ).toBeVisible()

  // Back to English, so the profile is as the other specs expect it.
  await page.getByRole('button', { name: /Srpski/ }).click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

import { expect, type Page, test } from '@playwright/test'
import { msg, signIn, signInByApi } from './helpers.ts'

const ACCOUNTS = {
  'admin@example.org': 'Ana Admin (demo)',
  'coordinator@example.org': 'Rea Coordinator (demo)',
  'lead.rs@example.org': 'Milica Lead (demo)',
  'lead.al@example.org': 'Arta Lead (demo)',
  'expert.rs@example.org': 'Stefan Expert (demo)',
  'expert.al@example.org': 'Elira Expert (demo)',
  'provider.rs@example.org': 'Jelena Provider (demo)',
  'observer@example.org': 'Omer Observer (demo)',
} as const
type Email = keyof typeof ACCOUNTS
// Every account lands on the same start page, whose links and work lists depend on the roles: the form is used by the
// admin (every link) and by the data provider (the narrowest start page); the others are signed in through the API.
const THROUGH_THE_FORM: Email[] = ['admin@example.org', 'provider.rs@example.org']

/** The start page greets the signed-in person by name, in the heading and on the user menu. */
async function expectGreeted(page: Page, email: Email) {
  const name = ACCOUNTS[email]
  const menu = page.getByRole('button', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })
  await expect(menu).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name)
  return menu
}

for (const email of THROUGH_THE_FORM) {
  test(`${email} signs in, sees their name, and signs out`, async ({ page }) => {
    await signIn(page, email)
    const menu = await expectGreeted(page, email)
    await menu.click()
    // The last item of the user menu signs out (located by position, so this works in any UI language).
    await page.getByRole('menuitem').last().click()
    await expect(page).toHaveURL(/\/sign-in/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in\?next=/)
  })
}

test('every other demo account lands on its start page with its name', async ({ page }) => {
  for (const email of Object.keys(ACCOUNTS) as Email[]) {
    if (THROUGH_THE_FORM.includes(email)) continue
    await test.step(email, async () => {
      await signInByApi(page, email)
      await expectGreeted(page, email)
    })
  }
})

test('a wrong password gets the generic message, and the demo list fills the form', async ({ page }) => {
  await page.goto('/sign-in')
  await page
    .getByRole('button', { name: msg('common:demo.useAccount').replace('{email}', 'lead.rs@example.org') })
    .click()
  await expect(page.getByRole('textbox', { name: msg('auth:fields.email') })).toHaveValue('lead.rs@example.org')
  await page.getByRole('textbox', { name: msg('auth:fields.password'), exact: true }).fill('not the password')
  await page.getByRole('button', { name: msg('auth:signIn.submit'), exact: true }).click()
  await expect(page.getByRole('alert')).toContainText(msg('auth:signIn.wrongCredentials'))
})

test('a page opened before signing in is shown after signing in', async ({ page }) => {
  await page.goto('/countries/RS')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcountries%2FRS/)
  await page.getByRole('textbox', { name: msg('auth:fields.email') }).fill('lead.rs@example.org')
  await page.getByRole('textbox', { name: msg('auth:fields.password'), exact: true }).fill('Demo-Password-2026')
  await page.getByRole('button', { name: msg('auth:signIn.submit'), exact: true }).click()
  await expect(page).toHaveURL('/countries/RS')
  await expect(page.getByRole('heading', { level: 1, name: 'Serbia' })).toBeVisible()
})

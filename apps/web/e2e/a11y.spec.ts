import { test } from '@playwright/test'
import {
  adminPaths,
  coordinatorPaths,
  countryTeamPaths,
  demoRounds,
  oneTimeLinkPaths,
  portalPaths,
  publicDemoRound,
  SIGNED_OUT_PATHS,
  scanPage,
  signedIn,
} from './a11y-helpers.ts'
import { DEMO_PASSWORD, msg } from './helpers.ts'
import { expect } from './round-helpers.ts'

// Every page of the route table (apps/web/src/app/router.tsx and features/portal/routes.tsx), each scanned by axe
// with a role that can see it: one sign-in per role, a step per page and a soft expectation, so a failure names the
// page and the other pages are still checked. Ids come from the demo data through the API.
test.describe.configure({ timeout: 240_000 })

test('the pages before signing in and the public portal', async ({ page }) => {
  for (const path of SIGNED_OUT_PATHS) await scanPage(page, path)
  const published = await publicDemoRound(page.request)
  for (const path of ['/public', ...portalPaths('en', published)]) await scanPage(page, path)
})

test('the coordinator’s pages', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinator@example.org')
  for (const path of await coordinatorPaths(page.request)) await scanPage(page, path)
  await page.context().close()
})

test('the admin’s pages', async ({ browser }) => {
  const page = await signedIn(browser, 'admin@example.org')
  for (const path of await adminPaths(page.request)) await scanPage(page, path)
  // The forms behind one-time links: accepting an invitation and choosing a new password (opened signed out).
  const links = await oneTimeLinkPaths(page.request, 'lead.rs@example.org')
  await page.context().close()
  const visitor = await browser.newPage()
  for (const path of links) {
    await scanPage(visitor, path, `${path.split('?')[0]} with its token`)
    // The form itself, not a "this link does not work" page.
    await expect(visitor.locator('input[type="password"]').first()).toBeVisible()
  }
  await visitor.context().close()
})

test('the Serbian lead’s, expert’s and data provider’s pages', async ({ browser }) => {
  const lead = await signedIn(browser, 'lead.rs@example.org')
  for (const { email, paths } of await countryTeamPaths(lead.request)) {
    const page = email === 'lead.rs@example.org' ? lead : await signedIn(browser, email)
    for (const path of paths) await scanPage(page, path)
    await page.context().close()
  }
})

// The same checks in two other languages: Serbian in Cyrillic and Albanian. The browser's language chooses the UI
// language (the demo accounts have none saved in their profile); `<html lang>` must follow it, and the portal's
// language comes from its address.
for (const locale of ['sr-Cyrl', 'sq'] as const) {
  test(`a page set in ${locale} has no serious violations and the right lang attribute`, async ({ browser }) => {
    const context = await browser.newContext({ locale })
    const page = await context.newPage()
    const expectLang = async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
    }
    await scanPage(page, '/sign-in', `${locale}: /sign-in`)
    await expectLang()
    await expect(page.getByRole('button', { name: msg('auth:signIn.submit', locale), exact: true })).toBeVisible()
    for (const path of [`/public/${locale}`, `/public/${locale}/countries/AL`]) {
      await scanPage(page, path)
      await expectLang()
    }
    const res = await page.request.post('/api/auth/login', {
      data: { email: 'lead.al@example.org', password: DEMO_PASSWORD },
    })
    expect(res.status()).toBe(200)
    const rounds = await demoRounds(page.request)
    for (const path of [
      '/',
      `/rounds/${rounds.open}/countries/AL`,
      `/rounds/${rounds.open}/countries/AL/indicators/IDN-1`,
      '/dashboards/countries/AL',
      '/handbook',
    ]) {
      await scanPage(page, path, `${locale}: ${path}`)
      await expectLang()
      await expect(
        page.getByRole('navigation', { name: msg('common:nav.label', locale) }).getByRole('link', {
          name: msg('common:nav.home', locale),
        }),
      ).toBeVisible()
    }
    await context.close()
  })
}

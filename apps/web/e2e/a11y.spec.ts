import { test } from '@playwright/test'
import { demoRounds, demoVersions, scanPage, signedIn } from './a11y-helpers.ts'
import { DEMO_PASSWORD, msg } from './helpers.ts'
import { expect, ok } from './round-helpers.ts'

// Every page of the route table (apps/web/src/app/router.tsx and features/portal/routes.tsx), each scanned by axe
// with a role that can see it: one sign-in per role, a step per page and a soft expectation, so a failure names the
// page and the other pages are still checked. Ids come from the demo data through the API.
test.describe.configure({ timeout: 240_000 })

test('the pages before signing in and the public portal', async ({ page }) => {
  for (const path of ['/sign-in', '/invitation', '/reset-password']) await scanPage(page, path)
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await page.request.get('/api/public/rounds'))
  const published = rounds.data.find((r) => r.name === 'Monitoring 2025 (demo)')?.id
  expect(published, 'the published 2025 demo round').toBeTruthy()
  for (const path of [
    '/public',
    '/public/en',
    `/public/en/rounds/${published}`,
    '/public/en/countries/RS',
    '/public/en/nowhere',
  ])
    await scanPage(page, path)
})

test('the coordinator’s pages', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinator@example.org')
  const rounds = await demoRounds(page.request)
  const versions = await demoVersions(page.request)
  const recs = await ok<{ data: { id: string }[] }>(await page.request.get('/api/countries/RS/recommendations'))
  const reviews = await ok<{ data: { id: string }[] }>(await page.request.get('/api/reviews'))
  const paths = [
    '/',
    '/handbook',
    `/handbook/${versions.published}`,
    `/handbook/${versions.published}/indicators/IDN-1`,
    `/handbook/${versions.draft}/diff`,
    `/handbook/${versions.draft}`,
    `/handbook/${versions.draft}/indicators/new`,
    `/handbook/${versions.draft}/translations`,
    '/rounds',
    '/rounds/new',
    `/rounds/${rounds.open}`,
    `/rounds/${rounds.published}`,
    `/rounds/${rounds.published}/reports`,
    `/rounds/${rounds.open}/countries/RS`,
    `/rounds/${rounds.open}/countries/RS/indicators/IDN-1`,
    `/rounds/${rounds.published}/countries/RS/indicators/IDN-1`,
    '/dashboards',
    `/dashboards/rounds/${rounds.open}`,
    '/dashboards/countries/RS',
    '/dashboards/indicators?code=IDN-4',
    '/countries/RS/recommendations',
    `/recommendations/${recs.data[0]?.id}`,
    '/reviews',
    '/reviews/new',
    `/reviews/${reviews.data[0]?.id}`,
    `/reviews/${reviews.data[0]?.id}?tab=results`,
    `/reviews/${reviews.data[0]?.id}?tab=ratings`,
    `/reviews/${reviews.data[0]?.id}?tab=decisions`,
    `/reviews/${reviews.data[0]?.id}?tab=output`,
    '/notifications',
  ]
  for (const path of paths) await scanPage(page, path)
  await page.context().close()
})

test('the admin’s pages', async ({ browser }) => {
  const page = await signedIn(browser, 'admin@example.org')
  const users = await ok<{ data: { id: string; email: string }[] }>(await page.request.get('/api/users'))
  const person = users.data.find((u) => u.email === 'lead.rs@example.org')?.id
  for (const path of ['/', '/countries', '/countries/RS', '/people', `/people/${person}`, '/audit', '/account'])
    await scanPage(page, path)
  await scanPage(page, '/no-such-page')

  // The forms behind one-time links: accepting an invitation and choosing a new password (opened signed out).
  const invitation = await ok<{ link: string }>(
    await page.request.post('/api/invitations', {
      data: { email: `a11y-page-${Date.now()}@example.org`, role: 'observer', countryCode: null },
    }),
    201,
  )
  const res = await page.request.post(`/api/users/${person}/password-reset`)
  expect(res.ok(), await res.text()).toBe(true)
  const reset = (await res.json()) as { link: string }
  await page.context().close()
  const visitor = await browser.newPage()
  for (const link of [invitation.link, reset.link]) {
    const url = new URL(link)
    await scanPage(visitor, `${url.pathname}${url.search}`, `${url.pathname} with its token`)
    // The form itself, not a "this link does not work" page.
    await expect(visitor.locator('input[type="password"]').first()).toBeVisible()
  }
  await visitor.context().close()
})

test('the Serbian lead’s, expert’s and data provider’s pages', async ({ browser }) => {
  const lead = await signedIn(browser, 'lead.rs@example.org')
  const rounds = await demoRounds(lead.request)
  const versions = await demoVersions(lead.request)
  for (const path of [
    '/',
    `/handbook/${versions.published}/adaptations/RS`,
    `/rounds/${rounds.open}/countries/RS`,
    `/rounds/${rounds.open}/countries/RS/indicators/IDN-1`,
    `/rounds/${rounds.open}/countries/RS/imports`,
  ])
    await scanPage(lead, path)
  await lead.context().close()

  const expert = await signedIn(browser, 'expert.rs@example.org')
  for (const path of ['/', `/rounds/${rounds.open}/countries/RS/indicators/IDN-1`]) await scanPage(expert, path)
  await expert.context().close()

  const provider = await signedIn(browser, 'provider.rs@example.org')
  for (const path of [
    '/',
    `/rounds/${rounds.open}/countries/RS`,
    `/rounds/${rounds.open}/countries/RS/indicators/IDN-2`,
  ])
    await scanPage(provider, path)
  await provider.context().close()

  const observer = await signedIn(browser, 'observer@example.org')
  for (const path of ['/', '/handbook', '/rounds']) await scanPage(observer, path)
  await observer.context().close()
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

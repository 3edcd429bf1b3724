import { type APIRequestContext, type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, seriousViolations } from './helpers.ts'
import { ok } from './round-helpers.ts'

/** A new browser context signed in as `email` through the API (one sign-in per role), with a page of its own. */
export async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const res = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(res.status(), await res.text()).toBe(200)
  return context.newPage()
}

/**
 * Waits until the page has settled: a level-1 heading shown, no loader, no busy region, and (unless told not to) the
 * network quiet.
 */
export async function settled(page: Page, { quietNetwork = true } = {}): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 })
  await expect(page.locator('[aria-busy="true"], .mantine-Loader-root:not(button *)')).toHaveCount(0, {
    timeout: 15_000,
  })
  if (!quietNetwork) return
  // A lazily loaded chart or a second query may still be on its way: wait for a quiet network, briefly.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  // The pointer would leave a hover style on whatever it last clicked.
  await page.mouse.move(0, 0)
}

/** Axe on the whole page (or inside `within`) as a soft expectation named after `label`. */
export async function softScan(page: Page, label: string, within?: string): Promise<void> {
  expect.soft(await seriousViolations(page, within), label).toEqual([])
}

/** Opens `path`, waits for it to settle and scans it, in a step of its own (a failure names the page). */
export async function scanPage(page: Page, path: string, label = path): Promise<void> {
  await test.step(label, async () => {
    await page.goto(path)
    // A page that never settles is a failure of its own; the other pages are still scanned.
    const ready = await settled(page).then(
      () => '',
      (e: Error) => e.message.split('\n')[0] ?? 'not settled',
    )
    expect.soft(ready, `${label} settles with a level-1 heading`).toBe('')
    await softScan(page, label)
  })
}

/**
 * Opens a dialog with `open`, waits for the dialog named `name` (a string or pattern), scans the page with the
 * dialog open, and closes it with Escape; all in a step named after the dialog.
 */
export async function scanDialog(
  page: Page,
  label: string,
  open: () => Promise<unknown>,
  name?: string | RegExp,
): Promise<Locator> {
  let dialog = page.getByRole('dialog')
  await test.step(`dialog: ${label}`, async () => {
    await open()
    dialog = name ? page.getByRole('dialog', { name }) : page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    // Mantine's open transition: scan the final state, not a half-faded one.
    await expect(dialog).toHaveCSS('opacity', '1')
    await page.waitForTimeout(250)
    await softScan(page, `dialog: ${label}`)
    // Escape closes an open list inside the dialog first (a searchable select opens on focus), then the dialog.
    await expect(async () => {
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden({ timeout: 1_000 })
    }).toPass({ timeout: 10_000 })
  })
  return dialog
}

interface RoundRow {
  id: string
  name: string
  status: string
}

/** The demo rounds by year (2023-2025 published, 2026 collecting), read through the API. */
export async function demoRounds(request: APIRequestContext): Promise<{ published: string; open: string }> {
  const rounds = await ok<{ data: RoundRow[] }>(await request.get('/api/rounds'))
  const byName = (year: number) => rounds.data.find((r) => r.name === `Monitoring ${year} (demo)`)?.id ?? ''
  const ids = { published: byName(2025), open: byName(2026) }
  expect(ids.published && ids.open, 'the demo rounds 2025 and 2026').toBeTruthy()
  return ids
}

interface FrameworkRow {
  code: string
  versions: { id: string; label: string; status: string }[]
}

/** The published default Handbook version (BAN 2026.1) and the demo review's draft (2026.2), through the API. */
export async function demoVersions(request: APIRequestContext): Promise<{ published: string; draft: string }> {
  const frameworks = await ok<{ data: FrameworkRow[] }>(await request.get('/api/frameworks'))
  const versions = frameworks.data.find((f) => f.code === 'BAN')?.versions ?? []
  const ids = {
    published: versions.find((v) => v.label === '2026.1')?.id ?? '',
    draft: versions.find((v) => v.status === 'draft')?.id ?? '',
  }
  expect(ids.published, 'the published demo Handbook').toBeTruthy()
  return ids
}

// The pages of the route table (apps/web/src/app/router.tsx and features/portal/routes.tsx), grouped by a role that
// can see them, with ids from the demo data. The accessibility scan (a11y.spec.ts) and the locale check
// (locales.spec.ts) visit the same lists.

/** The pages before signing in (the one-time-link forms without a token). */
export const SIGNED_OUT_PATHS = ['/sign-in', '/invitation', '/reset-password'] as const

/** The id of the published 2025 demo round, through the public API. */
export async function publicDemoRound(request: APIRequestContext): Promise<string> {
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await request.get('/api/public/rounds'))
  const published = rounds.data.find((r) => r.name === 'Monitoring 2025 (demo)')?.id ?? ''
  expect(published, 'the published 2025 demo round').toBeTruthy()
  return published
}

/** The public portal's pages in one language (its language comes from the address). */
export function portalPaths(locale: string, publishedRound: string): string[] {
  return [
    `/public/${locale}`,
    `/public/${locale}/rounds/${publishedRound}`,
    `/public/${locale}/countries/RS`,
    `/public/${locale}/nowhere`,
  ]
}

/** The regional coordinator's pages (coordinator@example.org): Handbook, rounds, dashboards, reviews. */
export async function coordinatorPaths(request: APIRequestContext): Promise<string[]> {
  const rounds = await demoRounds(request)
  const versions = await demoVersions(request)
  const recs = await ok<{ data: { id: string }[] }>(await request.get('/api/countries/RS/recommendations'))
  const reviews = await ok<{ data: { id: string }[] }>(await request.get('/api/reviews'))
  const review = reviews.data[0]?.id
  return [
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
    `/reviews/${review}`,
    `/reviews/${review}?tab=results`,
    `/reviews/${review}?tab=ratings`,
    `/reviews/${review}?tab=decisions`,
    `/reviews/${review}?tab=output`,
    '/notifications',
  ]
}

/** The admin's pages (admin@example.org), ending with an unknown address. */
export async function adminPaths(request: APIRequestContext): Promise<string[]> {
  const users = await ok<{ data: { id: string; email: string }[] }>(await request.get('/api/users'))
  const person = users.data.find((u) => u.email === 'lead.rs@example.org')?.id
  expect(person, 'the Serbian lead').toBeTruthy()
  return ['/', '/countries', '/countries/RS', '/people', `/people/${person}`, '/audit', '/account', '/no-such-page']
}

/**
 * The forms behind one-time links, made by the admin behind `request`: a new observer's invitation and a password
 * reset for the account `email` (which ends that account's earlier unused reset link, so each spec resets its own
 * account). Addresses with their tokens, to open signed out.
 */
export async function oneTimeLinkPaths(request: APIRequestContext, email: string): Promise<string[]> {
  const users = await ok<{ data: { id: string; email: string }[] }>(await request.get('/api/users'))
  const person = users.data.find((u) => u.email === email)?.id
  expect(person, email).toBeTruthy()
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const invitation = await ok<{ link: string }>(
    await request.post('/api/invitations', {
      data: { email: `page-${stamp}@example.org`, role: 'observer', countryCode: null },
    }),
    201,
  )
  const reset = await ok<{ link: string }>(await request.post(`/api/users/${person}/password-reset`), 201)
  return [invitation.link, reset.link].map((link) => {
    const url = new URL(link)
    return `${url.pathname}${url.search}`
  })
}

/** The pages of the Serbian country team and the observer, by account (their own start page and work pages). */
export async function countryTeamPaths(request: APIRequestContext): Promise<{ email: string; paths: string[] }[]> {
  const rounds = await demoRounds(request)
  const versions = await demoVersions(request)
  return [
    {
      email: 'lead.rs@example.org',
      paths: [
        '/',
        `/handbook/${versions.published}/adaptations/RS`,
        `/rounds/${rounds.open}/countries/RS`,
        `/rounds/${rounds.open}/countries/RS/indicators/IDN-1`,
        `/rounds/${rounds.open}/countries/RS/imports`,
      ],
    },
    { email: 'expert.rs@example.org', paths: ['/', `/rounds/${rounds.open}/countries/RS/indicators/IDN-1`] },
    {
      email: 'provider.rs@example.org',
      paths: ['/', `/rounds/${rounds.open}/countries/RS`, `/rounds/${rounds.open}/countries/RS/indicators/IDN-2`],
    },
    { email: 'observer@example.org', paths: ['/', '/handbook', '/rounds'] },
  ]
}

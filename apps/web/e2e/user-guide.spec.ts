import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, ok } from './round-helpers.ts'

/**
 * The screenshots of the user guide (docs/user-guide/images/<name>.png, generated, not committed), taken from the demo
 * data by each role, so the guide shows the app as it is. Every chapter references only names listed here
 * (scripts/user-guide.test.ts checks it).
 */
const SCREENSHOTS = [
  'sign-in',
  'home',
  'help-link',
  'account',
  'notifications',
  'rounds-list',
  'round-new',
  'round-page',
  'workspace',
  'imports',
  'answer-form',
  'work-offline',
  'assessment-form',
  'assessment-validated',
  'follow-up',
  'recommendations',
  'reports',
  'dashboard-overview',
  'dashboard-country',
  'handbook',
  'handbook-version',
  'handbook-indicator',
  'handbook-diff',
  'adaptation',
  'review-coordinator',
  'review-participant',
  'people',
  'person',
  'country',
  'audit-log',
  'public-portal',
  'public-round',
] as const
type Screenshot = (typeof SCREENSHOTS)[number]

const here = path.dirname(fileURLToPath(import.meta.url))
const OUT = path.resolve(here, '../../../docs/user-guide/images')
const VIEWPORT = { width: 1280, height: 800 }
const taken = new Set<Screenshot>()

interface DemoIds {
  open: string
  past: string
  published: string
  draft: string
  review: string
}
let ids: DemoIds

/** A page of its own for a demo account (null: signed out), at the guide's viewport. */
async function pageFor(browser: Browser, email: string | null): Promise<Page> {
  if (email) {
    const page = await as(browser, email, null)
    await page.setViewportSize(VIEWPORT)
    return page
  }
  const context = await browser.newContext({ viewport: VIEWPORT })
  return context.newPage()
}

/** Opens a page and waits until it has settled: its heading shown, nothing loading, no error. */
async function open(page: Page, url: string, heading?: string | RegExp): Promise<void> {
  await page.goto(url)
  await expect(
    heading ? page.getByRole('heading', { level: 1, name: heading }) : page.getByRole('heading', { level: 1 }).first(),
  ).toBeVisible()
  await settle(page)
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await expect(page.getByText(msg('common:errors.title'))).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: msg('common:notFound.title') })).toHaveCount(0)
  // Charts draw with a short animation; the pointer would leave a hover style.
  await page.mouse.move(0, 0)
  await page.waitForTimeout(600)
}

/** The viewport as it is now (or the part given), saved under the guide's name for it. */
async function shot(page: Page, name: Screenshot, clip?: { x: number; y: number; width: number; height: number }) {
  fs.mkdirSync(OUT, { recursive: true })
  await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', ...(clip ? { clip } : {}) })
  taken.add(name)
}

/** Scrolls a section's heading to the top of the viewport, then takes the screenshot. */
async function shotAt(page: Page, name: Screenshot, heading: string | RegExp) {
  const target = page.getByRole('heading', { name: heading }).first()
  await expect(target).toBeVisible()
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => window.scrollBy(0, -72))
  await settle(page)
  await shot(page, name)
}

test.describe.configure({ mode: 'serial' })

test('finds the demo data the screenshots show', async ({ browser }) => {
  const page = await pageFor(browser, 'coordinator@example.org')
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await page.request.get('/api/rounds'))
  const round = (name: string) => rounds.data.find((r) => r.name === name)?.id ?? ''
  const frameworks = await ok<{ data: { code: string; versions: { id: string; label: string; status: string }[] }[] }>(
    await page.request.get('/api/frameworks'),
  )
  const versions = frameworks.data.find((f) => f.code === 'BAN')?.versions ?? []
  const reviews = await ok<{ data: { id: string; title: string }[] }>(await page.request.get('/api/reviews'))
  ids = {
    open: round('Monitoring 2026 (demo)'),
    past: round('Monitoring 2025 (demo)'),
    published: versions.find((v) => v.label === '2026.1' && v.status === 'published')?.id ?? '',
    // The draft the demo indicator review generated from its decisions.
    draft: versions.find((v) => v.label === '2026.2' && v.status === 'draft')?.id ?? '',
    review: reviews.data.find((r) => r.title === 'Handbook review 2026 (demo)')?.id ?? '',
  }
  expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true)
  await page.context().close()
})

test('signed out: sign-in and the public portal', async ({ browser }) => {
  const page = await pageFor(browser, null)
  await open(page, '/sign-in', msg('auth:signIn.title'))
  await shot(page, 'sign-in')
  await open(page, '/public/en', msg('portal:rounds.title'))
  await shot(page, 'public-portal')
  await open(page, `/public/en/rounds/${ids.past}`)
  await shot(page, 'public-round')
  await page.context().close()
})

test('regional coordinator: rounds, reports, Handbook and the indicator review', async ({ browser }) => {
  test.setTimeout(180_000)
  const page = await pageFor(browser, 'coordinator@example.org')
  await open(page, '/rounds', msg('rounds:list.title'))
  await shot(page, 'rounds-list')
  await open(page, '/rounds/new', msg('rounds:form.title'))
  await shot(page, 'round-new')
  await open(page, `/rounds/${ids.open}`)
  await shot(page, 'round-page')
  await open(page, `/rounds/${ids.past}/reports`)
  await shot(page, 'reports')
  await open(page, '/handbook', msg('handbook:list.title'))
  await shot(page, 'handbook')
  await open(page, `/handbook/${ids.published}`)
  await shot(page, 'handbook-version')
  await open(page, `/handbook/${ids.draft}/diff`)
  await shot(page, 'handbook-diff')
  await open(page, `/reviews/${ids.review}`)
  await shot(page, 'review-coordinator')
  await page.context().close()
})

test('country lead: start page, workspace, imports, validation, recommendations, adaptation', async ({ browser }) => {
  test.setTimeout(180_000)
  const page = await pageFor(browser, 'lead.rs@example.org')
  await open(page, '/')
  await shot(page, 'home')
  await shot(page, 'help-link', { x: 640, y: 0, width: 640, height: 60 })
  await open(page, `/rounds/${ids.open}/countries/RS`)
  await shot(page, 'workspace')
  await shotAt(page, 'follow-up', msg('recommendations:workspace.title'))
  await open(page, `/rounds/${ids.open}/countries/RS/imports`)
  await shot(page, 'imports')
  await open(page, `/rounds/${ids.past}/countries/RS/indicators/IDN-1`)
  await shotAt(page, 'assessment-validated', msg('assessments:panel.title'))
  await open(page, '/countries/RS/recommendations')
  await shot(page, 'recommendations')
  await open(page, `/handbook/${ids.published}/adaptations/RS`)
  await shot(page, 'adaptation')
  await page.context().close()
})

test('expert and data provider: answer, offline template, assessment, review ratings', async ({ browser }) => {
  test.setTimeout(180_000)
  const provider = await pageFor(browser, 'provider.rs@example.org')
  await open(provider, `/rounds/${ids.open}/countries/RS/indicators/IDN-3`)
  await shotAt(provider, 'answer-form', msg('rounds:sources.title'))
  await open(provider, `/rounds/${ids.open}/countries/RS`)
  await shotAt(provider, 'work-offline', msg('rounds:templates.title'))
  await open(provider, '/notifications', msg('notifications:title'))
  await shot(provider, 'notifications')
  await provider.context().close()

  const expert = await pageFor(browser, 'expert.rs@example.org')
  await open(expert, `/rounds/${ids.open}/countries/RS/indicators/IDN-1`)
  await shotAt(expert, 'assessment-form', msg('assessments:panel.title'))
  await open(expert, `/reviews/${ids.review}`)
  await shot(expert, 'review-participant')
  await open(expert, '/account', msg('account:title'))
  await shot(expert, 'account')
  await expert.context().close()
})

test('observer and administrator: dashboards, Handbook, people, countries, audit log', async ({ browser }) => {
  test.setTimeout(180_000)
  const observer = await pageFor(browser, 'observer@example.org')
  await open(observer, `/dashboards/rounds/${ids.past}`, msg('dashboards:overview.title'))
  await shot(observer, 'dashboard-overview')
  await open(observer, '/dashboards/countries/RS')
  await shot(observer, 'dashboard-country')
  await open(observer, `/handbook/${ids.published}/indicators/IDN-3`)
  await shot(observer, 'handbook-indicator')
  await observer.context().close()

  const admin = await pageFor(browser, 'admin@example.org')
  await open(admin, '/people', msg('people:title'))
  await shot(admin, 'people')
  const users = await ok<{ data: { id: string; email: string }[] }>(await admin.request.get('/api/users'))
  const expertId = users.data.find((u) => u.email === 'expert.rs@example.org')?.id
  expect(expertId).toBeTruthy()
  await open(admin, `/people/${expertId}`)
  await shot(admin, 'person')
  await open(admin, '/countries/RS')
  await shot(admin, 'country')
  await open(admin, '/audit', msg('audit:title'))
  await shot(admin, 'audit-log')
  await admin.context().close()
})

test('took every screenshot of the list', () => {
  expect(SCREENSHOTS.filter((name) => !taken.has(name))).toEqual([])
  for (const name of SCREENSHOTS) expect(fs.statSync(path.join(OUT, `${name}.png`)).size).toBeGreaterThan(1000)
})

test('Help opens the section of the guide about the page, for the role, with its screenshots', async ({ browser }) => {
  const page = await pageFor(browser, 'lead.rs@example.org')
  await open(page, `/rounds/${ids.open}/countries/RS`)
  const [guide] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: msg('common:help.link') }).click(),
  ])
  await guide.waitForLoadState()
  const url = new URL(guide.url())
  expect(`${url.pathname}${url.hash}`).toBe('/guide/en/country-lead#assign')
  await expect(guide.locator('html')).toHaveAttribute('lang', 'en')
  await expect(guide.getByRole('heading', { level: 2, name: 'Assign indicators' })).toBeInViewport()
  const image = guide.getByRole('img', { name: 'The workspace of Serbia in the 2026 round' })
  await expect(image).toBeVisible()
  expect(await image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(VIEWPORT.width)

  // Serbian Latin is the Cyrillic chapter transliterated, with the same anchors.
  await guide.goto('/guide/sr-Latn/country-lead#assign')
  await expect(guide.locator('html')).toHaveAttribute('lang', 'sr-Latn')
  await expect(guide.getByRole('heading', { level: 2, name: 'Dodela indikatora' })).toBeInViewport()
  await page.context().close()
})

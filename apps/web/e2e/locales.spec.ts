import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { LOCALES, type Locale } from '../../../packages/shared/src/locales.ts'
import { cyrillicToLatin } from '../../../packages/shared/src/translit.ts'
import type { TextProblem } from '../src/i18n/missing.ts'
import {
  adminPaths,
  coordinatorPaths,
  countryTeamPaths,
  oneTimeLinkPaths,
  portalPaths,
  publicDemoRound,
  SIGNED_OUT_PATHS,
  settled,
  signedIn,
} from './a11y-helpers.ts'

// Every page of the route table (the lists of a11y-helpers.ts, each with a role that can see it) in two UI locales,
// rotating through all seven so each locale sees its share; the public portal in all seven. On each page:
// `<html lang>` is the locale, the app reported no missing text (window.__THBM_I18N_MISSING__, see
// apps/web/src/i18n/missing.ts: a key no catalog has, a key only English has, a message short of its arguments),
// no raw `namespace:key` shows, and a heading taken from the catalogs is not left in English.
test.describe.configure({ mode: 'parallel', timeout: 180_000 })

const here = path.dirname(fileURLToPath(import.meta.url))
const catalogDir = path.resolve(here, '../../../packages/shared/src/i18n/locales')

/** A locale's messages as `namespace:dotted.key` → text (Serbian Latin made from Serbian Cyrillic, as the app does). */
function messages(locale: Locale): Map<string, string> {
  const source = locale === 'sr-Latn' ? 'sr-Cyrl' : locale
  const out = new Map<string, string>()
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out.set(prefix, locale === 'sr-Latn' ? cyrillicToLatin(value) : value)
    else
      for (const [k, v] of Object.entries(value as object))
        walk(prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`, v)
  }
  for (const file of fs.readdirSync(path.join(catalogDir, source)))
    walk(`${file.replace(/\.json$/, '')}:`, JSON.parse(fs.readFileSync(path.join(catalogDir, source, file), 'utf8')))
  return out
}

const catalogs = new Map(LOCALES.map((l) => [l, messages(l)]))
/** English messages without arguments, by text: a heading equal to one of them came from that key. */
const englishKeysByText = new Map<string, string[]>()
for (const [key, text] of catalogs.get('en') ?? [])
  if (!text.includes('{')) englishKeysByText.set(text, [...(englishKeysByText.get(text) ?? []), key])

/** Keys whose English text is the heading although the locale translates them (an English heading left behind). */
function englishHeading(heading: string, locale: Locale): string[] {
  if (locale === 'en') return []
  const translated = catalogs.get(locale)
  return (englishKeysByText.get(heading) ?? []).filter((key) => translated?.get(key) !== heading)
}

/** Text that looks like a raw `namespace:dotted.key`, web and mail addresses left out. */
function rawKeys(text: string): string[] {
  const withoutAddresses = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '').replace(/\bmailto:\S+/gi, '')
  return withoutAddresses.match(/\b[a-z]+:[a-zA-Z]+\.[a-zA-Z.]+\b/g) ?? []
}

/** Two locales for the n-th page: consecutive pages step through all seven. */
const localesFor = (n: number): [Locale, Locale] => [LOCALES[(2 * n) % 7] as Locale, LOCALES[(2 * n + 1) % 7] as Locale]

/** Makes every page of the context collect missing texts, and opens the app once (localStorage needs its origin). */
async function watch(page: Page): Promise<Page> {
  await page.context().addInitScript(() => {
    ;(window as { __THBM_I18N_MISSING__?: unknown[] }).__THBM_I18N_MISSING__ = []
  })
  await page.goto('/api/health')
  return page
}

/** A signed-in page for `email` that collects missing texts; the profile must leave the language to the device. */
async function signedInWatching(browser: Browser, email: string): Promise<Page> {
  const page = await watch(await signedIn(browser, email))
  const me = (await (await page.request.get('/api/auth/me')).json()) as { data: { locale: string | null } }
  expect(me.data.locale, `${email} has no language saved in the profile`).toBeNull()
  return page
}

/**
 * Opens `path` in `locale` and checks it. The app's language is the one chosen on the device (localStorage, as the
 * language menu keeps it); the portal's comes from its address.
 */
async function visit(page: Page, target: string, locale: Locale, label = target): Promise<void> {
  await test.step(`${locale}: ${label}`, async () => {
    await page.evaluate((l) => localStorage.setItem('thbm.locale', l), locale)
    await page.goto(target)
    const ready = await settled(page, { quietNetwork: false }).then(
      () => '',
      (e: Error) => e.message.split('\n')[0] ?? 'not settled',
    )
    expect.soft(ready, `${label} (${locale}) settles with a level-1 heading`).toBe('')
    await expect.soft(page.locator('html'), `${label}: <html lang>`).toHaveAttribute('lang', locale)
    const seen = await page.evaluate(() => ({
      problems: (window as { __THBM_I18N_MISSING__?: TextProblem[] }).__THBM_I18N_MISSING__ ?? null,
      heading: document.querySelector('h1')?.textContent?.trim() ?? '',
      // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, hidden elements left out
      text: document.body.innerText,
    }))
    const problems = [...new Set((seen.problems ?? []).map((p) => `${p.kind} ${p.locale} ${p.key}`))]
    expect.soft(problems, `${label} (${locale}): texts the app could not show`).toEqual([])
    expect.soft(rawKeys(seen.text), `${label} (${locale}): raw keys on the page`).toEqual([])
    expect.soft(englishHeading(seen.heading, locale), `${label} (${locale}): heading left in English`).toEqual([])
  })
}

/** Visits each page in its two locales, the rotation starting at `offset`. */
async function visitAll(page: Page, paths: readonly string[], offset: number, label = (p: string) => p) {
  for (const [i, target] of paths.entries())
    for (const locale of localesFor(offset + i)) await visit(page, target, locale, label(target))
}

test('the pages before signing in, and the public portal in every locale', async ({ page }) => {
  await watch(page)
  await visitAll(page, SIGNED_OUT_PATHS, 0)
  const published = await publicDemoRound(page.request)
  for (const locale of LOCALES) for (const target of portalPaths(locale, published)) await visit(page, target, locale)
})

test('the coordinator’s pages', async ({ browser }) => {
  const page = await signedInWatching(browser, 'coordinator@example.org')
  await visitAll(page, await coordinatorPaths(page.request), 1)
  await page.context().close()
})

test('the admin’s pages and the one-time-link forms', async ({ browser }) => {
  const page = await signedInWatching(browser, 'admin@example.org')
  const paths = await adminPaths(page.request)
  await visitAll(page, paths, 2)
  // A reset link for an account no other spec resets (a new link ends the earlier ones).
  const links = await oneTimeLinkPaths(page.request, 'expert.al@example.org')
  await page.context().close()
  const visitor = await watch(await browser.newPage())
  await visitAll(visitor, links, 2 + paths.length, (p) => `${p.split('?')[0]} with its token`)
  await visitor.context().close()
})

test('the country team’s and the observer’s pages', async ({ browser }) => {
  const lead = await signedInWatching(browser, 'lead.rs@example.org')
  let offset = 3
  for (const { email, paths } of await countryTeamPaths(lead.request)) {
    const page = email === 'lead.rs@example.org' ? lead : await signedInWatching(browser, email)
    await visitAll(page, paths, offset)
    offset += paths.length
    await page.context().close()
  }
})

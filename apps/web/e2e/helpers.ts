import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

const here = path.dirname(fileURLToPath(import.meta.url))
const catalogDir = path.resolve(here, '../../../packages/shared/src/i18n/locales')

export const DEMO_PASSWORD = 'Demo-Password-2026'

/** A message from a catalog (`namespace:dotted.key`), so specs do not repeat UI text. */
export function msg(key: string, locale = 'en'): string {
  const [ns, dotted] = key.split(':') as [string, string]
  const catalog = JSON.parse(fs.readFileSync(path.join(catalogDir, locale, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >
  let value: unknown = catalog
  for (const part of dotted.split('.')) value = (value as Record<string, unknown>)[part]
  if (typeof value !== 'string') throw new Error(`No message ${key} in ${locale}`)
  return value
}

/** The password input (its label text also contains the required asterisk). */
export const passwordInput = (page: Page, name = msg('auth:fields.password')) =>
  page.getByRole('textbox', { name, exact: true })

/**
 * Signs the page's own context in through the API and opens `path` (the start page unless told; nothing when null).
 * For journeys that start signed in: the sign-in form has specs of its own (sign-in, keyboard).
 */
export async function signInByApi(page: Page, email: string, path: string | null = '/'): Promise<void> {
  const res = await page.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(res.status(), await res.text()).toBe(200)
  if (path !== null) await page.goto(path)
}

/** Signs in through the form and waits for the start page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in')
  await page.getByRole('textbox', { name: msg('auth:fields.email') }).fill(email)
  await passwordInput(page).fill(password)
  await page.getByRole('button', { name: msg('auth:signIn.submit'), exact: true }).click()
  await expect(page).toHaveURL('/')
}

/**
 * The serious and critical axe violations on the page (or only inside the `within` selector), one line each.
 * Only violations are collected node by node (`resultTypes`): listing every passing node is most of a full run's
 * time. A page without frames is checked by one `axe.run` in the page itself (legacy mode), which spares the blank
 * page the per-frame runner opens to merge frame results; a page with frames keeps the per-frame runner.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(page.frames().length === 1)
  const results = await (within ? axe.include(within) : axe).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

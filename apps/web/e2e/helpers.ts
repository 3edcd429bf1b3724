import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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

/** Signs in through the form and waits for the start page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in')
  await page.getByRole('textbox', { name: msg('auth:fields.email') }).fill(email)
  await passwordInput(page).fill(password)
  await page.getByRole('button', { name: msg('auth:signIn.submit'), exact: true }).click()
  await expect(page).toHaveURL('/')
}

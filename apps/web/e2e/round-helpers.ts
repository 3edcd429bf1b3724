import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect as baseExpect, type Page } from '@playwright/test'
import { signIn } from './helpers.ts'

// Round pages load a whole Handbook version; allow for a busy machine running other specs at the same time.
export const expect = baseExpect.configure({ timeout: 15_000 })

/** `{name}`-style placeholders of a catalog message filled in (simple messages only). */
export const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))

/** A new signed-in page of its own (its own cookies), closed by the caller through its context. */
export async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

/** Runs axe and expects no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await page.mouse.move(0, 0)
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
}

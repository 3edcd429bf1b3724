import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  expect as baseExpect,
  type Page,
} from '@playwright/test'
import { DEMO_PASSWORD, msg, seriousViolations } from './helpers.ts'

// Round pages load a whole Handbook version; allow for a busy machine running other specs at the same time.
export const expect = baseExpect.configure({ timeout: 15_000 })

/** `{name}`-style placeholders of a catalog message filled in (simple messages only). */
export const fill = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))

/**
 * A new signed-in page of its own (its own cookies), closed by the caller through its context. It opens `path` (the
 * start page unless told) and waits for the main navigation; with `path` null it opens nothing, for a caller that
 * only uses the API through `page.request` or goes on to a page of its own (a page load saved).
 * Signs in through the API: the sign-in form itself is covered by sign-in.spec.ts, and every journey signs in often.
 */
export async function as(browser: Browser, email: string, path: string | null = '/'): Promise<Page> {
  const context = await browser.newContext()
  const res = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
  expect(res.status(), await res.text()).toBe(200)
  const page = await context.newPage()
  if (path === null) return page
  await page.goto(path)
  await expect(page.getByRole('navigation', { name: msg('common:nav.label') })).toBeVisible()
  return page
}

/** Runs axe on the page (or only inside `within`) and expects no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, within?: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  // The pointer would leave a hover style on whatever it last clicked.
  await page.mouse.move(0, 0)
  expect(await seriousViolations(page, within)).toEqual([])
}

/** The JSON body of an API response with the expected status (the body is shown when it differs). */
export async function ok<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status)
  return (await response.json()) as T
}

/**
 * A round on the published default Handbook (BAN 2026.1) for the given countries, created through the API as the
 * signed-in coordinator behind `request` and moved to collecting. Returns the round's id.
 */
export async function collectingRound(
  request: APIRequestContext,
  round: { name: string; countries: string[]; options?: Record<string, unknown> },
): Promise<string> {
  const frameworks = await ok<{
    data: { code: string; versions: { id: string; label: string; status: string }[] }[]
  }>(await request.get('/api/frameworks'))
  const version = frameworks.data
    .find((f) => f.code === 'BAN')
    ?.versions.find((v) => v.label === '2026.1' && v.status === 'published')
  expect(version).toBeTruthy()
  const created = await ok<{ data: { id: string; version: number } }>(
    await request.post('/api/rounds', {
      data: {
        name: round.name,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        frameworkVersionId: version?.id,
        countries: round.countries,
        ...(round.options ? { options: round.options } : {}),
      },
    }),
    201,
  )
  await ok(
    await request.post(`/api/rounds/${created.data.id}/transition`, {
      data: { to: 'collecting', version: created.data.version },
    }),
  )
  return created.data.id
}

import { type Locator, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, msg } from './helpers.ts'
import { expect, fill, ok } from './round-helpers.ts'
import { createSmallHandbook, SMALL_CODES } from './small-framework.ts'

test('signing in works with the keyboard alone, starting from the skip link', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: msg('common:a11y.skipToContent') })).toBeFocused()
  await page.keyboard.press('Enter')
  // From the main content, the next stop is the email field.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: msg('auth:fields.email') })).toBeFocused()
  await page.keyboard.type('coordinator@example.org')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('textbox', { name: msg('auth:fields.password'), exact: true })).toBeFocused()
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rea Coordinator (demo)')
})

/**
 * What the focused element shows as its focus indicator, or null when it shows none: an outline or a ring
 * (box-shadow) on the element, or, for a visually hidden native control (a switch, a segmented control's radio), on
 * its label or the sibling drawn in its place, or on the input box around a field.
 */
function focusIndicator(): { ok: boolean; what: string } {
  const el = document.activeElement as HTMLElement | null
  if (!el || el === document.body) return { ok: false, what: 'nothing focused' }
  const shows = (node: Element | null) => {
    if (!node) return false
    const s = getComputedStyle(node)
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0
    return outline || (s.boxShadow !== 'none' && s.boxShadow !== '')
  }
  const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null
  const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
  return {
    // A field inside a composite input (a multi-select's pills) shows the ring on the input box around it.
    ok: shows(el) || shows(label) || shows(el.nextElementSibling) || shows(el.closest('.mantine-Input-input')),
    what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${name}”`,
  }
}

async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(focusIndicator)
  expect(focus.ok, `a visible focus indicator on ${focus.what}`).toBe(true)
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times, and checks the focus is visible there.
 * Only the keyboard moves: this is how a keyboard user reaches a control.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement, null, { timeout: 2_000 }).catch(() => false)) break
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
  await expectVisibleFocus(page)
}

const LEAD = 'lead.rs@example.org'
const NGO = 'Victim Support NGO (demo, RS)'

test('a data provider signs in, answers, is told of an error, corrects it and submits with the keyboard alone', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  // Set-up through the API: a round on a small Handbook for Serbia, its percentage indicator assigned to the
  // demo NGO's data provider with the earliest due date, so it is first in their work list.
  const staff = await browser.newContext()
  await ok(
    await staff.request.post('/api/auth/login', {
      data: { email: 'coordinator@example.org', password: DEMO_PASSWORD },
    }),
  )
  const handbook = await createSmallHandbook(staff.request)
  const created = await ok<{ data: { id: string; version: number } }>(
    await staff.request.post('/api/rounds', {
      data: {
        name: `E2E keyboard round ${Date.now()}`,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        frameworkVersionId: handbook.versionId,
        countries: ['RS'],
      },
    }),
    201,
  )
  const roundId = created.data.id
  await ok(
    await staff.request.post(`/api/rounds/${roundId}/transition`, {
      data: { to: 'collecting', version: created.data.version },
    }),
  )
  await staff.close()
  const lead = await browser.newContext()
  await ok(await lead.request.post('/api/auth/login', { data: { email: LEAD, password: DEMO_PASSWORD } }))
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await lead.request.get('/api/organisations?country=RS'),
  )
  const people = await ok<{ data: { id: string; email: string }[] }>(
    await lead.request.get('/api/users?country=RS&role=data_provider'),
  )
  const ngo = orgs.data.find((o) => o.name === NGO)?.id
  const provider = people.data.find((u) => u.email === 'provider.rs@example.org')?.id
  expect(ngo && provider).toBeTruthy()
  await ok(
    await lead.request.put(`/api/rounds/${roundId}/countries/RS/assignments/${SMALL_CODES.percentage}`, {
      data: { version: 0, expertId: null, providers: [{ organisationId: ngo, userId: provider }], dueOn: '2026-01-31' },
    }),
  )
  await lead.close()

  // Sign in: the skip link, the email and password fields, Enter.
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: msg('common:a11y.skipToContent') })).toBeFocused()
  await expectVisibleFocus(page)
  await tabTo(page, page.getByRole('textbox', { name: msg('auth:fields.email') }))
  await page.keyboard.type('provider.rs@example.org')
  await tabTo(page, page.getByRole('textbox', { name: msg('auth:fields.password'), exact: true }))
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/')

  // The start page lists the provider's work: Tab to the indicator of this round and open it.
  const entryLink = page
    .locator(`a[href^="/rounds/${roundId}/countries/RS/indicators/${SMALL_CODES.percentage}"]`)
    .first()
  await expect(entryLink).toBeVisible()
  await tabTo(page, entryLink, { max: 120 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${SMALL_CODES.percentage} · `) })).toBeVisible()
  const status = page.getByTestId('save-status')
  await expect(status).toHaveText(msg('rounds:save.empty'))

  // Submitting the empty answer: the summary is announced (role=alert) and links to each field.
  const submit = page.getByRole('button', { name: msg('rounds:submit.button') })
  await tabTo(page, submit, { max: 120 })
  await page.keyboard.press('Enter')
  const summary = page.getByRole('alert').filter({ hasText: msg('common:form.errorSummaryTitle') })
  await expect(summary).toBeVisible()
  const numeratorLabel = 'Frontline staff trained on identification'
  const numerator = page.getByRole('textbox', { name: numeratorLabel })
  const denominator = page.getByRole('textbox', { name: 'Frontline staff in post' })
  await expect(numerator).toHaveAttribute('aria-invalid', 'true')
  const summaryLink = summary.getByRole('link', { name: numeratorLabel })
  await tabTo(page, summaryLink, { back: true, max: 120 })
  await page.keyboard.press('Enter')
  await expect(numerator).toBeFocused()
  await expectVisibleFocus(page)

  // A numerator above the denominator: the error is tied to the field and the save status says so (aria-live).
  await page.keyboard.type('120')
  await tabTo(page, denominator)
  await page.keyboard.type('80')
  await page.keyboard.press('Tab')
  const over = msg('rounds:checks.code.percentage_over100')
  await expect(page.getByText(over, { exact: true })).toBeVisible()
  const invalidField = page.locator('input[aria-invalid="true"]')
  await expect(invalidField).toHaveCount(1)
  const describedBy = (await invalidField.getAttribute('aria-describedby')) ?? ''
  const descriptions = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  )
  expect(descriptions.join(' ')).toContain(over)
  // The field's error is announced as it appears.
  // (The form's summary, an alert too, lists it with the field's label.)
  await expect(page.locator('[role="alert"][id$="-error"]').filter({ hasText: over })).toBeVisible()
  await expect(status).toHaveText(msg('rounds:save.invalid'))
  await expect(status).toHaveAttribute('aria-live', 'polite')

  // Submitting now is refused, announced at the top.
  await tabTo(page, submit, { max: 40 })
  await page.keyboard.press('Enter')
  await expect(summary).toContainText(msg('rounds:submit.fixFirst'))

  // Back to the numerator (Shift+Tab), corrected; leaving the field saves.
  await tabTo(page, numerator, { back: true, max: 120 })
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('36')
  await page.keyboard.press('Tab')
  await expect(page.getByText(over)).toHaveCount(0)
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0)
  await expect(page.getByText(fill(msg('rounds:entry.percentResult'), { percent: '45%' }))).toBeVisible()
  await expect(status).toContainText(fill(msg('rounds:save.savedAt'), { time: '' }).trim())

  // Submit with the keyboard: the answer is submitted.
  await tabTo(page, submit, { max: 120 })
  await page.keyboard.press('Enter')
  await expect(page.getByText(msg('rounds:entry.submittedTitle'), { exact: true }).first()).toBeVisible()
  await expect(summary).toHaveCount(0)
})

// Every stop of the Tab order on the main pages shows where the focus is (up to 60 stops a page).
test('every keyboard stop on the main pages shows a visible focus indicator', async ({ browser }) => {
  test.setTimeout(150_000)
  const visit = async (page: Page, path: string) => {
    await test.step(path, async () => {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
      const missing = new Set<string>()
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab')
        const focus = await page.evaluate(focusIndicator)
        if (focus.what === 'nothing focused') break
        if (!focus.ok) missing.add(focus.what)
      }
      expect.soft([...missing], `${path}: focused elements without a visible indicator`).toEqual([])
    })
  }
  const anonymous = await browser.newPage()
  for (const path of ['/sign-in', '/public/en', '/public/en/countries/RS']) await visit(anonymous, path)
  await anonymous.context().close()

  const context = await browser.newContext()
  await ok(await context.request.post('/api/auth/login', { data: { email: LEAD, password: DEMO_PASSWORD } }))
  const page = await context.newPage()
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await page.request.get('/api/rounds'))
  const open = rounds.data.find((r) => r.name === 'Monitoring 2026 (demo)')?.id
  for (const path of [
    '/',
    '/handbook',
    `/rounds/${open}/countries/RS`,
    `/rounds/${open}/countries/RS/indicators/IDN-1`,
    '/dashboards/countries/RS',
    '/countries/RS/recommendations',
    '/account',
  ])
    await visit(page, path)
  await context.close()
})

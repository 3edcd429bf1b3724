import { type Browser, type Page, test } from '@playwright/test'
import { demoRounds, settled } from './a11y-helpers.ts'
import { DEMO_PASSWORD, msg } from './helpers.ts'
import { expect, ok } from './round-helpers.ts'

// The main pages on a small phone (360 px wide) and at 200 % zoom of a 1280 × 800 window (a CSS viewport of
// 640 × 400): the document never scrolls sideways, no text is cut off at the right edge outside a scrolling table,
// and the navigation is reachable through the menu button.
test.describe.configure({ timeout: 180_000 })

const SIZES = [
  { label: '360 px wide', viewport: { width: 360, height: 740 } },
  { label: '200 % zoom', viewport: { width: 640, height: 400 } },
] as const

async function signedInAt(browser: Browser, viewport: { width: number; height: number }, email: string | null) {
  const context = await browser.newContext({ viewport })
  if (email) {
    const res = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } })
    expect(res.status(), await res.text()).toBe(200)
  }
  return context.newPage()
}

/**
 * What does not fit: the document's sideways overflow, and visible text or controls whose right edge lies past the
 * window and that no scrolling container (a wide table's) lets the reader reach.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement
    const problems: string[] = []
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${root.clientWidth} px`)
    const scrolls = (el: Element | null): boolean => {
      for (let node = el?.parentElement; node && node !== document.body; node = node.parentElement) {
        const x = getComputedStyle(node).overflowX
        if ((x === 'auto' || x === 'scroll') && node.scrollWidth > node.clientWidth) return true
      }
      return false
    }
    const selector = 'h1, h2, h3, p, a, button, label, input, select, textarea, th, td, li, [role="status"]'
    for (const el of document.querySelectorAll(selector)) {
      const rect = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue
      // Visually hidden helpers (1 px, clipped) and off-screen skip links are meant to be out of sight.
      if (rect.width <= 1 || rect.bottom < 0) continue
      if (rect.right > root.clientWidth + 1 && !scrolls(el)) {
        const text = (el.textContent ?? '').trim().slice(0, 40)
        problems.push(`${el.tagName.toLowerCase()} “${text}” ends at ${Math.round(rect.right)} px`)
      }
    }
    return problems.slice(0, 10)
  })
}

async function checkPage(page: Page, path: string, label: string) {
  await test.step(`${label}: ${path}`, async () => {
    await page.goto(path)
    await settled(page)
    expect.soft(await layoutProblems(page), `${label}: ${path}`).toEqual([])
  })
}

/** The navigation sits behind the menu button; opening it shows every link inside the window. */
async function checkNavigation(page: Page, label: string) {
  await test.step(`${label}: the navigation through the menu button`, async () => {
    const nav = page.getByRole('navigation', { name: msg('common:nav.label') })
    await expect(nav).not.toBeInViewport()
    await page.getByRole('button', { name: msg('common:nav.open') }).click()
    const rounds = nav.getByRole('link', { name: msg('common:nav.rounds') })
    await expect(rounds).toBeInViewport()
    await rounds.click()
    await expect(page).toHaveURL('/rounds')
    await expect(page.getByRole('heading', { level: 1, name: msg('rounds:list.title') })).toBeVisible()
    await expect(nav).not.toBeInViewport()
  })
}

for (const { label, viewport } of SIZES) {
  test(`the main pages fit ${label}`, async ({ browser }) => {
    const visitor = await signedInAt(browser, viewport, null)
    const published = await ok<{ data: { id: string; name: string }[] }>(
      await visitor.request.get('/api/public/rounds'),
    )
    const round2025 = published.data.find((r) => r.name === 'Monitoring 2025 (demo)')?.id
    for (const path of ['/sign-in', '/public/en', `/public/en/rounds/${round2025}`, '/public/en/countries/RS'])
      await checkPage(visitor, path, label)
    await visitor.context().close()

    const lead = await signedInAt(browser, viewport, 'lead.rs@example.org')
    const rounds = await demoRounds(lead.request)
    for (const path of [
      '/',
      `/rounds/${rounds.open}`,
      `/rounds/${rounds.open}/countries/RS`,
      `/dashboards/rounds/${rounds.open}`,
      '/dashboards/countries/RS',
      '/countries/RS/recommendations',
    ])
      await checkPage(lead, path, label)
    await lead.goto('/')
    await settled(lead)
    // On a phone the header's Help link is its icon alone, still named "Help".
    const help = lead.getByRole('banner').getByRole('link', { name: msg('common:help.link'), exact: true })
    await expect(help).toBeVisible()
    if (viewport.width < 576) await expect(help.getByText(msg('common:help.link'), { exact: true })).toBeHidden()
    else await expect(help.getByText(msg('common:help.link'), { exact: true })).toBeVisible()
    await checkNavigation(lead, label)
    await lead.context().close()

    // The answer form, as the data provider who fills it in: an indicator of the open round still to answer.
    const provider = await signedInAt(browser, viewport, 'provider.rs@example.org')
    const work = await ok<{
      data: { items: { roundId: string; indicatorCode: string; organisation: { id: string } }[] }
    }>(await provider.request.get('/api/me/work'))
    const item = work.data.items.find((i) => i.roundId === rounds.open)
    expect(item, 'an open answer of the data provider in the demo round').toBeTruthy()
    await checkPage(
      provider,
      `/rounds/${rounds.open}/countries/RS/indicators/${item?.indicatorCode}?source=${item?.organisation.id}`,
      label,
    )
    // The save bar sticks to the bottom of the window once the form is reached; its Submit button fits in it.
    const submit = provider.getByRole('button', { name: msg('rounds:submit.button') })
    await submit.scrollIntoViewIfNeeded()
    await expect(submit).toBeInViewport({ ratio: 1 })
    await expect(provider.getByTestId('save-status')).toBeInViewport({ ratio: 1 })
    await provider.context().close()
  })
}

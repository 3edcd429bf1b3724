import { type APIResponse, type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// The Serbian lead re-assigns an indicator of the open demo round to the demo NGO; the NGO's data provider sees the
// unread count in the header, reads the sentence on the notifications page, opens it and the count drops.
// Other specs may notify the same provider at the same time (they assign indicators to the NGO in rounds of their
// own), so counts are compared with what the server says rather than assumed.
test.describe.configure({ timeout: 120_000 })

const NGO = 'Victim Support NGO (demo, RS)'
const DEMO_ROUND = 'Monitoring 2026 (demo)'
const LEAD_NAME = 'Milica Lead (demo)'

async function ok<T>(response: APIResponse): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300)
  return (await response.json()) as T
}

/** One branch of a `{count, plural, …}` catalog message, with `#` filled in. */
function plural(message: string, n: number): string {
  const branches = new Map(
    [...message.matchAll(/(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g)].map((m) => [m[1], m[2]]),
  )
  const text = branches.get(`=${n}`) ?? (n === 1 ? branches.get('one') : undefined) ?? branches.get('other') ?? ''
  return text.replace(/#/g, String(n))
}

const bellName = (n: number) => plural(msg('notifications:bell'), n)
const bell = (page: Page) =>
  page.getByRole('banner').getByRole('link', { name: new RegExp(`^${msg('notifications:title')}`) })

interface Listed {
  data: { id: string; indicatorCode: string | null; readAt: string | null; createdAt: string }[]
  unread: number
}
const listed = async (page: Page) =>
  ok<Listed>(await page.request.get('/api/me/notifications', { params: { limit: 200 } }))

/** The header shows the count the server has (reloading if another spec added one in between). */
async function expectBellMatchesServer(page: Page): Promise<number> {
  let count = -1
  await expect(async () => {
    count = (await listed(page)).unread
    await expect(bell(page)).toHaveAccessibleName(bellName(count), { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  return count
}

test('a data provider learns of a new assignment in the header, opens it and the count drops', async ({ browser }) => {
  const lead = await as(browser, 'lead.rs@example.org', null)
  const rounds = await ok<{ data: { id: string; name: string; status: string }[] }>(
    await lead.request.get('/api/rounds'),
  )
  const round = rounds.data.find((r) => r.name === DEMO_ROUND && r.status === 'collecting')
  expect(round, DEMO_ROUND).toBeTruthy()
  const roundId = round?.id as string
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await lead.request.get('/api/organisations', { params: { country: 'RS' } }),
  )
  const ngo = orgs.data.find((o) => o.name === NGO)
  expect(ngo, NGO).toBeTruthy()
  const ngoId = ngo?.id as string
  const progress = await ok<{
    data: {
      indicators: {
        code: string
        assignment: {
          expert: { id: string } | null
          providers: { organisationId: string; userId: string | null }[]
          dueOn: string | null
          version: number
        } | null
      }[]
    }
  }>(await lead.request.get(`/api/rounds/${roundId}/countries/RS/progress`))
  const row = progress.data.indicators.at(-1)
  expect(row, 'an indicator of Serbia in the demo round').toBeTruthy()
  const code = row?.code as string
  const current = row?.assignment ?? null
  const others = (current?.providers ?? [])
    .filter((p) => p.organisationId !== ngoId)
    .map((p) => ({ organisationId: p.organisationId, userId: p.userId }))
  let version = current?.version ?? 0
  const put = async (providers: { organisationId: string; userId: string | null }[]) => {
    await ok(
      await lead.request.put(`/api/rounds/${roundId}/countries/RS/assignments/${code}`, {
        data: { version, expertId: current?.expert?.id ?? null, providers, dueOn: current?.dueOn ?? null },
      }),
    )
    version += 1
  }
  // Take the NGO off the indicator (the demo seed assigned it), then add it again: a newly added organisation's
  // data providers are told.
  if (current?.providers.some((p) => p.organisationId === ngoId)) await put(others)
  await put([...others, { organisationId: ngoId, userId: null }])
  await lead.context().close()

  const page = await as(browser, 'provider.rs@example.org')
  const before = await expectBellMatchesServer(page)
  expect(before).toBeGreaterThan(0)
  await expect(bell(page)).toContainText(String(before))
  await expect(page.getByRole('heading', { name: msg('notifications:digestTitle') })).toBeVisible()
  await expectNoSeriousViolations(page)

  await bell(page).click()
  await expect(page).toHaveURL('/notifications')
  await expect(page.getByRole('heading', { level: 1, name: msg('notifications:title') })).toBeVisible()
  const assignment = (msg('notifications:message.assignment').match(/other \{(.*)\}\}$/) as RegExpMatchArray)[1]
  const sentence = fill(assignment as string, {
    actor: LEAD_NAME,
    organisation: NGO,
    code,
    round: DEMO_ROUND,
    country: 'Serbia',
  })
  const item = page.getByRole('listitem').filter({ hasText: sentence }).first()
  await expect(item).toBeVisible()
  await expect(item.getByText(msg('notifications:unread'), { exact: true })).toBeVisible()
  await expectNoSeriousViolations(page)

  const opened = await listed(page)
  const mine = opened.data.find((n) => n.indicatorCode === code && n.readAt === null)
  expect(mine, 'the unread notification about the assignment').toBeTruthy()
  await item.getByRole('link', { name: new RegExp(`^${msg('notifications:open')}: `) }).click()
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/countries/RS/indicators/${code}\\?source=${ngoId}$`))
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible()

  // Opening it marked it read, and the header shows one unread fewer (plus any that other specs added meanwhile).
  await expect.poll(async () => (await listed(page)).data.find((n) => n.id === mine?.id)?.readAt ?? null).not.toBeNull()
  const after = await expectBellMatchesServer(page)
  const seen = new Set(opened.data.map((n) => n.id))
  const arrived = (await listed(page)).data.filter((n) => n.readAt === null && !seen.has(n.id)).length
  expect(after).toBe(opened.unread - 1 + arrived)
  await page.context().close()
})

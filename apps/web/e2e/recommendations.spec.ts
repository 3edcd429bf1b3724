import { type APIRequestContext, type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// Recommendations and their follow-up on the demo data: three recommendations issued to every country in 2023 and
// followed up in the 2024 and 2025 rounds (one may close after 2024). The Serbian country lead reads the country's
// implementation rates and a recommendation's history, then, in the open 2026 demo round, records the follow-up of a
// carried-over recommendation and issues a new one.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const LEAD = 'lead.rs@example.org'
const ISSUED = 'Monitoring 2023 (demo)'
const OPEN_ROUND = 'Monitoring 2026 (demo)'
const COMMENT = `Standard procedures adopted, training still missing (e2e ${Date.now()}).`
const NEW_TEXT = `Publish the annual report of the national rapporteur on time (e2e ${Date.now()}).`
const EDITED_TEXT = `${NEW_TEXT} Make it public.`

interface FollowUp {
  round: { id: string; name: string }
  status: string
}
interface Rec {
  id: string
  text: string
  issuedIn: { id: string; name: string }
  followUps: FollowUp[]
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as T
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

test('the country page shows implementation rates and a recommendation’s history across rounds', async ({
  browser,
}) => {
  const page = await as(browser, LEAD, null)
  const recs = await ok<{ data: Rec[] }>(await page.request.get('/api/countries/RS/recommendations'))
  const rec = recs.data.find((r) => r.issuedIn.name === ISSUED && r.followUps.length === 2)
  expect(rec, 'a 2023 recommendation followed up in two rounds').toBeTruthy()
  const history = rec?.followUps ?? []

  await page.goto('/countries/RS')
  await page.getByRole('link', { name: msg('recommendations:countryLink.open') }).click()
  await expect(page).toHaveURL('/countries/RS/recommendations')
  await expect(
    page.getByRole('heading', { level: 1, name: fill(msg('recommendations:country.title'), { country: 'Serbia' }) }),
  ).toBeVisible()
  const rates = page.getByRole('table', { name: msg('recommendations:implementation.byRound') })
  await expect(rates.getByRole('row', { name: /Monitoring 2024 \(demo\)/ })).toContainText('%')
  await expect(rates.getByRole('row', { name: /Monitoring 2025 \(demo\)/ })).toContainText('%')
  await expect(page.getByText(msg('recommendations:implementation.method'))).toBeVisible()
  await expect(page.getByRole('table', { name: msg('recommendations:implementation.byPriority') })).toBeVisible()

  // Filter by the issuing round: the filter goes into the address.
  await page.getByRole('combobox', { name: msg('recommendations:filters.round') }).click()
  await page.getByRole('option', { name: ISSUED }).click()
  await expect(page).toHaveURL(/[?&]round=[0-9a-f-]{36}/)
  const list = page.getByRole('list', { name: msg('recommendations:list.title') })
  await expect(list.getByTestId('recommendation')).toHaveCount(3)
  await expectNoSeriousViolations(page)

  await list.getByRole('link', { name: rec?.text }).click()
  await expect(page).toHaveURL(`/recommendations/${rec?.id}`)
  await expect(page.getByTestId('recommendation-text')).toHaveText(rec?.text ?? '')
  const table = page.getByTestId('follow-up-history')
  for (const f of history) {
    const row = table.getByRole('row', { name: new RegExp(f.round.name.replace(/[()]/g, '\\$&')) })
    await expect(row).toContainText(msg(`recommendations:status.${f.status}`))
  }
  await expect(table.getByRole('row')).toHaveCount(3)
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('in the open round the lead records a follow-up, sees it counted, and issues a new recommendation', async ({
  browser,
}) => {
  const page = await as(browser, LEAD, null)
  const rounds = await ok<{ data: { id: string; name: string }[] }>(await page.request.get('/api/rounds'))
  const roundId = rounds.data.find((r) => r.name === OPEN_ROUND)?.id ?? ''
  expect(roundId, OPEN_ROUND).toBeTruthy()
  const carried = await ok<{ data: Rec[] }>(await page.request.get(`/api/rounds/${roundId}/countries/RS/follow-ups`))
  const done = carried.data.filter((r) => r.followUps.some((f) => f.round.id === roundId)).length
  const target = carried.data.find((r) => !r.followUps.some((f) => f.round.id === roundId))
  expect(target, 'a carried-over recommendation without a 2026 status').toBeTruthy()
  const total = carried.data.length

  await page.goto(`/rounds/${roundId}/countries/RS`)
  const section = region(page, msg('recommendations:workspace.title'))
  const count = section.getByTestId('follow-up-count')
  await expect(count).toHaveText(fill(msg('recommendations:workspace.followedUp'), { done, total }))
  const item = section.getByTestId('recommendation').filter({ hasText: target?.text ?? '' })
  await expect(item).toContainText(msg('recommendations:followUp.needed'))

  await item.getByRole('button', { name: msg('recommendations:followUp.record') }).click()
  const first = item.getByRole('radio', { name: msg('recommendations:status.not_implemented') })
  await expect(first).toBeFocused()
  await item.getByRole('radio', { name: msg('recommendations:status.partially_implemented') }).check()
  await item.getByRole('textbox', { name: msg('recommendations:followUp.comment') }).fill(COMMENT)
  await item.getByRole('button', { name: msg('recommendations:followUp.addLink') }).click()
  await item
    .getByRole('textbox', { name: fill(msg('recommendations:followUp.linkUrl'), { n: 1 }) })
    .fill('https://example.org/sop-2026')
  await expectNoSeriousViolations(page)
  await item.getByRole('button', { name: msg('recommendations:followUp.save') }).click()

  await expect(count).toHaveText(fill(msg('recommendations:workspace.followedUp'), { done: done + 1, total }))
  await expect(item.getByText(msg('recommendations:followUp.saved'))).toBeVisible()
  await expect(item.getByRole('button', { name: msg('recommendations:followUp.change') })).toBeFocused()
  await expect(item.getByTestId('follow-up-status').last()).toHaveText(
    msg('recommendations:status.partially_implemented'),
  )
  await expect(item).toContainText(COMMENT)

  // A new recommendation of this round.
  const create = section.getByRole('button', { name: msg('recommendations:workspace.new') })
  await create.click()
  const dialog = page.getByRole('dialog', { name: msg('recommendations:form.createTitle') })
  const text = dialog.getByRole('textbox', { name: msg('recommendations:fields.text') })
  await expect(text).toBeFocused()
  // Submitting empty says what is missing.
  await dialog.getByRole('button', { name: msg('recommendations:form.create') }).click()
  await expect(dialog.getByText(msg('recommendations:form.errors.required')).first()).toBeVisible()
  await text.fill(NEW_TEXT)
  await dialog.getByRole('radio', { name: msg('recommendations:priority.label.necessary') }).check()
  const institutions = dialog.getByRole('combobox', { name: msg('recommendations:fields.institutions') })
  await institutions.fill('Office of the National Rapporteur')
  await institutions.press('Enter')
  await dialog.getByRole('combobox', { name: msg('recommendations:fields.areas') }).click()
  await page.getByRole('option', { name: /^PRV · / }).click()
  // Close the pick list (a click elsewhere in the dialog) before checking the form.
  await dialog.getByRole('heading', { name: msg('recommendations:form.createTitle') }).click()
  await expect(page.getByRole('listbox')).toBeHidden()
  await expectNoSeriousViolations(page)
  await dialog.getByRole('button', { name: msg('recommendations:form.create') }).click()
  await expect(dialog).toBeHidden()
  await expect(section.getByText(msg('recommendations:workspace.created'))).toBeVisible()
  const issued = section.getByTestId('recommendation').filter({ hasText: NEW_TEXT })
  await expect(issued).toContainText('Office of the National Rapporteur')
  await expect(issued).toContainText('PRV')
  await expect(issued).toContainText(msg('recommendations:status.none'))
  await expect(create).toBeFocused()
  await expectNoSeriousViolations(page)

  // While the round is open the recommendation can still be edited on its own page.
  await issued.getByRole('link', { name: NEW_TEXT }).click()
  await expect(page.getByTestId('recommendation-text')).toHaveText(NEW_TEXT)
  await expect(page.getByTestId('follow-up-history')).toHaveCount(0)
  await expect(page.getByText(msg('recommendations:history.empty'))).toBeVisible()
  const edit = page.getByRole('button', { name: msg('recommendations:detail.edit') })
  await edit.click()
  const editing = page.getByRole('dialog', { name: msg('recommendations:form.editTitle') })
  await editing.getByRole('radio', { name: msg('recommendations:priority.label.urgent') }).check()
  await editing.getByRole('textbox', { name: msg('recommendations:fields.text') }).fill(EDITED_TEXT)
  await editing.getByRole('button', { name: msg('common:actions.save') }).click()
  await expect(editing).toBeHidden()
  await expect(page.getByText(msg('recommendations:detail.saved'))).toBeVisible()
  await expect(page.getByTestId('recommendation-text')).toHaveText(EDITED_TEXT)
  await expect(page.getByText(fill(msg('recommendations:priority.badge'), { priority: 'Urgent' }))).toBeVisible()
  await expect(edit).toBeFocused()
  await expectNoSeriousViolations(page)
  await page.context().close()
})

import { type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'

// The indicator review from start to the next Handbook version, on the published demo Handbook (BAN 2026.1): the
// regional coordinator creates a review and invites two participants from two countries, who rate in round 1 (a few
// indicators through the page, the rest through the API); in round 2 a participant sees the group's medians and
// revises; the coordinator closes the review, decides (a merge and a drop through the page, keep for the rest through
// the API), is told which decisions are missing, generates the draft version and sees the merge and the drop in the
// Handbook's diff.
test.describe.configure({ mode: 'serial', timeout: 240_000 })

const COORDINATOR = 'coordinator@example.org'
const RS = 'lead.rs@example.org'
const AL = 'lead.al@example.org'
const TITLE = `Review e2e ${Date.now()}`
const LABEL = `2027.${(Date.now() % 89) + 10}`
const CRITERIA = ['significance', 'feasibility', 'clarity', 'relevance'] as const

type Ratings = Partial<Record<(typeof CRITERIA)[number], number>>
interface Workspace {
  data: { indicators: { code: string; response: { version: number } | null }[] }
}

let reviewId = ''

const tab = (page: Page, key: string) => page.getByRole('tab', { name: msg(`review:tabs.${key}`) })

/** Rates every indicator the participant has not answered yet in the open round (kept, all 4s), through the API. */
async function rateTheRest(page: Page) {
  const mine = await ok<Workspace>(await page.request.get(`/api/reviews/${reviewId}/my-responses`))
  for (const ind of mine.data.indicators.filter((i) => !i.response)) {
    await ok(
      await page.request.put(`/api/reviews/${reviewId}/my-responses/${ind.code}`, {
        data: {
          version: 0,
          ratings: { significance: 4, feasibility: 4, clarity: 4, relevance: 4 },
          proposal: 'keep',
        },
      }),
    )
  }
}

/** Opens an indicator of the participant's list and rates it through the form. */
async function rateInPage(page: Page, code: string, ratings: Ratings, proposal: { label: string; mergeInto?: string }) {
  await page.getByRole('button', { name: new RegExp(`^${code} `) }).click()
  const form = page.getByRole('form', { name: fill(msg('review:rate.formLabel'), { code }) })
  for (const [criterion, value] of Object.entries(ratings)) {
    const group = form.getByRole('group', { name: msg(`review:criterion.${criterion}`) })
    await group.getByRole('radio', { name: msg(`review:rate.scale.${value}`) }).check()
  }
  await form.getByRole('radio', { name: proposal.label, exact: true }).check()
  if (proposal.mergeInto) {
    await form.getByRole('combobox', { name: msg('review:rate.mergeInto') }).fill(proposal.mergeInto)
    await page.getByRole('option', { name: new RegExp(`^${proposal.mergeInto} `) }).click()
  }
  await form.getByRole('button', { name: fill(msg('review:rate.save'), { code }) }).click()
  await expect(form.getByText(msg('review:rate.saved'))).toBeVisible()
}

/** Adds a participant through the coordinator's form: the person's country comes from their membership. */
async function addParticipant(page: Page, email: string, country: string, role: string) {
  const form = page.getByRole('form', { name: msg('review:participants.addTitle') })
  await form.getByRole('combobox', { name: msg('review:participants.user') }).fill(email)
  await page.getByRole('option', { name: new RegExp(email.replace(/\./g, '\\.')) }).click()
  await expect(form.getByRole('combobox', { name: msg('review:participants.country') })).toHaveValue(country)
  await form.getByRole('combobox', { name: msg('review:participants.role') }).selectOption(role)
  await form.getByRole('button', { name: msg('review:participants.add') }).click()
  await expect(page.getByTestId('participants').getByRole('row', { name: new RegExp(email) })).toBeVisible()
}

test('the coordinator opens a review with two participants from two countries', async ({ browser }) => {
  const page = await as(browser, COORDINATOR, '/reviews')
  await page.getByRole('link', { name: msg('review:list.new') }).click()
  await expect(page.getByRole('heading', { level: 1, name: msg('review:form.title') })).toBeVisible()
  await page.getByRole('combobox', { name: msg('review:form.version') }).selectOption({ label: 'BAN 2026.1' })
  await page.getByRole('textbox', { name: msg('review:form.name') }).fill(TITLE)
  // Every default criterion is offered and chosen.
  for (const c of CRITERIA)
    await expect(page.getByRole('checkbox', { name: msg(`review:criterion.${c}`) })).toBeChecked()
  await expectNoSeriousViolations(page)
  await page.getByRole('button', { name: msg('review:form.submit') }).click()
  await expect(page).toHaveURL(/\/reviews\/[0-9a-f-]{36}$/)
  reviewId = page.url().split('/').at(-1) ?? ''
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(page.getByText(msg('review:rounds.stateNoParticipants'))).toBeVisible()

  await addParticipant(page, RS, 'RS', 'rapporteur')
  await addParticipant(page, AL, 'AL', 'ngo_expert')
  await expect(page.getByText(msg('review:rounds.stateReady'))).toBeVisible()
  await page.getByRole('button', { name: fill(msg('review:rounds.open'), { round: 1 }) }).click()
  await expect(page.getByText(fill(msg('review:rounds.stateOpen'), { round: 1 }))).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('two participants rate in round 1', async ({ browser }) => {
  const rs = await as(browser, RS, '/reviews')
  await rs.getByRole('link', { name: TITLE }).click()
  const status = rs.getByTestId('participant-status')
  await expect(status).toContainText(fill(msg('review:participant.open'), { round: 1 }))
  await expect(status).toContainText('0 of 67')
  await rateInPage(
    rs,
    'IDN-3',
    { significance: 2, feasibility: 3, clarity: 4, relevance: 3 },
    {
      label: msg('review:proposal.merge'),
      mergeInto: 'IDN-4',
    },
  )
  await rateInPage(
    rs,
    'VUL-5',
    { significance: 2, feasibility: 1, clarity: 3, relevance: 2 },
    {
      label: msg('review:proposal.drop'),
    },
  )
  await expect(status).toContainText('2 of 67')
  await expectNoSeriousViolations(rs)
  await rateTheRest(rs)
  await rs.context().close()

  const al = await as(browser, AL, `/reviews/${reviewId}`)
  await rateInPage(
    al,
    'IDN-3',
    { significance: 3, feasibility: 3, clarity: 4, relevance: 3 },
    {
      label: msg('review:proposal.merge'),
      mergeInto: 'IDN-4',
    },
  )
  await rateTheRest(al)
  // A participant never reads the group's results or anyone's ratings.
  expect((await al.request.get(`/api/reviews/${reviewId}/ratings`)).status()).toBe(404)
  await al.context().close()
})

test('in round 2 a participant sees the group medians next to their own rating and revises', async ({ browser }) => {
  const coordinator = await as(browser, COORDINATOR, `/reviews/${reviewId}`)
  await coordinator.getByRole('button', { name: fill(msg('review:rounds.closeRound'), { round: 1 }) }).click()
  await coordinator
    .getByRole('dialog')
    .getByRole('button', { name: fill(msg('review:rounds.closeRound'), { round: 1 }) })
    .click()
  await expect(coordinator.getByText(/Round 1 is closed/)).toBeVisible()
  await coordinator.getByRole('button', { name: fill(msg('review:rounds.open'), { round: 2 }) }).click()
  await expect(coordinator.getByText(fill(msg('review:rounds.stateOpen'), { round: 2 }))).toBeVisible()
  await coordinator.context().close()

  const rs = await as(browser, RS, `/reviews/${reviewId}`)
  await expect(rs.getByTestId('participant-status')).toContainText(fill(msg('review:participant.open'), { round: 2 }))
  await rs.getByRole('button', { name: /^IDN-3 / }).click()
  const group = rs.getByTestId('group-distribution')
  // Significance: RS 2, AL 3 → median 2.5, IQR 0.5; clarity: both 4 → median 4, IQR 0, consensus.
  const significance = group.getByRole('row', { name: new RegExp(msg('review:criterion.significance')) })
  await expect(significance.getByRole('cell').nth(0)).toHaveText('2')
  await expect(significance.getByRole('cell').nth(1)).toHaveText('2.5')
  await expect(significance.getByRole('cell').nth(2)).toHaveText('0.5')
  const clarity = group.getByRole('row', { name: new RegExp(msg('review:criterion.clarity')) })
  await expect(clarity).toContainText(msg('review:stats.consensus'))
  await expect(rs.getByText(/Merge: 2 \(IDN-4: 2\)/)).toBeVisible()
  await expectNoSeriousViolations(rs)

  await rs.getByRole('button', { name: msg('review:rate.startFromPrevious') }).click()
  const form = rs.getByRole('form', { name: fill(msg('review:rate.formLabel'), { code: 'IDN-3' }) })
  const sig = form.getByRole('group', { name: msg('review:criterion.significance') })
  await expect(sig.getByRole('radio', { name: msg('review:rate.scale.2') })).toBeChecked()
  await sig.getByRole('radio', { name: msg('review:rate.scale.3') }).check()
  await form.getByRole('button', { name: fill(msg('review:rate.save'), { code: 'IDN-3' }) }).click()
  await expect(form.getByText(msg('review:rate.saved'))).toBeVisible()
  const mine = await ok<{ data: { indicators: { code: string; response: { ratings: Ratings } | null }[] } }>(
    await rs.request.get(`/api/reviews/${reviewId}/my-responses`),
  )
  expect(mine.data.indicators.find((i) => i.code === 'IDN-3')?.response?.ratings.significance).toBe(3)
  await rs.context().close()
})

test('the coordinator decides, generates the draft version and sees the merges and drops in the diff', async ({
  browser,
}) => {
  const page = await as(browser, COORDINATOR, `/reviews/${reviewId}`)
  await page.getByRole('button', { name: msg('review:rounds.closeReview') }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: msg('review:rounds.closeReview') })
    .click()
  await expect(page.getByText(/The review is closed after 2 rounds/)).toBeVisible()

  // Results of round 2: ranked, with consensus in words, and the evidence beside each indicator.
  await tab(page, 'results').click()
  const ranked = page.getByTestId('ranked-results')
  await expect(ranked.getByRole('row')).toHaveCount(68)
  await ranked.getByRole('button', { name: fill(msg('review:results.detailsFor'), { code: 'IDN-3' }) }).click()
  await expect(page.getByText(fill(msg('review:results.overallTitle'), { code: 'IDN-3' }))).toBeVisible()
  await expect(page.getByText(msg('review:evidence.title'))).toBeVisible()
  await expectNoSeriousViolations(page)

  // Individual ratings of round 1 under pseudonyms: the Serbian participant did not agree to be named.
  await tab(page, 'ratings').click()
  const ratings = page.getByRole('region', { name: msg('review:ratings.title') })
  await ratings.getByRole('combobox', { name: msg('review:results.round') }).selectOption({ label: 'Round 1' })
  await expect(ratings.getByTestId('individual-ratings').getByRole('row')).toHaveCount(3)
  await expect(ratings.getByTestId('individual-ratings')).not.toContainText('Milica')

  // Decisions: a merge and a drop through the page, with the count of what remains.
  await tab(page, 'decisions').click()
  const summary = page.getByTestId('decision-summary')
  await expect(summary).toContainText('67 of 67 indicators remain')
  await page.getByRole('button', { name: fill(msg('review:decisions.decideFor'), { code: 'IDN-3' }) }).click()
  let dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: msg('review:decision.merge') }).check()
  await dialog.getByRole('combobox', { name: msg('review:decisions.mergeInto') }).fill('IDN-4')
  await page.getByRole('option', { name: /^IDN-4 / }).click()
  await expect(dialog.getByTestId('decision-preview')).toContainText('66 of 67')
  await dialog.getByRole('textbox', { name: msg('review:decisions.rationale') }).fill('A breakdown of IDN-4.')
  await dialog.getByRole('button', { name: msg('review:decisions.save') }).click()
  await expect(summary).toContainText('66 of 67 indicators remain')
  await page.getByRole('button', { name: fill(msg('review:decisions.decideFor'), { code: 'VUL-5' }) }).click()
  dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: msg('review:decision.drop') }).check()
  await dialog.getByRole('textbox', { name: msg('review:decisions.rationale') }).fill('No country records it.')
  await dialog.getByRole('button', { name: msg('review:decisions.save') }).click()
  await expect(summary).toContainText('65 of 67 indicators remain')
  await expectNoSeriousViolations(page)

  // Generating now is refused with the list of undecided indicators.
  await tab(page, 'output').click()
  await page.getByRole('textbox', { name: msg('review:generate.label') }).fill(LABEL)
  await page.getByRole('button', { name: msg('review:generate.submit') }).click()
  const missing = page.getByRole('alert').filter({ hasText: msg('review:generate.missingTitle') })
  await expect(missing).toContainText('COR-1')
  await expect(missing).not.toContainText('IDN-3')

  // Keep every other indicator through the API, then generate through the page.
  const overview = await ok<{ data: { summary: { missing: string[] } } }>(
    await page.request.get(`/api/reviews/${reviewId}/decisions`),
  )
  expect(overview.data.summary.missing).toHaveLength(65)
  for (const code of overview.data.summary.missing)
    await ok(
      await page.request.put(`/api/reviews/${reviewId}/decisions/${code}`, {
        data: { version: 0, decision: 'keep', rationale: '' },
      }),
    )
  await page.getByRole('button', { name: msg('review:generate.submit') }).click()
  await expect(page.getByText(fill(msg('review:generate.made'), { label: LABEL }))).toBeVisible()
  await expect(page.getByRole('link', { name: msg('review:reportSection.docx') })).toHaveAttribute(
    'href',
    new RegExp(`/api/reviews/${reviewId}/report\\?format=docx`),
  )
  await expectNoSeriousViolations(page)

  await page.getByRole('link', { name: msg('review:generate.diffLink') }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Changes in version ${LABEL}` })).toBeVisible()
  const merged = page.getByRole('region', { name: /^Merged/ })
  await expect(merged).toContainText('IDN-3')
  await expect(merged).toContainText('IDN-4')
  await expect(page.getByRole('region', { name: /^Retired/ })).toContainText('VUL-5')
  await page.context().close()
})

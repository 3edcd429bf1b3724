import { type Locator, type Page, test } from '@playwright/test'
import { msg, signIn } from './helpers.ts'
import { as, collectingRound, expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'

// Independent double scoring of one indicator. A round with double scoring is set up through the API and a second
// Serbian expert is invited; the country lead filters the board by area (the filter lives in the URL), assigns IDN-1
// in the dialog with both experts, and the NGO's answer is submitted through the API. Then each expert scores IDN-1
// in the browser without seeing the other's score (3 and 1), the lead sees both side by side, settles the final level
// with a note and validates, and the country workspace reports the agreement: one indicator scored by both, 0 % exact
// agreement, one settled disagreement.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const COUNTRY = 'RS'
const CODE = 'IDN-1'
const NGO = 'Victim Support NGO (demo, RS)'
const LEAD = 'lead.rs@example.org'
const EXPERT = 'expert.rs@example.org'
const EXPERT_NAME = 'Stefan Expert (demo)'
const PROVIDER = 'provider.rs@example.org'
const SECOND = `second.expert.${Date.now()}@example.org`
const SECOND_NAME = `Vesna Second ${Date.now()}`
const SECOND_PASSWORD = 'a-long-enough-passphrase-7'
const EVIDENCE_TITLE = 'NRM rulebook'
const NOTE = 'The procedures are binding but two regions still apply the old protocol.'
const roundName = `E2E double scoring ${Date.now()}`

let roundId = ''
const entryUrl = () => `/rounds/${roundId}/countries/${COUNTRY}/indicators/${CODE}`
const level = (n: number) => fill(msg('assessments:score.level'), { level: n })

/** JSON of a successful API call (the status and body are shown when it fails). */
/** The entry page of IDN-1 and its assessment section, once the assessment has loaded. */
async function openAssessment(page: Page) {
  await page.goto(entryUrl())
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${CODE} · `) })).toBeVisible()
  const region = page.getByRole('region', { name: msg('assessments:panel.title'), exact: true })
  await expect(region.getByTestId('assessment-status')).toBeVisible()
  return region
}

/** Fills a complete assessment at the given level, with the NGO's answer and evidence, and submits it. */
async function scoreAndSubmit(region: Locator, score: number, justification: string) {
  await region.getByRole('checkbox', { name: NGO }).check()
  await region.getByRole('radio', { name: level(score), exact: true }).check()
  await region.getByRole('textbox', { name: msg('assessments:form.justification') }).fill(justification)
  await region
    .getByRole('checkbox', {
      name: fill(msg('assessments:evidence.itemLabel'), {
        title: EVIDENCE_TITLE,
        kind: msg('rounds:evidence.kind.link'),
      }),
    })
    .check()
  await region.getByRole('radio', { name: msg('assessments:confidence.medium'), exact: true }).check()
  await expect(region.getByText(msg('assessments:checklist.ready'))).toBeVisible()
  await region.getByRole('button', { name: msg('assessments:submit.button') }).click()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.submitted'))
}

test('set-up: a double-scored round collecting for Serbia, and a second Serbian expert', async ({ browser }) => {
  const coordinator = await as(browser, 'coordinator@example.org', null)
  roundId = await collectingRound(coordinator.request, {
    name: roundName,
    countries: [COUNTRY],
    options: { doubleScoring: true },
  })
  await coordinator.context().close()

  // The lead invites the second expert, who accepts the one-time link (through the API) and can then sign in.
  const lead = await as(browser, LEAD, null)
  const invitation = await ok<{ link: string }>(
    await lead.request.post('/api/invitations', { data: { email: SECOND, role: 'expert', countryCode: COUNTRY } }),
    201,
  )
  await lead.context().close()
  const token = new URL(invitation.link).searchParams.get('token')
  const guest = await browser.newContext()
  await ok(
    await guest.request.post('/api/auth/invitations/accept', {
      data: { token, name: SECOND_NAME, password: SECOND_PASSWORD },
    }),
  )
  await guest.close()
})

test('the lead assigns IDN-1 to the NGO with two experts; the NGO submits its answer', async ({ browser }) => {
  // The board's filters live in the URL: the coordination area only, then back to everything.
  const page = await as(browser, LEAD, `/rounds/${roundId}/countries/${COUNTRY}?area=COR`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(roundName) })).toBeVisible()
  await expect(page.getByRole('link', { name: 'COR-1', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: CODE, exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: msg('rounds:filters.clear') }).click()
  await expect(page.getByRole('link', { name: CODE, exact: true })).toBeVisible()
  await page.getByRole('button', { name: fill(msg('rounds:assignment.assignNamed'), { code: CODE }) }).click()
  const dialog = page.getByRole('dialog', { name: fill(msg('rounds:assignment.title'), { code: CODE }) })
  await dialog.getByRole('button', { name: msg('rounds:assignment.addProvider') }).click()
  await dialog
    .getByRole('combobox', { name: fill(msg('rounds:assignment.organisationN'), { n: 1 }), exact: true })
    .click()
  await page.getByRole('option', { name: NGO }).click()
  await dialog.getByRole('combobox', { name: msg('rounds:assignment.expert'), exact: true }).click()
  await page.getByRole('option', { name: EXPERT_NAME }).click()
  // The round is double-scored: the dialog asks for the second expert too.
  const second = dialog.getByRole('combobox', { name: msg('assessments:assignment.secondExpert'), exact: true })
  await second.click()
  await page.getByRole('option', { name: SECOND_NAME }).click()
  await dialog.getByLabel(msg('rounds:assignment.due')).fill('2030-06-30')
  await dialog.getByRole('button', { name: msg('common:actions.save') }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CODE, exact: true }) })
  await expect(row).toContainText(`${EXPERT_NAME} · ${SECOND_NAME}`)
  // Nothing is scored by both experts yet.
  const agreement = page.getByRole('region', { name: msg('assessments:agreement.title'), exact: true })
  await expect(agreement.getByText(msg('assessments:agreement.empty'))).toBeVisible()
  await page.context().close()

  const provider = await as(browser, PROVIDER, null)
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await provider.request.get(`/api/organisations?country=${COUNTRY}`),
  )
  const ngo = orgs.data.find((o) => o.name === NGO)
  expect(ngo).toBeTruthy()
  const answerPath = `/api/rounds/${roundId}/countries/${COUNTRY}/indicators/${CODE}/answers/${ngo?.id}`
  const saved = await ok<{ data: { version: number } }>(
    await provider.request.put(answerPath, {
      data: {
        version: 0,
        value: { choice: '3' },
        narrative: 'Binding procedures apply nationwide; two regions still use the old protocol.',
        evidence: [{ kind: 'link', title: EVIDENCE_TITLE, url: 'https://example.org/nrm-rulebook' }],
      },
    }),
  )
  await ok(await provider.request.post(`${answerPath}/submit`, { data: { version: saved.data.version } }))
  await provider.context().close()
})

test('the first expert scores level 3 without seeing the second score', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openAssessment(page)
  await expect(region.getByText(msg('assessments:double.blindTitle'))).toBeVisible()
  await expect(region.getByRole('heading', { name: msg('assessments:panel.scorer.primary') })).toBeVisible()
  await scoreAndSubmit(region, 3, 'Binding procedures with indicators cover all first responders.')
  // The second expert has not submitted: still blind.
  await expect(region.getByTestId('scores-side-by-side')).toHaveCount(0)
  await expect(region.getByText(msg('assessments:panel.scorer.second'))).toHaveCount(0)
  await page.context().close()
})

test('the second expert scores level 1 blind, then sees both scores', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, SECOND, SECOND_PASSWORD)
  const region = await openAssessment(page)
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.not_started'))
  await expect(region.getByText(msg('assessments:double.blindTitle'))).toBeVisible()
  await expect(region.getByRole('heading', { name: msg('assessments:panel.scorer.second') })).toBeVisible()
  // Blind: nothing of the first expert's submitted assessment is shown.
  await expect(region.getByText(EXPERT_NAME)).toHaveCount(0)
  await scoreAndSubmit(region, 1, 'The procedures exist on paper; most regions do not apply them.')
  // Both are in: the two scores side by side, and the disagreement, which the lead settles.
  const table = region.getByTestId('scores-side-by-side')
  await expect(table).toBeVisible()
  await expect(table).toContainText(EXPERT_NAME)
  await expect(region.getByRole('alert').filter({ hasText: msg('assessments:double.differTitle') })).toContainText(
    msg('assessments:double.differExpert'),
  )
  await expect(region.getByRole('button', { name: msg('assessments:double.settle') })).toHaveCount(0)
  await context.close()
})

test('the lead sees both scores, settles the final level with a note and validates', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  const region = await openAssessment(page)
  const table = region.getByTestId('scores-side-by-side')
  const chosen = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: msg('assessments:double.ownScore') }) })
  await expect(chosen.getByRole('cell')).toHaveText([level(3), level(1)])
  const differ = region.getByRole('alert').filter({ hasText: msg('assessments:double.differTitle') })
  await expect(differ).toContainText(fill(msg('assessments:double.differText'), { first: level(3), second: level(1) }))
  // Validation waits for the settling.
  await expect(region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true })).toHaveCount(0)
  await expect(region.getByTestId('cannot-validate')).toHaveText(msg('assessments:lead.settleFirst'))
  await expect(region.getByRole('button', { name: msg('assessments:lead.returnSecond') })).toBeVisible()
  await expectNoSeriousViolations(page)

  await differ.getByRole('button', { name: msg('assessments:double.settle') }).click()
  const dialog = page.getByRole('dialog', { name: msg('assessments:settle.title') })
  await expect(dialog.getByRole('radio', { name: `${level(3)} (${msg('assessments:settle.byFirst')})` })).toBeVisible()
  await expect(dialog.getByRole('radio', { name: `${level(1)} (${msg('assessments:settle.bySecond')})` })).toBeVisible()
  await dialog.getByRole('button', { name: msg('assessments:settle.submit') }).click()
  await expect(dialog.getByText(msg('assessments:settle.noteRequired'))).toBeVisible()
  await expectNoSeriousViolations(page)
  await dialog.getByRole('radio', { name: level(2), exact: true }).check()
  await dialog.getByRole('textbox', { name: msg('assessments:settle.note') }).fill(NOTE)
  await dialog.getByRole('button', { name: msg('assessments:settle.submit') }).click()
  await expect(dialog).toBeHidden()

  const settled = region.getByTestId('scores-settled')
  await expect(settled).toContainText(
    fill(msg('assessments:double.settledText'), { final: level(2), first: level(3), second: level(1) }),
  )
  await expect(settled.getByTestId('scores-settled-note')).toHaveText(NOTE)

  await region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true }).click()
  const confirm = page.getByRole('dialog', { name: msg('assessments:lead.validateTitle') })
  await confirm.getByRole('button', { name: msg('assessments:lead.validateConfirm') }).click()
  await expect(confirm).toBeHidden()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.validated'))
  await expect(region.getByTestId('scores-settled')).toBeVisible()
  await expect(region.getByRole('button', { name: msg('assessments:lead.returnSecond') })).toHaveCount(0)
  await expectNoSeriousViolations(page)

  // The workspace: one indicator scored by both, no exact agreement, and the disagreement settled.
  await page.goto(`/rounds/${roundId}/countries/${COUNTRY}`)
  const agreement = page.getByRole('region', { name: msg('assessments:agreement.title'), exact: true })
  const overall = agreement
    .getByTestId('agreement')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: msg('assessments:agreement.overall') }) })
  await expect(overall.getByRole('cell').nth(0)).toHaveText('1')
  await expect(overall.getByRole('cell').nth(1)).toHaveText('0%')
  const disagreement = agreement
    .getByTestId('disagreements')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${CODE}`) }) })
  await expect(disagreement.getByRole('cell')).toHaveText([level(3), level(1), msg('assessments:agreement.resolved')])
  await expectNoSeriousViolations(page)
  await page.context().close()
})

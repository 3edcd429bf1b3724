import { type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, collectingRound, expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'

// The expert's assessment of one indicator, from sources to a validated, locked score. The round, the assignment and
// the NGO's submitted answer are set up through the API; then the expert scores IDN-1 with the NGO's evidence, the
// country lead returns it with a comment, the expert fixes and resubmits it, and the lead validates it. The round is
// this file's own (a unique name), so it does not meet the other specs' rounds.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const COUNTRY = 'RS'
const CODE = 'IDN-1'
const NGO = 'Victim Support NGO (demo, RS)'
const LEAD = 'lead.rs@example.org'
const LEAD_NAME = 'Milica Lead (demo)'
const EXPERT = 'expert.rs@example.org'
const PROVIDER = 'provider.rs@example.org'
const EVIDENCE_URL = 'https://example.org/nrm-rulebook'
const EVIDENCE_TITLE = 'NRM rulebook'
const RETURN_COMMENT = 'Say which regions still apply the old procedures.'
const roundName = `E2E assessment round ${Date.now()}`

let roundId = ''
const entryUrl = () => `/rounds/${roundId}/countries/${COUNTRY}/indicators/${CODE}`

/** JSON of a successful API call (the status and body are shown when it fails). */
/** The entry page of IDN-1 and its assessment section, once the assessment has loaded. */
async function openAssessment(page: Page) {
  await page.goto(entryUrl())
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${CODE} · `) })).toBeVisible()
  const region = page.getByRole('region', { name: msg('assessments:panel.title'), exact: true })
  await expect(region.getByTestId('assessment-status')).toBeVisible()
  return region
}

test('set-up: a round collecting for Serbia, IDN-1 assigned, and the NGO has submitted its answer', async ({
  browser,
}) => {
  const coordinator = await as(browser, 'coordinator@example.org', null)
  roundId = await collectingRound(coordinator.request, { name: roundName, countries: [COUNTRY] })
  await coordinator.context().close()

  const lead = await as(browser, LEAD, null)
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await lead.request.get(`/api/organisations?country=${COUNTRY}`),
  )
  const ngo = orgs.data.find((o) => o.name === NGO)
  const users = await ok<{ data: { id: string; email: string }[] }>(
    await lead.request.get(`/api/users?country=${COUNTRY}&role=expert`),
  )
  const expert = users.data.find((u) => u.email === EXPERT)
  expect(ngo && expert).toBeTruthy()
  await ok(
    await lead.request.put(`/api/rounds/${roundId}/countries/${COUNTRY}/assignments/${CODE}`, {
      data: {
        version: 0,
        expertId: expert?.id,
        providers: [{ organisationId: ngo?.id, userId: null }],
        dueOn: '2030-06-30',
      },
    }),
  )
  await lead.context().close()

  const provider = await as(browser, PROVIDER, null)
  const answerPath = `/api/rounds/${roundId}/countries/${COUNTRY}/indicators/${CODE}/answers/${ngo?.id}`
  const saved = await ok<{ data: { version: number } }>(
    await provider.request.put(answerPath, {
      data: {
        version: 0,
        value: { choice: '3' },
        narrative: 'Binding procedures apply nationwide; two regions still use the old protocol.',
        evidence: [{ kind: 'link', title: EVIDENCE_TITLE, url: EVIDENCE_URL }],
      },
    }),
  )
  await ok(await provider.request.post(`${answerPath}/submit`, { data: { version: saved.data.version } }))
  // Data providers do not read assessments: the section is not there for them.
  await provider.goto(entryUrl())
  await expect(provider.getByRole('heading', { level: 1, name: new RegExp(`^${CODE} · `) })).toBeVisible()
  await expect(provider.getByText(msg('rounds:entry.submittedTitle'), { exact: true }).first()).toBeVisible()
  await expect(provider.getByRole('region', { name: msg('assessments:panel.title'), exact: true })).toHaveCount(0)
  await provider.context().close()
})

test('the expert scores IDN-1 with the NGO evidence and submits it', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openAssessment(page)
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.not_started'))
  const preview = region.getByTestId('score-preview')
  await expect(preview).toHaveText(msg('assessments:preview.chooseLevel'))

  // Submitting an empty assessment lists what is missing and leads to the fields.
  await region.getByRole('button', { name: msg('assessments:submit.button') }).click()
  const summary = region.getByRole('alert').filter({ hasText: msg('common:form.errorSummaryTitle') })
  await expect(summary).toBeVisible()
  await summary.getByRole('link', { name: msg('assessments:form.justification') }).click()
  await expect(region.getByRole('textbox', { name: msg('assessments:form.justification') })).toBeFocused()

  await region.getByRole('checkbox', { name: NGO }).check()
  await region.getByRole('radio', { name: fill(msg('assessments:score.level'), { level: 3 }), exact: true }).check()
  await expect(preview).toHaveText(fill(msg('assessments:preview.score'), { score: 75 }))
  await region
    .getByRole('textbox', { name: msg('assessments:form.justification') })
    .fill('Binding procedures with indicators cover all first responders and are applied nationwide.')
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
  await region.getByRole('button', { name: msg('assessments:save.button') }).click()
  await expect(region.getByTestId('assessment-save-status')).toContainText(
    fill(msg('assessments:save.savedAt'), { time: '' }).trim(),
  )
  await expectNoSeriousViolations(page)

  await region.getByRole('button', { name: msg('assessments:submit.button') }).click()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.submitted'))
  await expect(region.getByText(msg('assessments:submitted.title'))).toBeVisible()
  await expect(region.getByRole('button', { name: msg('assessments:save.button') })).toHaveCount(0)
  await page.context().close()
})

test('the lead returns the assessment with a comment', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  const region = await openAssessment(page)
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.submitted'))
  await region.getByRole('button', { name: msg('assessments:lead.return') }).click()
  const dialog = page.getByRole('dialog', { name: msg('assessments:lead.returnTitle') })
  const comment = dialog.getByRole('textbox', { name: msg('assessments:lead.returnComment') })
  await expect(comment).toBeFocused()
  await dialog.getByRole('button', { name: msg('assessments:lead.returnSubmit'), exact: true }).click()
  await expect(dialog.getByText(msg('assessments:lead.returnRequired'))).toBeVisible()
  await comment.fill(RETURN_COMMENT)
  await dialog.getByRole('button', { name: msg('assessments:lead.returnSubmit'), exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.returned'))
  await page.context().close()
})

test('the expert sees the comment, fixes the assessment and submits it again', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openAssessment(page)
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.returned'))
  await expect(region.getByTestId('assessment-return-comment')).toHaveText(RETURN_COMMENT)
  await region
    .getByRole('textbox', { name: msg('assessments:form.dataGaps') })
    .fill('Two regions still apply the 2012 protocol; no referral data by region.')
  await region.getByRole('button', { name: msg('assessments:submit.button') }).click()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.submitted'))
  await page.context().close()
})

test('the lead validates it: the assessment and its source answer are locked', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  const region = await openAssessment(page)
  await expect(region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true })).toBeVisible()
  await expectNoSeriousViolations(page)
  await region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true }).click()
  const dialog = page.getByRole('dialog', { name: msg('assessments:lead.validateTitle') })
  await dialog.getByRole('button', { name: msg('assessments:lead.validateConfirm') }).click()
  await expect(dialog).toBeHidden()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.validated'))
  await expect(region).toContainText(fill(msg('assessments:validated.title'), { who: LEAD_NAME, when: '' }).trim())
  await expect(region.getByText(msg('assessments:validated.locked'))).toBeVisible()
  await expect(region.getByRole('button', { name: msg('assessments:save.button') })).toHaveCount(0)
  await expect(region.getByRole('button', { name: msg('assessments:lead.unlock') })).toBeVisible()
  // The NGO's answer the assessment rests on is validated with it.
  await expect(page.getByText(msg('rounds:entry.validatedTitle'), { exact: true }).first()).toBeVisible()
  await expect(page.getByText(msg('rounds:status.answer.validated'), { exact: true }).first()).toBeVisible()

  // The workspace shows the area score from the validated assessment.
  await page.goto(`/rounds/${roundId}/countries/${COUNTRY}`)
  const scores = page.getByRole('region', { name: msg('assessments:scores.title'), exact: true })
  const row = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^IDN/ }) })
  await expect(row.getByRole('cell').first()).toHaveText('75')
  await page.context().close()
})

test('the expert sees the validated assessment read-only', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openAssessment(page)
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.validated'))
  await expect(region.getByRole('button', { name: msg('assessments:save.button') })).toHaveCount(0)
  await expect(region.getByRole('button', { name: msg('assessments:submit.button') })).toHaveCount(0)
  await expect(region.getByRole('button', { name: msg('assessments:lead.unlock') })).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.context().close()
})

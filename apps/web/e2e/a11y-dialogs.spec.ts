import { type Page, test } from '@playwright/test'
import { demoRounds, demoVersions, scanDialog, settled, signedIn, softScan } from './a11y-helpers.ts'
import { msg } from './helpers.ts'
import { collectingRound, expect, fill, ok } from './round-helpers.ts'

// Every main dialog, opened from the page where people meet it, scanned by axe while open and closed with Escape
// (nothing is saved). Dialogs that need state the demo data lacks (an assessment to validate, a review to decide)
// get it through the API in rounds and reviews of this file's own.
test.describe.configure({ timeout: 240_000 })

/** The start of a catalog message, before its first placeholder: for names that carry content (a code, a name). */
const startOf = (key: string) =>
  new RegExp(
    `^${msg(key)
      .split('{')[0]
      ?.trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
  )

async function open(page: Page, path: string) {
  await page.goto(path)
  await settled(page)
}

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' })

test('the Handbook dialogs', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinator@example.org')
  const versions = await demoVersions(page.request)
  expect(versions.draft, 'the demo review’s draft version').toBeTruthy()

  await open(page, '/handbook')
  await scanDialog(page, 'import a framework', () => button(page, msg('handbook:import.open')).click())

  await open(page, `/handbook/${versions.published}`)
  await scanDialog(page, 'create a draft', () => button(page, msg('handbook:manage.createDraft')).click())
  await scanDialog(page, 'retire a version', () => button(page, msg('handbook:manage.retire')).click())

  await open(page, `/handbook/${versions.draft}`)
  await scanDialog(page, 'publish a version', () => button(page, msg('handbook:manage.publish')).click())
  await scanDialog(page, 'version details', () => button(page, msg('handbook:manage.editDetails')).click())
  await scanDialog(page, 'new area', () => button(page, msg('handbook:manage.addArea')).click())
  await scanDialog(page, 'edit an area', () =>
    button(page, fill(msg('handbook:area.editNamed'), { code: 'IDN' })).click(),
  )
  await scanDialog(page, 'delete a draft', () => button(page, msg('handbook:manage.delete')).click())
  const rowActions = () => button(page, fill(msg('handbook:row.actionsFor'), { code: 'IDN-1' })).click()
  for (const [label, key] of [
    ['rename an indicator', 'handbook:row.rename'],
    ['merge indicators', 'handbook:row.merge'],
    ['split an indicator', 'handbook:row.split'],
    ['remove an indicator', 'handbook:row.remove'],
  ] as const)
    await scanDialog(page, label, async () => {
      await rowActions()
      await page.getByRole('menuitem', { name: msg(key) }).click()
    })
  await page.context().close()

  const lead = await signedIn(browser, 'lead.rs@example.org')
  await open(lead, `/handbook/${versions.published}/adaptations/RS`)
  await scanDialog(lead, 'national indicator', () => button(lead, msg('handbook:adaptation.addExtra')).click())
  await lead.context().close()
})

test('the people and country dialogs', async ({ browser }) => {
  const page = await signedIn(browser, 'admin@example.org')
  const email = `a11y-${Date.now()}@example.org`
  await ok(await page.request.post('/api/invitations', { data: { email, role: 'observer', countryCode: null } }), 201)
  await open(page, '/people')
  await scanDialog(page, 'invite someone', () => button(page, msg('people:invite.open')).click())
  await scanDialog(page, 'revoke an invitation', () =>
    button(page, fill(msg('people:pending.revokeNamed'), { email })).click(),
  )

  const users = await ok<{ data: { id: string; email: string }[] }>(await page.request.get('/api/users'))
  const person = users.data.find((u) => u.email === 'observer@example.org')?.id
  await open(page, `/people/${person}`)
  await scanDialog(page, 'remove a role', () => button(page, startOf('people:memberships.removeNamed')).first().click())
  await scanDialog(page, 'deactivate an account', () => button(page, msg('people:account.deactivate')).click())

  await open(page, '/countries/RS')
  await scanDialog(page, 'new organisation', () => button(page, msg('countries:organisations.add')).click())
  await scanDialog(page, 'edit an organisation', () =>
    button(page, startOf('countries:organisations.editNamed')).first().click(),
  )
  await page.context().close()
})

test('the round, answer, report and recommendation dialogs', async ({ browser }) => {
  const coordinator = await signedIn(browser, 'coordinator@example.org')
  const rounds = await demoRounds(coordinator.request)
  await open(coordinator, `/rounds/${rounds.open}`)
  await scanDialog(coordinator, 'edit a round', () => button(coordinator, msg('rounds:edit.open')).click())
  await scanDialog(coordinator, 'move a round on', () =>
    button(coordinator, msg('rounds:transition.forward.reviewing.button')).click(),
  )
  await open(coordinator, `/rounds/${rounds.published}/reports`)
  await scanDialog(coordinator, 'publish a report', () =>
    button(coordinator, startOf('reports:publish.correctionLabel')).first().click(),
  )
  await coordinator.context().close()

  const lead = await signedIn(browser, 'lead.rs@example.org')
  const workspace = `/rounds/${rounds.open}/countries/RS`
  await open(lead, workspace)
  await scanDialog(lead, 'assign an indicator', () =>
    button(lead, startOf('rounds:assignment.editNamed')).first().click(),
  )
  await scanDialog(lead, 'new recommendation', () => button(lead, msg('recommendations:workspace.new')).click())
  // The follow-up of a carried-over recommendation (a form in the page, not a dialog).
  await test.step('form: recommendation follow-up', async () => {
    // "Record status", or "Change status" where another spec recorded it already.
    const either = [msg('recommendations:followUp.record'), msg('recommendations:followUp.change')]
    await lead
      .getByRole('button')
      .filter({ hasText: new RegExp(`^(${either.join('|')})$`) })
      .first()
      .click()
    await expect(lead.getByRole('radiogroup').first()).toBeVisible()
    await softScan(lead, 'form: recommendation follow-up')
  })
  // An indicator with a submitted answer: the lead may return it.
  const submitted = lead
    .getByRole('row')
    .filter({ hasText: msg('rounds:status.work.submitted') })
    .first()
  await submitted.getByRole('link').first().click()
  await settled(lead)
  await scanDialog(lead, 'return an answer', () => button(lead, startOf('rounds:return.openNamed')).first().click())
  await lead.context().close()

  const provider = await signedIn(browser, 'provider.rs@example.org')
  await open(provider, workspace)
  await scanDialog(provider, 'submit all ready answers', () => button(provider, msg('rounds:submitAll.button')).click())
  // The evidence form of an answer in progress (a group in the page, not a dialog).
  await provider
    .getByRole('row')
    .filter({ hasText: msg('rounds:status.work.in_progress') })
    .first()
    .getByRole('link')
    .first()
    .click()
  await settled(provider)
  await test.step('form: add evidence', async () => {
    await button(provider, msg('rounds:evidence.add')).click()
    await expect(provider.getByRole('group', { name: msg('rounds:evidence.addTitle') })).toBeVisible()
    await softScan(provider, 'form: add evidence')
  })
  await provider.context().close()
})

test('the assessment dialogs: validate and return', async ({ browser }) => {
  const coordinator = await signedIn(browser, 'coordinator@example.org')
  const roundId = await collectingRound(coordinator.request, { name: `A11y dialogs ${Date.now()}`, countries: ['RS'] })
  await coordinator.context().close()

  const lead = await signedIn(browser, 'lead.rs@example.org')
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await lead.request.get('/api/organisations?country=RS'),
  )
  const ngo = orgs.data.find((o) => o.name === 'Victim Support NGO (demo, RS)')?.id
  const experts = await ok<{ data: { id: string; email: string }[] }>(
    await lead.request.get('/api/users?country=RS&role=expert'),
  )
  const expertId = experts.data.find((u) => u.email === 'expert.rs@example.org')?.id
  const indicator = `/api/rounds/${roundId}/countries/RS/indicators/IDN-1`
  await ok(
    await lead.request.put(`/api/rounds/${roundId}/countries/RS/assignments/IDN-1`, {
      data: { version: 0, expertId, providers: [{ organisationId: ngo, userId: null }], dueOn: '2030-06-30' },
    }),
  )

  const provider = await signedIn(browser, 'provider.rs@example.org')
  const saved = await ok<{ data: { id: string; version: number } }>(
    await provider.request.put(`${indicator}/answers/${ngo}`, {
      data: { version: 0, value: { choice: '3' }, narrative: 'Accessibility scan (e2e).' },
    }),
  )
  await ok(await provider.request.post(`${indicator}/answers/${ngo}/submit`, { data: { version: saved.data.version } }))
  await provider.context().close()

  const expert = await signedIn(browser, 'expert.rs@example.org')
  const assessment = await ok<{ data: { version: number } }>(
    await expert.request.put(`${indicator}/assessment`, {
      data: {
        version: 0,
        score: 3,
        sourceAnswerIds: [saved.data.id],
        justification: 'Binding procedures apply nationwide (accessibility scan).',
        evidence: [{ kind: 'link', title: 'NRM rulebook', url: 'https://example.org/nrm-rulebook' }],
        confidence: 'medium',
      },
    }),
  )
  await ok(await expert.request.post(`${indicator}/assessment/submit`, { data: { version: assessment.data.version } }))
  await expert.context().close()

  await open(lead, `/rounds/${roundId}/countries/RS/indicators/IDN-1`)
  const region = lead.getByRole('region', { name: msg('assessments:panel.title'), exact: true })
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.submitted'))
  await scanDialog(lead, 'validate an assessment', () =>
    region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true }).click(),
  )
  const dialog = await scanDialog(lead, 'return an assessment', () =>
    region.getByRole('button', { name: msg('assessments:lead.return') }).click(),
  )
  // The dialog's error (a comment is required) is tied to its field and scanned too.
  await region.getByRole('button', { name: msg('assessments:lead.return') }).click()
  await dialog.getByRole('button', { name: msg('assessments:lead.returnSubmit'), exact: true }).click()
  const comment = dialog.getByRole('textbox', { name: msg('assessments:lead.returnComment') })
  await expect(comment).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText(msg('assessments:lead.returnRequired'))).toBeVisible()
  await softScan(lead, 'dialog: return an assessment, with its error')
  await lead.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Validated, then the unlock dialog.
  await region.getByRole('button', { name: msg('assessments:lead.validate'), exact: true }).click()
  await lead
    .getByRole('dialog')
    .getByRole('button', { name: msg('assessments:lead.validateConfirm') })
    .click()
  await expect(region.getByTestId('assessment-status')).toHaveText(msg('assessments:status.validated'))
  await scanDialog(lead, 'unlock an assessment', () =>
    region.getByRole('button', { name: msg('assessments:lead.unlock'), exact: true }).click(),
  )
  await lead.context().close()
})

test('the review dialogs: remove a participant, close a round, decide', async ({ browser }) => {
  const page = await signedIn(browser, 'coordinator@example.org')
  const versions = await demoVersions(page.request)
  type Detail = { data: { id: string; version: number } }
  let review = await ok<Detail>(
    await page.request.post('/api/reviews', {
      data: { frameworkVersionId: versions.published, title: `A11y review ${Date.now()}` },
    }),
    201,
  )
  const id = review.data.id
  const users = await ok<{ data: { id: string; email: string }[] }>(await page.request.get('/api/users'))
  const userId = (email: string) => users.data.find((u) => u.email === email)?.id
  for (const [email, countryCode] of [
    ['lead.rs@example.org', 'RS'],
    ['lead.al@example.org', 'AL'],
  ] as const)
    review = await ok<Detail>(
      await page.request.post(`/api/reviews/${id}/participants`, {
        data: { userId: userId(email), countryCode, role: 'rapporteur' },
      }),
      201,
    )
  await open(page, `/reviews/${id}`)
  await scanDialog(page, 'remove a participant', () =>
    button(page, startOf('review:participants.removeNamed')).first().click(),
  )

  review = await ok<Detail>(
    await page.request.post(`/api/reviews/${id}/open-round`, { data: { version: review.data.version } }),
  )
  await open(page, `/reviews/${id}`)
  await scanDialog(page, 'close a review round', () =>
    button(page, fill(msg('review:rounds.closeRound'), { round: 1 })).click(),
  )
  review = await ok<Detail>(
    await page.request.post(`/api/reviews/${id}/close-round`, { data: { version: review.data.version } }),
  )
  await ok(await page.request.post(`/api/reviews/${id}/close`, { data: { version: review.data.version } }))
  await open(page, `/reviews/${id}?tab=decisions`)
  await scanDialog(page, 'decide on an indicator', () =>
    button(page, fill(msg('review:decisions.decideFor'), { code: 'IDN-1' })).click(),
  )
  await scanDialog(page, 'keep the undecided indicators', () =>
    button(page, startOf('review:decisions.keepRest')).click(),
  )
  await page.context().close()
})

import { type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// One monitoring round from planning to a returned answer, each step as the person who does it. The steps share the
// round this file creates (its name is unique), so they run in order in one worker and do not depend on demo rounds.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const NGO = 'Victim Support NGO (demo, RS)'
const roundName = `E2E round ${Date.now()}`
let roundUrl = ''

const saveStatus = (page: Page) => page.getByTestId('save-status')

async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toContainText(fill(msg('rounds:save.savedAt'), { time: '' }).trim())
}

async function openEntry(page: Page, code: string) {
  await page.goto(`${roundUrl}/countries/RS`)
  await page.getByRole('link', { name: code, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible()
}

test('a coordinator plans a round for Serbia and starts data collection', async ({ browser }) => {
  const page = await as(browser, 'coordinator@example.org')
  await page
    .getByRole('navigation', { name: msg('common:nav.label') })
    .getByRole('link', { name: msg('common:nav.rounds') })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: msg('rounds:list.title') })).toBeVisible()
  await page.getByRole('link', { name: msg('rounds:list.plan') }).click()

  await page.getByRole('textbox', { name: msg('rounds:form.name') }).fill(roundName)
  await page.getByRole('combobox', { name: msg('rounds:form.version') }).click()
  await page.getByRole('option', { name: /version 2026\.1/ }).click()
  // Submitting without a country shows the problem at the field and in the summary.
  await page.getByRole('button', { name: msg('rounds:form.submit') }).click()
  await expect(page.getByText(msg('rounds:form.errors.countries')).first()).toBeVisible()
  await page.getByRole('combobox', { name: msg('rounds:form.countries') }).click()
  await page.getByRole('option', { name: 'Serbia' }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: msg('rounds:form.submit') }).click()

  await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible()
  roundUrl = new URL(page.url()).pathname
  await expectNoSeriousViolations(page)
  await page.getByRole('button', { name: msg('rounds:transition.forward.collecting.button') }).click()
  const dialog = page.getByRole('dialog', { name: msg('rounds:transition.forward.collecting.title') })
  await dialog.getByRole('button', { name: msg('rounds:transition.forward.collecting.confirm') }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('main').getByText(msg('rounds:status.round.collecting')).first()).toBeVisible()
  await expect(
    page.getByRole('link', { name: fill(msg('rounds:round.openWorkspace'), { country: 'Serbia' }) }),
  ).toBeVisible()

  await page.goto('/rounds')
  await expect(page.getByRole('link', { name: roundName })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('the Serbian lead assigns IDN-1 and IDN-4 to the demo NGO with a due date', async ({ browser }) => {
  const page = await as(browser, 'lead.rs@example.org')
  await page.goto(`${roundUrl}/countries/RS`)
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(roundName) })).toBeVisible()
  for (const code of ['IDN-1', 'IDN-4']) {
    await page.getByRole('button', { name: fill(msg('rounds:assignment.assignNamed'), { code }) }).click()
    const dialog = page.getByRole('dialog', { name: fill(msg('rounds:assignment.title'), { code }) })
    await dialog.getByRole('button', { name: msg('rounds:assignment.addProvider') }).click()
    await dialog
      .getByRole('combobox', { name: fill(msg('rounds:assignment.organisationN'), { n: 1 }), exact: true })
      .click()
    await page.getByRole('option', { name: NGO }).click()
    await dialog.getByLabel(msg('rounds:assignment.due')).fill('2030-06-30')
    await dialog.getByRole('button', { name: msg('common:actions.save') }).click()
    await expect(dialog).toBeHidden()
  }
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'IDN-4', exact: true }) })
  await expect(row).toContainText(NGO)
  await expect(row).toContainText(msg('rounds:status.work.not_started'))
  // The filters live in the URL: the coordination area only, then back to everything.
  await page.goto(`${roundUrl}/countries/RS?area=COR`)
  await expect(page.getByRole('link', { name: 'COR-1', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'IDN-1', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: msg('rounds:filters.clear') }).click()
  await expect(page.getByRole('link', { name: 'IDN-1', exact: true })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('the NGO fills IDN-1 and IDN-4, fixes a breakdown that does not add up, and submits both', async ({ browser }) => {
  const page = await as(browser, 'provider.rs@example.org')

  await openEntry(page, 'IDN-1')
  await page.getByRole('radio', { name: fill(msg('rounds:entry.levelN'), { level: 3 }) }).check()
  await page.getByRole('button', { name: msg('rounds:evidence.add') }).click()
  await page.getByRole('textbox', { name: msg('rounds:evidence.url') }).fill('https://example.org/nrm-rulebook')
  await page.getByRole('textbox', { name: msg('rounds:evidence.titleField') }).fill('NRM rulebook')
  await page.getByRole('button', { name: msg('rounds:evidence.addConfirm'), exact: true }).click()
  await expect(page.getByRole('link', { name: 'https://example.org/nrm-rulebook' })).toBeVisible()
  await expectSaved(page)
  await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
  await expect(page.getByText(msg('rounds:entry.submittedTitle'), { exact: true }).first()).toBeVisible()

  await openEntry(page, 'IDN-4')
  const identified = msg('rounds:breakdown.groupTotal.identified')
  await page.getByRole('textbox', { name: identified }).fill('10')
  await page.getByRole('textbox', { name: msg('rounds:breakdown.groupTotal.presumed') }).fill('5')
  const sexTable = fill(msg('rounds:breakdown.captionStatus'), {
    dimension: msg('enums:dimension.sex'),
    status: msg('rounds:breakdown.group.identified'),
  })
  const cell = (category: string) =>
    page.getByRole('textbox', {
      name: fill(msg('rounds:breakdown.cellLabel'), { category, table: sexTable }),
      exact: true,
    })
  await cell(msg('enums:dimensionCategory.sex.female')).fill('3')
  await cell(msg('enums:dimensionCategory.sex.male')).fill('4')
  await cell(msg('enums:dimensionCategory.sex.other_unknown')).fill('0')
  const mismatch = page.getByText(fill(msg('rounds:breakdown.mismatch'), { sum: 7, total: 10 }))
  await expect(mismatch).toBeVisible()
  await expect(page.getByRole('textbox', { name: msg('rounds:entry.partsExplanation') })).toBeVisible()
  await expectSaved(page)
  await cell(msg('enums:dimensionCategory.sex.female')).fill('6')
  await expect(mismatch).toBeHidden()
  await page.getByRole('textbox', { name: msg('rounds:entry.narrative') }).click()
  await expectSaved(page)
  await expectNoSeriousViolations(page)
  await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
  await expect(page.getByText(msg('rounds:entry.submittedTitle'), { exact: true }).first()).toBeVisible()

  await page.goto(`${roundUrl}/countries/RS`)
  for (const code of ['IDN-1', 'IDN-4']) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })
    await expect(row).toContainText(msg('rounds:status.work.submitted'))
  }
  await page.context().close()
})

test('the lead returns IDN-4 with a comment, and the NGO sees the comment', async ({ browser }) => {
  const comment = 'The age breakdown is missing; please add it.'
  const lead = await as(browser, 'lead.rs@example.org')
  await openEntry(lead, 'IDN-4')
  await lead.getByRole('button', { name: fill(msg('rounds:return.openNamed'), { organisation: NGO }) }).click()
  const dialog = lead.getByRole('dialog', { name: fill(msg('rounds:return.title'), { organisation: NGO }) })
  await dialog.getByRole('textbox', { name: msg('rounds:return.comment') }).fill(comment)
  await dialog.getByRole('button', { name: msg('rounds:return.submit') }).click()
  await expect(dialog).toBeHidden()
  await expect(lead.getByText(msg('rounds:status.answer.returned')).first()).toBeVisible()
  await lead.context().close()

  const provider = await as(browser, 'provider.rs@example.org')
  await openEntry(provider, 'IDN-4')
  await expect(provider.getByRole('alert').filter({ hasText: msg('rounds:entry.returnedTitle') })).toBeVisible()
  await expect(provider.getByTestId('return-comment')).toHaveText(comment)
  await provider.context().close()
})

test("the Albanian lead sees 'not found' for Serbia's workspace", async ({ browser }) => {
  const page = await as(browser, 'lead.al@example.org')
  await page.goto(`${roundUrl}/countries/RS`)
  await expect(page.getByRole('heading', { level: 1, name: msg('common:notFound.title') })).toBeVisible()
  await expect(page.getByText(msg('rounds:workspace.notFound'))).toBeVisible()
  await page.context().close()
})

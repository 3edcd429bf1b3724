import { type Page, test } from '@playwright/test'
import { msg, signInByApi } from './helpers.ts'
import { expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// The server starts with the default Handbook published as BAN 2026.1 (67 indicators in 10 areas, 24 of them core).
// The tests of this file run in order in one worker: the acceptance flow publishes 2027.1, so every test opens
// 2026.1 by its label.

// Each test is a whole journey with axe runs on pages listing many indicators (several seconds each on a small
// machine that runs the other specs at the same time): allow more than the default 45 s per test.
test.describe.configure({ timeout: 90_000 })

const nav = (page: Page) => page.getByRole('navigation', { name: msg('common:nav.label') })

async function openVersion(page: Page, label: string) {
  await nav(page)
    .getByRole('link', { name: msg('common:nav.handbook') })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: msg('handbook:list.title') })).toBeVisible()
  await page.getByRole('link', { name: label, exact: true }).click()
  await expect(page.getByText(fill(msg('handbook:version.subtitle'), { code: 'BAN', label }))).toBeVisible()
}

/** Opens the actions menu of an indicator row and picks an action. */
async function rowAction(page: Page, code: string, action: string) {
  await page.getByRole('button', { name: fill(msg('handbook:row.actionsFor'), { code }) }).click()
  await page.getByRole('menuitem', { name: msg(action) }).click()
}

test('an observer browses, searches and filters the Handbook, and reads an indicator', async ({ page }) => {
  await signInByApi(page, 'observer@example.org')
  await nav(page)
    .getByRole('link', { name: msg('common:nav.handbook') })
    .click()
  await expect(page.getByRole('cell', { name: '67' }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: msg('handbook:import.open') })).toHaveCount(0)
  await expectNoSeriousViolations(page)

  await openVersion(page, '2026.1')
  await expect(page.getByRole('heading', { level: 3, name: /^IDN/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: msg('handbook:manage.title') })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0)

  await page.getByRole('searchbox', { name: msg('handbook:filters.search') }).fill('guardian')
  await expect(page).toHaveURL(/[?&]q=guardian/)
  await expect(page.getByRole('link', { name: /^CHD-2 Guardianship/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /^IDN-1 / })).toHaveCount(0)
  await page.getByRole('button', { name: msg('handbook:filters.clear') }).click()
  await expect(page).not.toHaveURL(/[?&]q=/)

  await page.getByRole('combobox', { name: msg('handbook:filters.flag') }).selectOption('core')
  await expect(page).toHaveURL(/[?&]flag=core/)
  await expect(page.getByText('24 indicators match (of 67)')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('combobox', { name: msg('handbook:filters.flag') })).toHaveValue('core')
  await expect(page.getByText('24 indicators match (of 67)')).toBeVisible()
  await expect(page.getByRole('link', { name: /^COR-2 / })).toHaveCount(0)
  // The version page, with a filter on (fewer rows keep axe fast; every kind of element is still there).
  await expectNoSeriousViolations(page)

  await page.getByRole('link', { name: /^IDN-1 Formal national referral/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IDN-1')
  const levels = page.getByRole('list', { name: msg('handbook:measure.levels') }).getByRole('listitem')
  await expect(levels).toHaveCount(5)
  await expect(levels.first()).toContainText('Level 0')
  await expect(levels.last()).toContainText('Level 4')
  const legal = page.getByRole('region', { name: msg('handbook:indicator.legalTitle') })
  await expect(legal).toContainText(`${msg('enums:legalInstrument.coe_convention')}, 10`)
  await expect(legal).toContainText(`${msg('enums:legalInstrument.osce_nrm_handbook')}, Pillar 1`)
  await expectNoSeriousViolations(page)
})

test('a coordinator makes, edits and publishes 2027.1, and the diff shows exactly those changes', async ({ page }) => {
  await signInByApi(page, 'coordinator@example.org')
  await openVersion(page, '2026.1')
  await page.getByRole('button', { name: msg('handbook:manage.createDraft') }).click()
  const draftDialog = page.getByRole('dialog', { name: msg('handbook:draft.title') })
  await draftDialog.getByRole('textbox', { name: msg('handbook:draft.label') }).fill('2027.1')
  await draftDialog.getByRole('button', { name: msg('handbook:draft.submit') }).click()
  await expect(page.getByText(fill(msg('handbook:version.subtitle'), { code: 'BAN', label: '2027.1' }))).toBeVisible()

  // Rename IDN-5 → IDN-9.
  await rowAction(page, 'IDN-5', 'handbook:row.rename')
  const rename = page.getByRole('dialog', { name: fill(msg('handbook:rename.title'), { code: 'IDN-5' }) })
  await rename.getByRole('textbox', { name: msg('handbook:rename.code') }).fill('IDN-9')
  await rename.getByRole('button', { name: msg('handbook:rename.submit') }).click()
  await expect(rename).toBeHidden()
  await expect(page.getByRole('link', { name: /^IDN-9 Time to identification/ })).toBeVisible()

  // Merge AST-6 and AST-7 into AST-8.
  await rowAction(page, 'AST-6', 'handbook:row.merge')
  const merge = page.getByRole('dialog', { name: msg('handbook:merge.title') })
  await merge.getByRole('combobox', { name: msg('handbook:merge.codes') }).fill('AST-7')
  await page.getByRole('option', { name: /^AST-7/ }).click()
  await merge.getByRole('textbox', { name: msg('handbook:merge.code') }).fill('AST-8')
  await merge.getByRole('textbox', { name: msg('handbook:merge.newTitle') }).fill('Funding and survivor feedback')
  await merge.getByRole('button', { name: msg('handbook:merge.submit') }).click()
  await expect(merge).toBeHidden()
  await expect(page.getByRole('link', { name: /^AST-8 Funding and survivor feedback/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /^AST-[67] / })).toHaveCount(0)

  // Remove VUL-5: it is retired at publication.
  await rowAction(page, 'VUL-5', 'handbook:row.remove')
  const remove = page.getByRole('dialog', { name: fill(msg('handbook:remove.title'), { code: 'VUL-5' }) })
  await remove.getByRole('button', { name: msg('handbook:remove.confirm') }).click()
  await expect(remove).toBeHidden()
  await expect(page.getByRole('link', { name: /^VUL-5 / })).toHaveCount(0)

  // Publish through the confirmation dialog, which shows the diff first.
  await page.getByRole('button', { name: msg('handbook:manage.publish') }).click()
  const publish = page.getByRole('dialog', { name: fill(msg('handbook:publish.title'), { label: '2027.1' }) })
  await expect(publish.getByRole('heading', { level: 3, name: /^Renamed/ })).toBeVisible()
  await expectNoSeriousViolations(page, '[role="dialog"]')
  await publish.getByRole('button', { name: msg('handbook:publish.confirm'), exact: true }).click()
  await expect(publish).toBeHidden()
  await expect(page.getByRole('button', { name: msg('handbook:manage.createDraft') })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0)

  await page.getByRole('link', { name: fill(msg('handbook:version.compareWith'), { label: '2026.1' }) }).click()
  const changes = page.getByRole('region', { name: msg('handbook:diff.changesTitle') })
  await expect(changes.getByRole('heading', { level: 3 })).toHaveText(['Renamed (1)', 'Merged (1)', 'Retired (1)'])
  await expect(changes.getByRole('region', { name: /^Renamed/ })).toContainText(/IDN-5\s*→\s*becomes\s*IDN-9/)
  await expect(changes.getByRole('region', { name: /^Merged/ })).toContainText(/AST-6, AST-7\s*→\s*becomes\s*AST-8/)
  await expect(changes.getByRole('region', { name: /^Retired/ })).toContainText('VUL-5')
  await expect(changes).toContainText('63 indicators are unchanged.')
  await expectNoSeriousViolations(page)

  // The earlier version offers no editing at all.
  await openVersion(page, '2026.1')
  await expect(page.getByRole('heading', { level: 3, name: /^IDN/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: msg('handbook:manage.editDetails') })).toHaveCount(0)
  await expect(page.getByRole('link', { name: msg('handbook:manage.addIndicator') })).toHaveCount(0)
})

test('a country lead leaves out an optional indicator for Serbia, and cannot leave out a core one', async ({
  page,
}) => {
  await signInByApi(page, 'lead.rs@example.org')
  await openVersion(page, '2026.1')
  await page.getByRole('link', { name: fill(msg('handbook:adaptLinks.adaptFor'), { country: 'Serbia' }) }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    fill(msg('handbook:adaptation.title'), { country: 'Serbia' }),
  )
  const core = page.getByRole('checkbox', { name: /COR-1 / })
  await expect(core).toBeChecked()
  await expect(core).toBeDisabled()
  const optional = page.getByRole('checkbox', { name: /COR-2 / })
  await optional.uncheck()
  await expect(optional).not.toBeChecked()
  await page.getByRole('button', { name: msg('handbook:adaptation.save') }).click()
  await expect(page.getByText(msg('handbook:adaptation.saved'))).toBeVisible()
  await expectNoSeriousViolations(page)

  await page.reload()
  await expect(page.getByRole('checkbox', { name: /COR-2 / })).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: /COR-1 / })).toBeChecked()
})

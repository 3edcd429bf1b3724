import fs from 'node:fs'
import { test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { msg, signInByApi } from './helpers.ts'
import { expect, expectNoSeriousViolations, fill } from './round-helpers.ts'

// The coordinator completes an Albanian text of the published default Handbook (BAN 2026.1) side by side, downloads
// the translators' workbook and uploads a broken copy of it: every problem is listed with its cell, nothing saved.
// The page lists all 67 indicators with their texts in six languages: allow more than the default 45 s.
test.describe.configure({ timeout: 90_000 })

test('a coordinator translates a text side by side and round-trips the workbook', async ({ page }) => {
  await signInByApi(page, 'coordinator@example.org', '/handbook')
  await page.getByRole('link', { name: '2026.1', exact: true }).click()
  await page.getByRole('link', { name: msg('handbook:contentTranslation.open') }).click()
  await expect(page.getByRole('heading', { level: 1, name: msg('handbook:contentTranslation.title') })).toBeVisible()

  // Counters per language: the shipped Handbook is translated into every language.
  const languages = page.getByRole('group', { name: msg('handbook:contentTranslation.languages') })
  const albanian = languages.getByRole('checkbox', { name: msg('enums:contentLocale.sq') })
  await expect(albanian).toBeChecked()
  const complete = new RegExp(fill(msg('handbook:contentTranslation.localeComplete'), { total: '[\\d,. ]+' }))
  await expect(languages.getByText(complete)).toHaveCount(5)

  // Only Albanian beside the English base text, remembered in the address.
  for (const locale of ['sr-Cyrl', 'mk', 'bs', 'cnr'])
    await languages.getByRole('checkbox', { name: msg(`enums:contentLocale.${locale}`) }).uncheck()
  await expect(page).toHaveURL(/[?&]locales=sq(&|$)/)

  const list = page.getByRole('navigation', { name: msg('handbook:contentTranslation.listLabel') })
  await list.getByRole('link', { name: /^COR-1 / }).click()
  await expect(page).toHaveURL(/[?&]item=indicator%3ACOR-1/)
  const editor = page.getByRole('region', { name: /^COR-1 / })
  const definition = editor.getByRole('group', { name: msg('handbook:contentTranslation.field.definition') })
  await expect(definition.getByText(/^Whether, at the end of the reference year/)).toHaveAttribute('lang', 'en')
  const field = definition.getByRole('textbox', { name: msg('enums:contentLocale.sq') })
  await expect(field).toHaveAttribute('lang', 'sq')
  const text = `Përkufizim i rishikuar (prova ${Date.now()})`
  await field.fill(text)
  const save = editor.getByRole('button', { name: msg('handbook:contentTranslation.save') })
  await expect(save).toBeEnabled()

  // Leaving the item with unsaved changes asks first; staying keeps the text.
  await list.getByRole('link', { name: /^COR-2 / }).click()
  const leave = page.getByRole('dialog', { name: msg('handbook:contentTranslation.leave.title') })
  await expect(leave).toBeVisible()
  await leave.getByRole('button', { name: msg('common:actions.cancel') }).click()
  await expect(field).toHaveValue(text)

  await save.click()
  await expect(editor.getByRole('status')).toHaveText(msg('handbook:contentTranslation.saved'))
  await page.reload()
  await expect(
    page
      .getByRole('group', { name: msg('handbook:contentTranslation.field.definition') })
      .getByRole('textbox', { name: msg('enums:contentLocale.sq') }),
  ).toHaveValue(text)
  await expectNoSeriousViolations(page)

  // The workbook for the languages shown.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: msg('handbook:contentTranslation.download') }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('thbm-translations-BAN-2026.1.xlsx')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ExcelJS.Buffer)
  const sheet = book.getWorksheet('Translations') as ExcelJS.Worksheet
  expect(sheet.getRow(1).values).toEqual([undefined, 'address', 'item', 'field', 'en (base)', 'sq'])
  let row = 0
  for (let r = 2; r <= sheet.rowCount && !row; r++)
    if (sheet.getCell(r, 1).value === 'indicator:COR-1:definition') row = r
  expect(sheet.getCell(row, 5).value).toBe(text)

  // A broken copy: an address that does not exist. Every problem is listed with its cell; nothing is saved.
  sheet.getCell(row, 1).value = 'indicator:NOPE-1:definition'
  sheet.getCell(row, 5).value = 'Nuk duhet të ruhet'
  const broken = Buffer.from(await book.xlsx.writeBuffer())
  await page.getByRole('button', { name: msg('handbook:contentTranslation.upload.open') }).click()
  const dialog = page.getByRole('dialog', { name: msg('handbook:contentTranslation.upload.title') })
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'broken.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: broken,
  })
  await dialog.getByRole('button', { name: msg('handbook:contentTranslation.upload.submit') }).click()
  const problems = dialog.getByRole('alert')
  await expect(problems).toContainText(msg('handbook:contentTranslation.upload.problemsIntro'))
  await expect(problems).toContainText(`Translations!A${row}`)
  await expect(problems).toContainText('indicator:NOPE-1:definition')
  await expectNoSeriousViolations(page, '[role="dialog"]')
  await dialog.getByRole('button', { name: msg('common:actions.cancel') }).click()
  await expect(field).toHaveValue(text)
})

import { expect, test } from '@playwright/test'
import { msg, signInByApi } from './helpers.ts'

test('an admin invites someone who accepts the link in a fresh browser and is signed in', async ({ page, browser }) => {
  const email = `invitee.${Date.now()}@example.org`
  await signInByApi(page, 'admin@example.org', '/people')
  await page.getByRole('button', { name: msg('people:invite.open') }).click()
  const dialog = page.getByRole('dialog', { name: msg('people:invite.title') })
  await dialog.getByRole('textbox', { name: msg('people:invite.email') }).fill(email)
  await dialog.getByRole('combobox', { name: msg('people:grant.role') }).click()
  await page.getByRole('option', { name: msg('enums:role.expert') }).click()
  await dialog.getByRole('combobox', { name: msg('people:grant.country') }).click()
  await page.getByRole('option', { name: 'Serbia' }).click()
  await dialog.getByRole('button', { name: msg('people:invite.submit') }).click()

  const linkField = dialog.getByRole('textbox', { name: msg('people:invite.linkLabel') })
  await expect(linkField).toBeVisible()
  await expect(dialog.getByText(msg('common:oneTimeLink.shownOnce'))).toBeVisible()
  const link = await linkField.inputValue()
  expect(link).toContain('/invitation?token=')
  await dialog.getByRole('button', { name: msg('common:actions.done') }).click()
  await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible()

  const context = await browser.newContext()
  const guest = await context.newPage()
  await guest.goto(link)
  await expect(guest.getByRole('heading', { level: 1, name: msg('auth:invitation.title') })).toBeVisible()
  await expect(guest.getByText(email)).toBeVisible()
  await guest.getByRole('textbox', { name: msg('auth:fields.name') }).fill('Nova Invitee')
  await guest
    .getByRole('textbox', { name: msg('auth:fields.password'), exact: true })
    .fill('a-long-enough-passphrase-7')
  await expect(guest.getByText(msg('auth:password.status.ok'))).toBeVisible()
  await guest.getByRole('button', { name: msg('auth:invitation.submit') }).click()
  await expect(guest).toHaveURL('/')
  await expect(guest.getByRole('heading', { level: 1 })).toContainText('Nova Invitee')
  await expect(
    guest.getByRole('region', { name: msg('home:roles.title') }).getByText(msg('enums:role.expert'), { exact: true }),
  ).toBeVisible()
  await context.close()
})

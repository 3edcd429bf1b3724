import { test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, expect, fill, ok } from './round-helpers.ts'

// The Serbian lead sees the late indicators of the open demo round, reminds everyone who is late at once with a note,
// and reads how many people were reminded; the same item cannot be sent again within 24 hours. The NGO's data
// provider then finds the reminder, with the note, among their notifications.

const DEMO_ROUND = 'Monitoring 2026 (demo)'
const LEAD_NAME = 'Milica Lead (demo)'
const NGO = 'Victim Support NGO (demo, RS)'
const NOTE = `Please submit your late answers this week (${Date.now().toString(36)}).`

/** The `other` branch of a `{…, plural, …}` or `{…, select, …}` message that follows `head`. */
const branch = (message: string, head: string) => {
  const start = message.indexOf(`${head} {`)
  let depth = 0
  for (let i = start + head.length + 1; i < message.length; i++) {
    if (message[i] === '{') depth++
    if (message[i] === '}' && --depth === 0) return message.slice(start + head.length + 2, i)
  }
  throw new Error(`No branch ${head} in ${message}`)
}

test('the country lead reminds everyone who is late, and a data provider reads the reminder', async ({ browser }) => {
  const lead = await as(browser, 'lead.rs@example.org', null)
  const rounds = await ok<{ data: { id: string; name: string; status: string }[] }>(
    await lead.request.get('/api/rounds'),
  )
  const roundId = rounds.data.find((r) => r.name === DEMO_ROUND && r.status === 'collecting')?.id
  expect(roundId, DEMO_ROUND).toBeTruthy()
  await lead.goto(`/rounds/${roundId}/countries/RS`)

  // "N indicators are late", and the action for all of them.
  await expect(lead.getByRole('heading', { level: 3, name: / indicators are late$/ })).toBeVisible()
  const remindAll = lead.getByRole('button', { name: msg('rounds:remind.allButton') })
  await remindAll.click()
  const dialog = lead.getByRole('dialog', { name: msg('rounds:remind.allTitle') })
  const people = branch(msg('rounds:remind.previewPeople'), 'other').replace('#', '(\\d+)')
  await expect(dialog.getByText(new RegExp(`^${people}$`))).toBeVisible()
  const note = dialog.getByRole('textbox', { name: msg('rounds:remind.note') })
  await expect(note).toBeFocused()
  await note.fill(NOTE)
  await dialog.getByRole('button', { name: msg('rounds:remind.send') }).click()
  await expect(dialog).toBeHidden()
  await expect(remindAll).toBeFocused()
  // "12 people reminded, none skipped."
  const result = lead.getByRole('status').filter({ hasText: / people reminded, / })
  await expect(result).toHaveText(/^\d+ people reminded, none skipped\.$/)
  expect(Number((await result.textContent())?.split(' ')[0])).toBeGreaterThan(0)

  // One late item: its due date and a "Late" badge in words; a second reminder about it would be skipped.
  const lateItem = lead
    .getByRole('heading', { level: 3, name: / indicators are late$/ })
    .locator('..')
    .getByRole('link')
  const code = (await lateItem.first().textContent()) ?? ''
  await lateItem.first().click()
  await expect(lead.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible()
  const deadline = lead.getByTestId('indicator-deadline')
  await expect(deadline.getByText(new RegExp(`^${fill(msg('rounds:remind.dueOn'), { date: '.+' })}$`))).toBeVisible()
  await expect(deadline.getByText(msg('rounds:status.late'), { exact: true })).toBeVisible()
  await deadline.getByRole('button', { name: msg('rounds:remind.oneButton') }).click()
  const one = lead.getByRole('dialog', { name: fill(msg('rounds:remind.oneTitle'), { code }) })
  await expect(one.getByText(msg('rounds:remind.previewPeople').match(/=0 \{([^}]*)\}/)?.[1] ?? '')).toBeVisible()
  await expect(one.getByRole('button', { name: msg('rounds:remind.send') })).toBeDisabled()
  await one.getByRole('button', { name: msg('common:actions.cancel') }).click()
  await lead.context().close()

  // The NGO's data provider reads the reminder with the lead's note.
  const provider = await as(browser, 'provider.rs@example.org', '/notifications')
  const listed = await ok<{ data: { kind: string; indicatorCode: string; comment: string | null }[] }>(
    await provider.request.get('/api/me/notifications', { params: { limit: 200 } }),
  )
  const reminder = listed.data.find((n) => n.kind === 'reminder' && n.comment === NOTE)
  expect(reminder, 'a reminder with the note').toBeTruthy()
  const sentence = fill(branch(msg('notifications:message.reminder'), 'other'), {
    actor: LEAD_NAME,
    organisation: NGO,
    code: reminder?.indicatorCode ?? '',
    round: DEMO_ROUND,
    country: 'Serbia',
  })
  const item = provider.getByRole('listitem').filter({ hasText: sentence }).first()
  await expect(item).toBeVisible()
  await expect(item.getByText(msg('notifications:noteLabel'), { exact: true })).toBeVisible()
  await expect(item.getByText(NOTE)).toBeVisible()
  await provider.context().close()
})

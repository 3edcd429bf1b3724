import { type Page, test } from '@playwright/test'
import { msg } from './helpers.ts'
import { as, collectingRound, expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'

// The assessment team's discussion of one indicator and the country's written findings. A round of this file's own
// (a unique name) is set up through the API; the expert comments on IDN-1 and notifies the country lead, who sees the
// notification, replies and resolves the comment; the expert writes the finding of area IDN with bold text and a
// link; the lead reads it rendered; HTML with a script sent straight to the API never reaches the page.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const COUNTRY = 'RS'
const CODE = 'IDN-1'
const LEAD = 'lead.rs@example.org'
const LEAD_NAME = 'Milica Lead (demo)'
const EXPERT = 'expert.rs@example.org'
const QUESTION = 'Which regions still use the old referral protocol?\nPlease add the source.'
const REPLY = 'Two regions; the ombudsperson report lists them.'
const LINK = 'https://example.org/referral-report'
const roundName = `E2E discussion round ${Date.now()}`

let roundId = ''
let expertName = ''
const entryUrl = () => `/rounds/${roundId}/countries/${COUNTRY}/indicators/${CODE}`
const workspaceUrl = () => `/rounds/${roundId}/countries/${COUNTRY}`
const narrativesApi = () => `/api/rounds/${roundId}/countries/${COUNTRY}/narratives`

/** JSON of a successful API call (the status and body are shown when it fails). */
/** A catalog message with its one `{n, plural, …}` part chosen for n (`#` filled in). */
function plural(message: string, n: number): string {
  return message.replace(/\{\w+, plural, ((?:[^{}]|\{[^{}]*\})*)\}/, (_, body: string) => {
    const branches = new Map([...body.matchAll(/(=\d+|one|few|other) \{([^{}]*)\}/g)].map((m) => [m[1], m[2]]))
    const text = branches.get(`=${n}`) ?? (n === 1 ? branches.get('one') : undefined) ?? branches.get('other') ?? ''
    return text.replace(/#/g, String(n))
  })
}
const threadTitle = (open: number) => plural(msg('discussion:thread.title'), open)
/** The discussion region, whatever its count of open comments. */
const thread = (page: Page) =>
  page.getByRole('region', { name: new RegExp(`^${msg('discussion:thread.heading')} \\(`) })

/** The entry page of IDN-1 and its discussion, once the thread has loaded. */
async function openThread(page: Page, open: number) {
  await page.goto(entryUrl())
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${CODE} · `) })).toBeVisible()
  const region = thread(page)
  await expect(region).toHaveAccessibleName(threadTitle(open))
  return region
}

/** The workspace's findings and conclusions, once loaded. */
async function openNarratives(page: Page) {
  await page.goto(workspaceUrl())
  const region = page.getByRole('region', { name: msg('discussion:narratives.title'), exact: true })
  await expect(region.getByRole('article', { name: msg('discussion:narratives.summary') })).toBeVisible()
  return region
}

const findingName = new RegExp(`^${fill(msg('discussion:narratives.finding'), { area: 'IDN' })}( · |$)`)

test('set-up: a round collecting for Serbia', async ({ browser }) => {
  const coordinator = await as(browser, 'coordinator@example.org', null)
  roundId = await collectingRound(coordinator.request, { name: roundName, countries: [COUNTRY] })
  await coordinator.context().close()
})

test('the expert comments on IDN-1 and notifies the country lead', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openThread(page, 0)
  await expect(region.getByText(msg('discussion:thread.empty'))).toBeVisible()

  await region.getByRole('textbox', { name: msg('discussion:form.body') }).fill(QUESTION)
  const notify = region.getByRole('combobox', { name: msg('discussion:form.notify') })
  await notify.click()
  await notify.fill('Milica')
  await page.getByRole('option', { name: LEAD_NAME }).click()
  await page.keyboard.press('Escape')
  await region.getByRole('button', { name: msg('discussion:form.submit'), exact: true }).click()

  await expect(region).toHaveAccessibleName(threadTitle(1))
  await expect(region.getByTestId('thread-status')).toHaveText(msg('discussion:form.added'))
  const comment = region.getByTestId('comment').first()
  await expect(comment.getByTestId('comment-body')).toHaveText(QUESTION)
  await expect(comment).toContainText(fill(msg('discussion:thread.mentioned'), { names: LEAD_NAME }))
  await expect(comment.getByText(msg('discussion:thread.openBadge'), { exact: true })).toBeVisible()
  // The text area is empty again and keeps the focus for a next comment.
  await expect(region.getByRole('textbox', { name: msg('discussion:form.body') })).toBeFocused()
  await expect(region.getByRole('textbox', { name: msg('discussion:form.body') })).toHaveValue('')

  const listed = await ok<{ data: { comments: { author: { name: string } | null }[] } }>(
    await page.request.get(`/api${entryUrl()}/comments`),
  )
  expertName = listed.data.comments[0]?.author?.name ?? ''
  expect(expertName).not.toBe('')
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('the lead is notified, replies and resolves the comment', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  const listed = await ok<{ data: { kind: string; indicatorCode: string | null; round: { id: string } }[] }>(
    await page.request.get('/api/me/notifications', { params: { limit: 200 } }),
  )
  expect(listed.data.some((n) => n.kind === 'comment' && n.round.id === roundId && n.indicatorCode === CODE)).toBe(true)
  await page.goto('/notifications')
  const sentence = fill(msg('notifications:message.comment'), {
    actor: expertName,
    code: CODE,
    round: roundName,
    country: 'Serbia',
  })
  await expect(page.getByRole('listitem').filter({ hasText: sentence }).first()).toBeVisible()

  const region = await openThread(page, 1)
  await expect(region.getByTestId('comment-body').first()).toHaveText(QUESTION)
  await region.getByRole('textbox', { name: msg('discussion:form.body') }).fill(REPLY)
  await region.getByRole('button', { name: msg('discussion:form.submit'), exact: true }).click()
  await expect(region).toHaveAccessibleName(threadTitle(2))

  const question = region.getByTestId('comment').filter({ hasText: expertName }).first()
  await question
    .getByRole('button', { name: fill(msg('discussion:thread.resolveLabel'), { author: expertName }) })
    .click()
  await expect(region).toHaveAccessibleName(threadTitle(1))
  await expect(question).toBeFocused()
  await expect(question.getByText(msg('discussion:thread.resolvedBadge'), { exact: true })).toBeVisible()
  await expect(question).toContainText(fill(msg('discussion:thread.resolvedBy'), { who: LEAD_NAME, when: '' }).trim())
  // Resolved comments are collapsed, and can be shown again.
  await expect(question.getByTestId('comment-body')).toBeHidden()
  await question.getByRole('button', { name: msg('discussion:thread.showResolved') }).click()
  await expect(question.getByTestId('comment-body')).toHaveText(QUESTION)
  await expect(
    question.getByRole('button', { name: fill(msg('discussion:thread.reopenLabel'), { author: expertName }) }),
  ).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.context().close()

  // The expert, who wrote in the thread before, is told of the reply.
  const expert = await as(browser, EXPERT, null)
  const theirs = await ok<{ data: { kind: string; round: { id: string }; actor: { name: string } | null }[] }>(
    await expert.request.get('/api/me/notifications', { params: { limit: 200 } }),
  )
  expect(theirs.data.some((n) => n.kind === 'comment' && n.round.id === roundId && n.actor?.name === LEAD_NAME)).toBe(
    true,
  )
  await expert.context().close()
})

test('the expert writes the finding of area IDN with bold text and a link', async ({ browser }) => {
  const page = await as(browser, EXPERT, null)
  const region = await openNarratives(page)
  const finding = region.getByRole('article', { name: findingName })
  await expect(finding.getByText(msg('discussion:narratives.empty'))).toBeVisible()
  await finding.getByRole('button', { name: new RegExp(`^${msg('discussion:narratives.write')}: `) }).click()

  const editor = finding.getByRole('textbox', {
    name: new RegExp(`^${fill(msg('discussion:editor.label'), { title: '' })}`),
  })
  await expect(editor).toBeFocused()
  const toolbar = finding.getByRole('toolbar', { name: msg('discussion:editor.toolbar') })
  const bold = toolbar.getByRole('button', { name: msg('discussion:editor.bold'), exact: true })
  await page.keyboard.type('Victims are identified ')
  await bold.click()
  await expect(bold).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('mostly by NGOs')
  await bold.click()
  await expect(bold).toHaveAttribute('aria-pressed', 'false')
  await page.keyboard.type('; see the report')
  for (let i = 0; i < 'the report'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await toolbar.getByRole('button', { name: msg('discussion:editor.link'), exact: true }).click()
  const address = page.getByRole('textbox', { name: msg('discussion:editor.linkUrl') })
  await expect(address).toBeFocused()
  await address.fill('javascript:alert(1)')
  await page.getByRole('button', { name: msg('discussion:editor.linkApply') }).click()
  await expect(page.getByText(msg('discussion:editor.linkInvalid'))).toBeVisible()
  await address.fill(LINK)
  await page.getByRole('button', { name: msg('discussion:editor.linkApply') }).click()
  await expect(editor.locator(`a[href="${LINK}"]`)).toHaveText('the report')
  await expect(editor.locator('strong')).toHaveText('mostly by NGOs')
  await expectNoSeriousViolations(page)

  await finding.getByRole('button', { name: msg('discussion:narratives.save'), exact: true }).click()
  await expect(finding.getByTestId('narrative-save-status')).toHaveText(msg('discussion:narratives.saved'))
  const text = finding.getByTestId('narrative-text')
  await expect(text.locator('strong')).toHaveText('mostly by NGOs')
  await expect(text.getByRole('link', { name: 'the report' })).toHaveAttribute('href', LINK)
  await expect(
    finding.getByRole('button', { name: new RegExp(`^${msg('discussion:narratives.edit')}: `) }),
  ).toBeFocused()
  await page.context().close()
})

test('the lead reads the finding rendered; a script sent to the API does not reach the page', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  // HTML typed straight into the API, past the editor: the server keeps only the allowed subset.
  const saved = await ok<{ data: { kind: string; html: string }[] }>(
    await page.request.put(narrativesApi(), {
      data: {
        version: 0,
        kind: 'conclusion',
        areaCode: '',
        html: '<p>Safe <em>conclusion</em></p><script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2"><p onclick="window.__xss = 3">Click</p>',
      },
    }),
  )
  expect(saved.data.find((n) => n.kind === 'conclusion')?.html).not.toContain('script')

  const region = await openNarratives(page)
  const finding = region.getByRole('article', { name: findingName })
  const text = finding.getByTestId('narrative-text')
  await expect(text.locator('strong')).toHaveText('mostly by NGOs')
  await expect(text.getByRole('link', { name: 'the report' })).toHaveAttribute('href', LINK)
  await expect(text.getByRole('link', { name: 'the report' })).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(finding).toContainText(
    fill(msg('discussion:narratives.lastSaved'), { who: expertName, when: '' }).trim(),
  )

  const conclusion = region.getByRole('article', { name: msg('discussion:narratives.conclusion') })
  await expect(conclusion.getByTestId('narrative-text')).toContainText('Safe conclusion')
  await conclusion.getByText('Click').click()
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__xss')))).toBe(false)
  await expect(region.locator('script, img, [onclick]')).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.context().close()
})

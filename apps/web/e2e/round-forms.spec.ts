import { type Page, type Response, test } from '@playwright/test'
import { settled } from './a11y-helpers.ts'
import { msg } from './helpers.ts'
import { as, expect, expectNoSeriousViolations, fill, ok } from './round-helpers.ts'
import { SMALL_CODES as C, createSmallHandbook } from './small-framework.ts'

// A whole round for one country through the forms: a small Handbook (one indicator per measurement type) is set up
// through the API, then the coordinator plans the round, the country lead assigns every indicator (two of them through
// the dialog), the NGO answers and submits every one of them with evidence files and links, the progress board shows
// the country complete, and the lead returns one answer with a comment the NGO reads. Another country's lead sees none
// of it. Serbia is the only demo country with both a country lead and a data provider account; the round (and its
// Handbook) is this file's own, so it does not meet the other specs' rounds.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const COUNTRY = 'RS'
const COUNTRY_NAME = 'Serbia'
const NGO = 'Victim Support NGO (demo, RS)'
const EXPERT = 'Stefan Expert (demo)'
const LEAD = 'lead.rs@example.org'
const PROVIDER = 'provider.rs@example.org'
const roundName = `E2E full round ${Date.now()}`
const ALL = Object.values(C)

let roundId = ''
const workspace = () => `/rounds/${roundId}/countries/${COUNTRY}`

// Evidence files made here: the server recognises the type from the content, so these must be real PDF and PNG bytes.
const PDF = {
  name: 'referral-protocol.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  ),
}
const PNG = {
  name: 'victims-chart.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
}
type EvidenceFile = typeof PDF

/** Small sizes as the evidence list writes them (under 1 KB: bytes). */
const sizeOf = (file: EvidenceFile) => `${new Intl.NumberFormat('en-GB').format(file.buffer.length)} B`
const percent = (share: number, digits = 0) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: digits }).format(share)

async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toContainText(fill(msg('rounds:save.savedAt'), { time: '' }).trim())
}

/** Opens an indicator's entry from the workspace (and waits for the answer form, for whoever edits the answer). */
async function openEntry(page: Page, code: string, { editor = true } = {}) {
  await page.goto(workspace())
  await page.getByRole('link', { name: code, exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible()
  if (editor) await expect(page.getByTestId('save-status')).toBeVisible()
}

async function submitAnswer(page: Page) {
  await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
  await expect(page.getByText(msg('rounds:entry.submittedTitle'), { exact: true }).first()).toBeVisible()
}

/** Opens the "new evidence" form. */
async function startEvidence(page: Page, kind: 'file' | 'link') {
  await page.getByRole('button', { name: msg('rounds:evidence.add') }).click()
  const form = page.getByRole('group', { name: msg('rounds:evidence.addTitle') })
  // The segmented control's radios are visually hidden: choose by their visible labels, as a person does.
  const label = msg(`rounds:evidence.kind.${kind}`)
  await form.getByText(label, { exact: true }).click()
  await expect(form.getByRole('radio', { name: label, exact: true })).toBeChecked()
  return form
}

async function addLink(page: Page, url: string, title: string) {
  const form = await startEvidence(page, 'link')
  await form.getByRole('textbox', { name: msg('rounds:evidence.url') }).fill(url)
  await form.getByRole('textbox', { name: msg('rounds:evidence.titleField') }).fill(title)
  await form.getByRole('button', { name: msg('rounds:evidence.addConfirm'), exact: true }).click()
  await expect(page.getByRole('link', { name: url })).toBeVisible()
}

/** Uploads a file through the evidence form (the file chooser of its "File" button) and adds it with a title. */
async function addFile(page: Page, file: EvidenceFile, title: string) {
  const form = await startEvidence(page, 'file')
  // Adding before the upload is refused at the field.
  await form.getByRole('button', { name: msg('rounds:evidence.addConfirm'), exact: true }).click()
  await expect(form.getByText(msg('rounds:evidence.errors.fileId'))).toBeVisible()
  const chooser = page.waitForEvent('filechooser')
  await form.getByRole('button', { name: msg('rounds:evidence.file'), exact: true }).click()
  await (await chooser).setFiles(file)
  await expect(
    form.getByText(fill(msg('rounds:evidence.uploaded'), { name: file.name, size: sizeOf(file) })),
  ).toBeVisible()
  const titleBox = form.getByRole('textbox', { name: msg('rounds:evidence.titleField') })
  await expect(titleBox).toHaveValue(file.name)
  await titleBox.fill(title)
  await form.getByRole('button', { name: msg('rounds:evidence.addConfirm'), exact: true }).click()
  await expect(form).toBeHidden()
  await expect(
    page.getByRole('link', { name: fill(msg('rounds:evidence.download'), { name: file.name, size: sizeOf(file) }) }),
  ).toBeVisible()
}

test('the coordinator plans a round on a small Handbook for Serbia and starts data collection', async ({ browser }) => {
  const page = await as(browser, 'coordinator@example.org')
  const handbook = await createSmallHandbook(page.request)
  expect(handbook.codes).toEqual(ALL)

  await page
    .getByRole('navigation', { name: msg('common:nav.label') })
    .getByRole('link', { name: msg('common:nav.rounds') })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: msg('rounds:list.title') })).toBeVisible()
  await page.getByRole('link', { name: msg('rounds:list.plan') }).click()
  await page.getByRole('textbox', { name: msg('rounds:form.name') }).fill(roundName)
  await page.getByRole('combobox', { name: msg('rounds:form.version') }).click()
  await page
    .getByRole('option', {
      name: fill(msg('rounds:form.versionOption'), {
        framework: handbook.frameworkCode,
        version: handbook.versionLabel,
        name: handbook.frameworkName,
      }),
    })
    .click()
  // Submitting without a country shows the problem at the field and in the summary.
  await page.getByRole('button', { name: msg('rounds:form.submit') }).click()
  await expect(page.getByText(msg('rounds:form.errors.countries')).first()).toBeVisible()
  await page.getByRole('combobox', { name: msg('rounds:form.countries') }).click()
  await page.getByRole('option', { name: COUNTRY_NAME }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: msg('rounds:form.submit') }).click()
  await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible()
  roundId = new URL(page.url()).pathname.split('/').at(-1) ?? ''
  expect(roundId).not.toBe('')
  await expectNoSeriousViolations(page)

  await page.getByRole('button', { name: msg('rounds:transition.forward.collecting.button') }).click()
  const dialog = page.getByRole('dialog', { name: msg('rounds:transition.forward.collecting.title') })
  await dialog.getByRole('button', { name: msg('rounds:transition.forward.collecting.confirm') }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('main').getByText(msg('rounds:status.round.collecting')).first()).toBeVisible()
  await page.getByRole('link', { name: fill(msg('rounds:round.openWorkspace'), { country: COUNTRY_NAME }) }).click()
  // Every indicator of the small Handbook is core, so all six are in Serbia's list.
  await expect(
    page.getByText(fill(msg('rounds:workspace.shown'), { shown: ALL.length, total: ALL.length })),
  ).toBeVisible()
  for (const code of ALL) await expect(page.getByRole('link', { name: code, exact: true })).toBeVisible()

  await page.goto('/rounds')
  await expect(page.getByRole('link', { name: roundName })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.context().close()
})

test('the Serbian lead assigns every indicator to the demo NGO and an expert, with a due date', async ({ browser }) => {
  const page = await as(browser, LEAD, null)
  // The dialog is the same for every kind of indicator: two are assigned through it, the other four through the API.
  const throughTheDialog: string[] = [C.rubric, C.count]
  const orgs = await ok<{ data: { id: string; name: string }[] }>(
    await page.request.get('/api/organisations', { params: { country: COUNTRY } }),
  )
  const experts = await ok<{ data: { id: string; email: string }[] }>(
    await page.request.get('/api/users', { params: { country: COUNTRY, role: 'expert' } }),
  )
  const ngoId = orgs.data.find((o) => o.name === NGO)?.id
  const expertId = experts.data.find((u) => u.email === 'expert.rs@example.org')?.id
  expect(ngoId && expertId).toBeTruthy()
  for (const code of ALL.filter((c) => !throughTheDialog.includes(c))) {
    await ok(
      await page.request.put(`/api/rounds/${roundId}/countries/${COUNTRY}/assignments/${code}`, {
        data: { version: 0, expertId, providers: [{ organisationId: ngoId, userId: null }], dueOn: '2030-06-30' },
      }),
    )
  }

  await page.goto(workspace())
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(roundName) })).toBeVisible()
  for (const code of throughTheDialog) {
    await page.getByRole('button', { name: fill(msg('rounds:assignment.assignNamed'), { code }) }).click()
    const dialog = page.getByRole('dialog', { name: fill(msg('rounds:assignment.title'), { code }) })
    await dialog.getByRole('button', { name: msg('rounds:assignment.addProvider') }).click()
    await dialog
      .getByRole('combobox', { name: fill(msg('rounds:assignment.organisationN'), { n: 1 }), exact: true })
      .click()
    await page.getByRole('option', { name: NGO }).click()
    await dialog.getByRole('combobox', { name: msg('rounds:assignment.expert'), exact: true }).click()
    await page.getByRole('option', { name: EXPERT }).click()
    await dialog.getByLabel(msg('rounds:assignment.due')).fill('2030-06-30')
    if (code === C.count) await expectNoSeriousViolations(page)
    await dialog.getByRole('button', { name: msg('common:actions.save') }).click()
    await expect(dialog).toBeHidden()
  }
  for (const code of ALL) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })
    await expect(row).toContainText(NGO)
    await expect(row).toContainText(EXPERT)
    await expect(row).toContainText(msg('rounds:status.work.not_started'))
  }
  await expect(page.getByText(fill(msg('rounds:workspace.doneOf'), { done: 0, total: ALL.length }))).toBeVisible()
  await page.context().close()
})

test.describe('the NGO answers every indicator by its type, with evidence files and links, and submits each', () => {
  let page: Page
  test.beforeAll(async ({ browser }) => {
    page = await as(browser, PROVIDER, null)
  })
  test.afterAll(async () => {
    await page.context().close()
  })

  test('the workspace and an entry ask only for what a data provider may read (nothing answers 404)', async () => {
    const refused: string[] = []
    const record = (res: Response) => {
      const { pathname } = new URL(res.url())
      if (pathname.startsWith('/api/') && res.status() === 404) refused.push(pathname)
    }
    page.on('response', record)
    await page.goto(workspace())
    await settled(page)
    await openEntry(page, C.rubric)
    await settled(page)
    page.off('response', record)
    expect(refused).toEqual([])
    // The board counts the organisation's own answers, and says so.
    await page.goto(workspace())
    await expect(page.getByText(fill(msg('rounds:workspace.ownDoneOf'), { done: 0, total: ALL.length }))).toBeVisible()
  })

  test('a rubric level, with a PDF file and a link', async () => {
    await openEntry(page, C.rubric)
    await expect(page.getByTestId('save-status')).toHaveText(msg('rounds:save.empty'))
    await page.getByRole('radio', { name: fill(msg('rounds:entry.levelN'), { level: 3 }) }).check()
    await expectSaved(page)
    await addFile(page, PDF, 'Referral protocol (scan)')
    await addLink(page, 'https://example.org/referral-rulebook', 'Referral rulebook')
    await expectSaved(page)
    await submitAnswer(page)
  })

  test('yes, partially or no, with a narrative and a link', async () => {
    await openEntry(page, C.yesPartialNo)
    await page.getByRole('radio', { name: msg('rounds:entry.choice.partial'), exact: true }).check()
    await page.getByRole('textbox', { name: msg('rounds:entry.narrative') }).fill('Granted in practice, not in law.')
    await expectSaved(page)
    await addLink(page, 'https://example.org/reflection-period', 'Reflection period practice')
    await expectSaved(page)
    await submitAnswer(page)
  })

  test('a count by victim status and sex whose breakdown needs an explanation, with a PNG file', async () => {
    await openEntry(page, C.count)
    await page.getByRole('textbox', { name: msg('rounds:breakdown.groupTotal.identified') }).fill('10')
    await page.getByRole('textbox', { name: msg('rounds:breakdown.groupTotal.presumed') }).fill('4')
    const sexTable = (status: 'identified' | 'presumed') =>
      fill(msg('rounds:breakdown.captionStatus'), {
        dimension: msg('enums:dimension.sex'),
        status: msg(`rounds:breakdown.group.${status}`),
      })
    const cell = (status: 'identified' | 'presumed', category: string) =>
      page.getByRole('textbox', {
        name: fill(msg('rounds:breakdown.cellLabel'), {
          category: msg(`enums:dimensionCategory.sex.${category}`),
          table: sexTable(status),
        }),
        exact: true,
      })
    await cell('identified', 'female').fill('6')
    await cell('identified', 'male').fill('3')
    await cell('identified', 'other_unknown').fill('0')
    await cell('presumed', 'female').fill('2')
    await cell('presumed', 'male').fill('2')
    await cell('presumed', 'other_unknown').fill('0')
    const mismatch = page.getByText(fill(msg('rounds:breakdown.mismatch'), { sum: 9, total: 10 }))
    await expect(mismatch).toBeVisible()
    const explanation = page.getByRole('textbox', { name: msg('rounds:entry.partsExplanation') })
    await expect(explanation).toBeVisible()
    // Parts that add up clear the warning; this answer keeps the mismatch and explains it.
    await cell('identified', 'other_unknown').fill('1')
    await expect(mismatch).toBeHidden()
    await cell('identified', 'other_unknown').fill('0')
    await expect(mismatch).toBeVisible()
    // A mismatch is a warning: the draft still saves, but submitting asks for the explanation.
    await expectSaved(page)
    await addFile(page, PNG, 'Victims by sex (chart)')
    await expectSaved(page)
    await expectNoSeriousViolations(page)
    await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
    await expect(page.getByText(msg('rounds:checks.required.partsExplanation')).first()).toBeVisible()
    await expect(page.getByText(msg('rounds:entry.submittedTitle'), { exact: true })).toHaveCount(0)
    await explanation.fill('One identified victim declined to state their sex to the service.')
    await expectSaved(page)
    await submitAnswer(page)
    await expect(mismatch).toBeVisible()
  })

  test('an amount in euro, with a PDF file', async () => {
    await openEntry(page, C.amount)
    await page.getByRole('textbox', { name: fill(msg('rounds:entry.numberIn'), { unit: 'EUR' }) }).fill('125000.50')
    await expectSaved(page)
    await addFile(page, PDF, 'Budget line 2025')
    await expectSaved(page)
    await submitAnswer(page)
  })

  test('a percentage whose numerator above the denominator stops saving until corrected, with a link', async () => {
    await openEntry(page, C.percentage)
    // The labels are the indicator's own (Handbook content), not UI text.
    const numerator = page.getByRole('textbox', { name: 'Frontline staff trained on identification' })
    const denominator = page.getByRole('textbox', { name: 'Frontline staff in post' })
    await expect(page.getByText(msg('rounds:entry.percentPending'))).toBeVisible()
    await denominator.fill('80')
    await numerator.fill('120')
    await expect(page.getByText(msg('rounds:checks.code.percentage_over100'))).toBeVisible()
    await expect(page.getByTestId('save-status')).toHaveText(msg('rounds:save.invalid'))
    // Submitting lists the problem by the field's label, linked to the field.
    await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
    const summary = page.getByRole('alert').filter({ hasText: msg('common:form.errorSummaryTitle') })
    const link = summary.getByRole('link', { name: 'Frontline staff trained on identification' })
    await expect(summary.getByRole('listitem')).toHaveText(
      `Frontline staff trained on identification: ${msg('rounds:checks.code.percentage_over100')}`,
    )
    await link.click()
    await expect(numerator).toBeFocused()
    await numerator.fill('36')
    await expect(page.getByText(msg('rounds:checks.code.percentage_over100'))).toHaveCount(0)
    await expect(page.getByText(fill(msg('rounds:entry.percentResult'), { percent: percent(0.45, 1) }))).toBeVisible()
    await expectSaved(page)
    await addLink(page, 'https://example.org/training-report', 'Training report')
    await expectSaved(page)
    await expectNoSeriousViolations(page)
    await submitAnswer(page)
  })

  test('a text answer, refused while empty', async () => {
    await openEntry(page, C.text)
    await page.getByRole('button', { name: msg('rounds:submit.button') }).click()
    await expect(page.getByText(msg('rounds:checks.required.text')).first()).toBeVisible()
    await page
      .getByRole('textbox', { name: msg('rounds:entry.text'), exact: true })
      .fill('Frontline staff rarely know the indicators of trafficking for labour exploitation.')
    await expectSaved(page)
    await submitAnswer(page)

    await page.goto(workspace())
    for (const code of ALL) {
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })
      await expect(row).toContainText(msg('rounds:status.work.submitted'))
    }
  })
})

test('the progress board shows every indicator submitted and Serbia 100 % complete', async ({ browser }) => {
  const page = await as(browser, LEAD, workspace())
  await expect(page.getByText(fill(msg('rounds:workspace.overall'), { percent: percent(1) }))).toBeVisible()
  await expect(
    page.getByText(fill(msg('rounds:workspace.doneOf'), { done: ALL.length, total: ALL.length })),
  ).toBeVisible()
  await expect(page.getByRole('progressbar', { name: msg('rounds:workspace.overallLabel') })).toHaveAttribute(
    'aria-valuenow',
    '100',
  )
  await expect(
    page.getByText(
      fill(msg('rounds:workspace.areaDone'), { percent: percent(1), done: ALL.length, total: ALL.length }),
    ),
  ).toBeVisible()
  await expect(page.getByText(msg('rounds:workspace.noneLate'))).toBeVisible()
  for (const code of ALL) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code, exact: true }) })
    await expect(row).toContainText(msg('rounds:status.work.submitted'))
  }
  await page.context().close()
})

test('the answers keep their evidence files; the Serbian lead downloads them, the Albanian lead gets 404', async ({
  browser,
}) => {
  const lead = await as(browser, LEAD, null)
  type Evidence = { kind: string; title: string; url: string | null; file: { id: string; name: string } | null }
  type Work = { data: { answers: { organisation: { name: string }; status: string; evidence: Evidence[] }[] } }
  const evidenceOf = async (code: string) => {
    const res = await lead.request.get(`/api/rounds/${roundId}/countries/${COUNTRY}/indicators/${code}`)
    expect(res.status()).toBe(200)
    const answers = ((await res.json()) as Work).data.answers
    expect(answers).toHaveLength(1)
    expect(answers[0]?.organisation.name).toBe(NGO)
    expect(answers[0]?.status).toBe('submitted')
    return answers[0]?.evidence ?? []
  }
  const files: { id: string; expected: EvidenceFile }[] = []
  for (const [code, expected, links] of [
    [C.rubric, [PDF], 1],
    [C.count, [PNG], 0],
    [C.amount, [PDF], 0],
  ] as const) {
    const evidence = await evidenceOf(code)
    const uploaded = evidence.filter((e) => e.kind === 'file')
    expect(uploaded.map((e) => e.file?.name)).toEqual(expected.map((f) => f.name))
    expect(evidence.filter((e) => e.kind === 'link')).toHaveLength(links)
    for (const [i, e] of uploaded.entries()) files.push({ id: e.file?.id ?? '', expected: expected[i] as EvidenceFile })
  }
  expect((await evidenceOf(C.percentage)).map((e) => e.url)).toEqual(['https://example.org/training-report'])

  for (const { id, expected } of files) {
    const res = await lead.request.get(`/api/files/${id}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain(expected.mimeType)
    expect(res.headers()['content-disposition']).toContain(expected.name)
    expect(Buffer.compare(await res.body(), expected.buffer)).toBe(0)
  }
  await lead.context().close()

  const other = await as(browser, 'lead.al@example.org', null)
  for (const { id } of files) {
    const res = await other.request.get(`/api/files/${id}`)
    expect(res.status()).toBe(404)
  }
  const work = await other.request.get(`/api/rounds/${roundId}/countries/${COUNTRY}/indicators/${C.rubric}`)
  expect(work.status()).toBe(404)
  await other.goto(workspace())
  await expect(other.getByRole('heading', { level: 1, name: msg('common:notFound.title') })).toBeVisible()
  await expect(other.getByText(msg('rounds:workspace.notFound'))).toBeVisible()
  await other.context().close()
})

test('the lead returns the text answer with a comment, and the NGO sees the comment', async ({ browser }) => {
  const comment = 'Please name the regions where staff were asked.'
  const lead = await as(browser, LEAD, null)
  await openEntry(lead, C.text, { editor: false })
  await lead.getByRole('button', { name: fill(msg('rounds:return.openNamed'), { organisation: NGO }) }).click()
  const dialog = lead.getByRole('dialog', { name: fill(msg('rounds:return.title'), { organisation: NGO }) })
  await dialog.getByRole('textbox', { name: msg('rounds:return.comment') }).fill(comment)
  await dialog.getByRole('button', { name: msg('rounds:return.submit') }).click()
  await expect(dialog).toBeHidden()
  await expect(lead.getByText(msg('rounds:status.answer.returned')).first()).toBeVisible()
  await lead.context().close()

  const provider = await as(browser, PROVIDER, null)
  await openEntry(provider, C.text, { editor: false })
  await expect(provider.getByRole('alert').filter({ hasText: msg('rounds:entry.returnedTitle') })).toBeVisible()
  await expect(provider.getByTestId('return-comment')).toHaveText(comment)
  await provider.context().close()
})

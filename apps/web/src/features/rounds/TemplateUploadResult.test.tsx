import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ImportBatch, MeResponse } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { TemplatePanel } from './TemplatePanel.tsx'
import { TemplateUploadResult } from './TemplateUploadResult.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'

const batch = (patch: Partial<ImportBatch> = {}): ImportBatch => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52',
  roundId: ROUND,
  countryCode: 'RS',
  source: 'upload',
  fileName: 'filled.xlsx',
  organisations: [{ id: ORG, name: 'Victim Support NGO' }],
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: { id: USER, name: 'Jelena Provider' },
  counts: { created: 2, updated: 1 },
  revertedAt: null,
  revertedBy: null,
  revertReason: null,
  abilities: [],
  ...patch,
})

const problems = new ApiError('validation_failed', 400, 'The workbook has 2 problem(s); nothing was imported', {
  issues: [
    { path: 'Data!H12', message: 'IDN-1 · Victim Support NGO: Enter a whole number' },
    { path: 'Signature!B3', message: 'This template is for another round' },
  ],
})

afterEach(() => vi.unstubAllGlobals())

describe('TemplateUploadResult', () => {
  it('lists every problem with its cell, says nothing was applied and moves focus to its heading', async () => {
    await renderPage(<TemplateUploadResult outcome={{ ok: false, fileName: 'filled.xlsx', error: problems }} />)
    const heading = await screen.findByRole('heading', { name: 'The template was not imported' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByText('Nothing was applied: no answer was changed.')).toBeTruthy()
    // The server's English summary is not repeated: the heading and the count say it in the page's language.
    expect(screen.queryByText('The workbook has 2 problem(s); nothing was imported')).toBeNull()
    expect(screen.getByRole('heading', { name: '2 problems' })).toBeTruthy()
    const items = within(screen.getByRole('list', { name: '2 problems' })).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual([
      'Data!H12: IDN-1 · Victim Support NGO: Enter a whole number',
      'Signature!B3: This template is for another round',
    ])
  })

  it('tells every cell problem in the page language by its code, after its indicator', async () => {
    const error = new ApiError('validation_failed', 400, 'The workbook has 6 problem(s); nothing was imported', {
      issues: [
        { path: 'Data!H2', message: 'COR-1: Choose one of 0, 1, 2, 3, 4', code: 'choice.invalid' },
        { path: 'Data!H30', message: 'COR-7: A count or amount cannot be negative', code: 'number.negative' },
        { path: 'Data!H70', message: 'IDN-3: "пет" is not a number', code: 'number' },
        { path: 'Data!H71', message: 'IDN-3: "=A1+2" is not a number (formulas are not calculated)', code: 'number' },
        {
          path: 'Data!H171',
          message: 'AST-1: Choose "no data" from the list, or leave the cell empty',
          code: 'noData',
        },
        { path: 'Signature!B3', message: 'This template is for another round' },
      ],
    })
    const { i18n } = await renderPage(<TemplateUploadResult outcome={{ ok: false, fileName: 'x.xlsx', error }} />)
    await act(() => i18n.changeLanguage('sr-Cyrl'))
    const list = await screen.findByRole('list', { name: '6 проблема' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Data!H2: COR-1: Изаберите једну од понуђених опција.',
      'Data!H30: COR-7: Број не може бити негативан.',
      'Data!H70: IDN-3: „пет” није број.',
      'Data!H71: IDN-3: „=A1+2” је формула, а формуле се не израчунавају. Упишите сам број.',
      'Data!H171: AST-1: Изаберите вредност са листе у ћелији или оставите ћелију празну.',
      // A problem of the workbook's structure has no code: the server's message stays.
      'Signature!B3: This template is for another round',
    ])
    expect(screen.queryByText(/problem\(s\)/)).toBeNull()
  })

  it('tells every other problem of a cell or row in the page language too', async () => {
    const error = new ApiError('validation_failed', 400, 'The workbook has 8 problem(s); nothing was imported', {
      issues: [
        { path: 'Data!B5', message: 'This row does not match the template: …', code: 'row.changed' },
        { path: 'Data!H12', message: 'IDN-4: A count is a whole number', code: 'number.whole' },
        { path: 'Data!H13', message: 'COR-5: The denominator must be above zero', code: 'number.zero' },
        {
          path: 'Data!H14',
          message: 'JUS-5: This number is outside the range THB Monitor accepts',
          code: 'number.range',
        },
        { path: 'Data!H15', message: 'JUS-5: This text is too long (at most 50000 characters)', code: 'text.tooLong' },
        { path: 'Data!H16', message: 'IDN-8: Choose one of yes, partial, no', code: 'choice.invalid' },
        {
          path: 'Data!H20',
          message: "AST-1 is no longer in this country's list for the round",
          code: 'indicator.removed',
        },
        { path: 'Data!A300', message: 'Rows were added below the template', code: 'row.added' },
      ],
    })
    const { i18n } = await renderPage(<TemplateUploadResult outcome={{ ok: false, fileName: 'x.xlsx', error }} />)
    await act(() => i18n.changeLanguage('sr-Latn'))
    const list = await screen.findByRole('list', { name: '8 problema' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Data!B5: Ovaj red se ne poklapa sa obrascem: redovi su premešteni, umetnuti ili obrisani, ili je izmenjena zaključana ćelija. Preuzmite novi obrazac.',
      'Data!H12: IDN-4: Broj osoba ili slučajeva mora biti ceo broj.',
      'Data!H13: COR-5: Imenilac mora biti veći od nule.',
      'Data!H14: JUS-5: Ovaj broj je izvan opsega koji THB Monitor prihvata.',
      'Data!H15: JUS-5: Ovaj tekst je predugačak. Skratite ga.',
      'Data!H16: IDN-8: Izaberite jednu od ponuđenih opcija.',
      'Data!H20: AST-1 više nije na listi vaše države za ovaj krug; njegovi redovi ne mogu da se uvezu.',
      'Data!A300: Ispod obrasca su dodati redovi. Uklonite ih ili preuzmite novi obrazac.',
    ])
  })

  it('names a problem of the whole file in words', async () => {
    const error = new ApiError('validation_failed', 400, 'The workbook could not be read', {
      issues: [{ path: 'file', message: 'The file is not an XLSX workbook' }],
    })
    await renderPage(<TemplateUploadResult outcome={{ ok: false, fileName: 'notes.xlsx', error }} />)
    expect((await screen.findByRole('listitem')).textContent).toBe('Whole file: The file is not an XLSX workbook')
  })

  it('explains a round that is not collecting, without a problem list', async () => {
    const error = new ApiError('invalid_state', 409, 'The round is reviewing; answers can be changed only …')
    await renderPage(<TemplateUploadResult outcome={{ ok: false, fileName: 'filled.xlsx', error }} />)
    expect(await screen.findByText(/Data collection is not open in this round/)).toBeTruthy()
    expect(screen.getByText('Nothing was applied: no answer was changed.')).toBeTruthy()
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('summarises what an import applied, with its warnings and their cells', async () => {
    const result = {
      batch: batch(),
      unchanged: 4,
      warnings: [
        { path: 'Data!H20', message: 'COR-5 · Victim Support NGO: The parts do not add up', code: 'parts' },
        { path: 'Data!H69', message: 'IDN-3: Changed by 56 % since the previous round', code: 'change.large' },
      ],
    }
    await renderPage(<TemplateUploadResult outcome={{ ok: true, fileName: 'filled.xlsx', result }} />)
    const done = await screen.findByRole('heading', { name: 'Template imported' })
    expect(document.activeElement).toBe(done)
    const counts = within(screen.getByRole('list', { name: 'Answers' })).getAllByRole('listitem')
    expect(counts.map((li) => li.textContent)).toEqual(['2 answers created', '1 answer updated', '4 answers unchanged'])
    const warnings = within(screen.getByRole('list', { name: '2 warnings' })).getAllByRole('listitem')
    expect(warnings.map((li) => li.textContent)).toEqual([
      'Data!H20: COR-5 · Victim Support NGO: The parts do not add up',
      'Data!H69: IDN-3: Changed by 56 % since the previous round. Check the figure and comment on the change.',
    ])
  })

  it('says so when the workbook changed nothing', async () => {
    await renderPage(
      <TemplateUploadResult
        outcome={{ ok: true, fileName: 'same.xlsx', result: { batch: null, unchanged: 3, warnings: [] } }}
      />,
    )
    expect(
      await screen.findByText(/Nothing was changed: the workbook holds no new values\. 3 answers were/),
    ).toBeTruthy()
  })
})

describe('TemplatePanel', () => {
  const me: MeResponse = {
    data: {
      id: USER,
      email: 'provider.rs@example.org',
      name: 'Jelena Provider',
      locale: null,
      isDemo: true,
      memberships: [
        {
          id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a54',
          role: 'data_provider',
          countryCode: 'RS',
          organisationId: ORG,
          organisationName: 'Victim Support NGO',
        },
      ],
    },
    abilities: [],
  }

  it('posts the chosen workbook as multipart and shows every problem when the server refuses it', async () => {
    const stub = stubFetch({
      'GET /api/auth/me': { status: 200, body: me },
      [`POST /api/rounds/${ROUND}/countries/RS/template`]: {
        status: 400,
        body: {
          error: { code: problems.code, message: problems.message, details: problems.details },
          requestId: 'r1',
        },
      },
    })
    const fetchMock = vi.fn(stub)
    vi.stubGlobal('fetch', fetchMock)
    await renderPage(<TemplatePanel roundId={ROUND} country="RS" status="collecting" />)
    const user = userEvent.setup()
    // A provider of one organisation has nothing to choose: the template covers that organisation.
    expect(await screen.findByRole('button', { name: 'Download template' })).toBeTruthy()
    expect(screen.queryByRole('combobox', { name: 'Template for' })).toBeNull()
    // Only the country lead sees the import history.
    expect(screen.queryByRole('link', { name: 'Imports from templates' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Upload filled-in template' }))
    expect(screen.getByText('Choose the filled-in workbook first.')).toBeTruthy()

    const file = new File(['PK'], 'filled.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    })
    await user.upload(screen.getByLabelText('Filled-in template (.xlsx)'), file)
    await user.click(screen.getByRole('button', { name: 'Upload filled-in template' }))

    const failed = await screen.findByRole('heading', { name: 'The template was not imported' })
    expect(document.activeElement).toBe(failed)
    expect(screen.getByText('Data!H12')).toBeTruthy()
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')
    const body = post?.[1]?.body
    expect(body).toBeInstanceOf(FormData)
    expect((body as FormData).get('file')).toMatchObject({ name: 'filled.xlsx' })
  })

  it("offers the lead every organisation and downloads the chosen one's template in the page's language", async () => {
    const POLICE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a55'
    const lead = {
      ...me,
      data: { ...me.data, memberships: [{ ...me.data.memberships[0], role: 'country_lead', organisationId: null }] },
    }
    const org = (id: string, name: string) => ({ id, name, type: 'ngo', countryCode: 'RS', active: true, version: 1 })
    const json = stubFetch({
      'GET /api/auth/me': { status: 200, body: lead },
      'GET /api/organisations': {
        status: 200,
        body: { data: [org(ORG, 'Victim Support NGO'), org(POLICE, 'Police')] },
      },
    })
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('/template')
        ? new Response('PK', {
            status: 200,
            headers: { 'content-disposition': 'attachment; filename="thbm-template-RS-2026-Police.xlsx"' },
          })
        : json(input, init),
    )
    vi.stubGlobal('fetch', fetchMock)
    // jsdom has no object URLs and does not navigate; the link's click is what starts a download.
    URL.createObjectURL = vi.fn(() => 'blob:template')
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await renderPage(<TemplatePanel roundId={ROUND} country="RS" status="collecting" />)
    const user = userEvent.setup()
    expect(await screen.findByRole('link', { name: 'Imports from templates' })).toBeTruthy()
    const select = await screen.findByRole('combobox', { name: 'Template for' })
    expect((select as HTMLInputElement).value).toBe('All organisations')
    await user.click(select)
    await user.click(await screen.findByRole('option', { name: 'Police', hidden: true }))
    await user.click(screen.getByRole('button', { name: 'Download template' }))

    expect(await screen.findByText('Downloaded thbm-template-RS-2026-Police.xlsx.')).toBeTruthy()
    const url = fetchMock.mock.calls.map(([input]) => String(input)).find((u) => u.includes('/template'))
    expect(url).toBe(`/api/rounds/${ROUND}/countries/RS/template?organisation=${POLICE}&lang=en`)
    expect(click).toHaveBeenCalledOnce()
    click.mockRestore()
  }, 20_000)

  it('shows nothing to a user who neither leads the country nor provides data there', async () => {
    const expert = { ...me, data: { ...me.data, memberships: [{ ...me.data.memberships[0], role: 'expert' }] } }
    vi.stubGlobal('fetch', stubFetch({ 'GET /api/auth/me': { status: 200, body: expert } }))
    const { container, queryClient } = await renderPage(
      <TemplatePanel roundId={ROUND} country="RS" status="collecting" />,
    )
    await waitFor(() => expect(queryClient.getQueryData(['me'])).toBeTruthy())
    expect(container.querySelector('section')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Download template' })).toBeNull()
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { MeResponse, Progress, ProgressRow, SubmitAllResult } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { SubmitAllPanel, SubmitAllResultView } from './SubmitAllPanel.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const NGO = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const POLICE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'
const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'
const names = new Map([
  [NGO, 'Victim Support NGO'],
  [POLICE, 'Police'],
])

afterEach(() => vi.unstubAllGlobals())

describe('SubmitAllResultView', () => {
  const result: SubmitAllResult = {
    submitted: [
      { indicatorCode: 'AST-1', organisationId: NGO },
      { indicatorCode: 'IDN-1', organisationId: NGO },
    ],
    notReady: [
      {
        indicatorCode: 'COR-5',
        organisationId: POLICE,
        problems: [
          { path: 'body.value.numerator', message: 'Required', code: 'required' },
          { path: 'body.value.denominator', message: 'Required', code: 'required' },
          { path: 'body.changeComment', message: 'Comment on the change since the previous round', code: 'required' },
          { path: 'body.partsExplanation', message: 'Explain why the parts do not add up', code: 'required' },
          { path: 'body.somethingNew', message: 'Something else', code: 'other' },
        ],
      },
      {
        indicatorCode: 'VIC-2',
        organisationId: NGO,
        problems: [
          { path: 'body.cells', message: 'Give the number of identified or presumed victims', code: 'required' },
        ],
      },
    ],
  }

  it('says how many answers were submitted, lists what was not ready with links, and takes the focus', async () => {
    await renderPage(
      <SubmitAllResultView
        result={result}
        organisationName={(id) => names.get(id) ?? id}
        entryPath={(code) => `/rounds/${ROUND}/countries/RS/indicators/${code}`}
      />,
    )
    const heading = await screen.findByRole('heading', { name: '2 answers submitted' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('region', { name: '2 answers submitted' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Not ready: 2 answers' })).toBeTruthy()

    const list = screen.getByRole('list', { name: 'Not ready: 2 answers' })
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list)
    expect(items).toHaveLength(2)
    const [cor, vic] = items as [HTMLElement, HTMLElement]
    expect(within(cor).getByRole('link', { name: 'COR-5' }).getAttribute('href')).toBe(
      `/rounds/${ROUND}/countries/RS/indicators/COR-5`,
    )
    expect(cor.textContent).toContain('Police')
    // The first three problems, each after the field's label, and the rest counted.
    expect(
      within(cor)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Numerator: Required',
      'Denominator: Required',
      'Comment on the change since the previous round: Comment on the change since the previous round',
    ])
    expect(within(cor).getByText('and 2 more problems')).toBeTruthy()
    expect(within(vic).getByRole('link', { name: 'VIC-2' })).toBeTruthy()
    expect(vic.textContent).toContain('Victim Support NGO')
    expect(within(vic).getByRole('listitem').textContent).toBe(
      'Breakdown: Give the number of identified or presumed victims',
    )
  })

  it('says so when there was nothing to submit', async () => {
    await renderPage(
      <SubmitAllResultView
        result={{ submitted: [], notReady: [] }}
        organisationName={(id) => id}
        entryPath={(code) => code}
      />,
    )
    expect(await screen.findByRole('heading', { name: 'No answer submitted' })).toBeTruthy()
    expect(screen.getByText('There was no draft answer to submit.')).toBeTruthy()
    expect(screen.queryByRole('list')).toBeNull()
  })
})

describe('SubmitAllPanel', () => {
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
          organisationId: NGO,
          organisationName: 'Victim Support NGO',
        },
      ],
    },
    abilities: [],
  }
  const row = (code: string, status: ProgressRow['status']): ProgressRow => ({
    code,
    area: 'IDN',
    title: { en: code },
    reason: 'core',
    assignment: {
      expert: null,
      secondExpert: null,
      providers: [{ organisationId: NGO, organisationName: 'Victim Support NGO', userId: null, userName: null }],
      dueOn: null,
      version: 1,
    },
    sources:
      status === 'not_started'
        ? []
        : [{ organisationId: NGO, organisationName: 'Victim Support NGO', status, updatedAt: '2026-03-01T10:00:00Z' }],
    status,
    late: false,
  })
  const progress = (status: Progress['round']['status'] = 'collecting'): Progress => ({
    round: { id: ROUND, name: 'Monitoring 2026', status },
    countryCode: 'RS',
    indicators: [
      row('IDN-1', 'in_progress'),
      row('AST-1', 'in_progress'),
      row('COR-5', 'submitted'),
      row('VIC-2', 'not_started'),
    ],
    areas: [],
    completeness: 0.25,
    late: 0,
    abilities: [],
  })

  it('confirms how many answers it will look at, submits them and shows the result', async () => {
    const result: SubmitAllResult = {
      submitted: [{ indicatorCode: 'AST-1', organisationId: NGO }],
      notReady: [
        {
          indicatorCode: 'IDN-1',
          organisationId: NGO,
          problems: [{ path: 'body.value.choice', message: 'Choose a level', code: 'required' }],
        },
      ],
    }
    const fetchMock = vi.fn(
      stubFetch({
        'GET /api/auth/me': { status: 200, body: me },
        [`POST /api/rounds/${ROUND}/countries/RS/submit`]: { status: 200, body: { data: result } },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const { queryClient } = await renderPage(<SubmitAllPanel roundId={ROUND} country="RS" progress={progress()} />)
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    const user = userEvent.setup()
    expect(await screen.findByRole('region', { name: 'Submit all ready answers' })).toBeTruthy()
    expect(screen.getByText('2 answers are waiting to be submitted.')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Submit all ready answers' }))
    const dialog = await screen.findByRole('dialog', { name: 'Submit all ready answers?' })
    expect(within(dialog).getByText('2 answers will be submitted if they are complete.')).toBeTruthy()
    expect(within(dialog).getByText(/Drafts that are not complete stay drafts/)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Submit ready answers' }))

    const heading = await screen.findByRole('heading', { name: '1 answer submitted' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const notReady = screen.getByRole('list', { name: 'Not ready: 1 answer' })
    expect(within(notReady).getByRole('link', { name: 'IDN-1' }).getAttribute('href')).toBe(
      `/rounds/${ROUND}/countries/RS/indicators/IDN-1`,
    )
    expect(notReady.textContent).toContain('Victim Support NGO')
    expect(notReady.textContent).toContain('Answer: Choose a level')

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({})
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey))
    expect(keys).toEqual(
      expect.arrayContaining([
        JSON.stringify(['rounds', 'progress', ROUND, 'RS']),
        JSON.stringify(['rounds', 'work', ROUND, 'RS']),
      ]),
    )
  })

  it('explains a round that is no longer open, in the dialog', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({
        'GET /api/auth/me': { status: 200, body: me },
        [`POST /api/rounds/${ROUND}/countries/RS/submit`]: {
          status: 409,
          body: { error: { code: 'invalid_state', message: 'The round is published' }, requestId: 'r1' },
        },
      }),
    )
    await renderPage(<SubmitAllPanel roundId={ROUND} country="RS" progress={progress()} />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Submit all ready answers' }))
    const dialog = await screen.findByRole('dialog', { name: 'Submit all ready answers?' })
    await user.click(within(dialog).getByRole('button', { name: 'Submit ready answers' }))
    expect(
      await within(dialog).findByText('Answers can be submitted only while the round is collecting data or in review.'),
    ).toBeTruthy()
  })

  it('shows nothing to someone who may not write answers in the country, or once the round is closed', async () => {
    const expert = { ...me, data: { ...me.data, memberships: [{ ...me.data.memberships[0], role: 'expert' }] } }
    vi.stubGlobal('fetch', stubFetch({ 'GET /api/auth/me': { status: 200, body: expert } }))
    const first = await renderPage(<SubmitAllPanel roundId={ROUND} country="RS" progress={progress()} />)
    await waitFor(() => expect(first.queryClient.getQueryData(['me'])).toBeTruthy())
    expect(screen.queryByRole('button', { name: 'Submit all ready answers' })).toBeNull()
    first.unmount()

    vi.stubGlobal('fetch', stubFetch({ 'GET /api/auth/me': { status: 200, body: me } }))
    const second = await renderPage(<SubmitAllPanel roundId={ROUND} country="RS" progress={progress('published')} />)
    await waitFor(() => expect(second.queryClient.getQueryData(['me'])).toBeTruthy())
    expect(screen.queryByRole('button', { name: 'Submit all ready answers' })).toBeNull()
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { FollowUp, MeResponse, Recommendation, Round } from '@thbm/shared'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { RecommendationsSection } from './RecommendationsSection.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const OLD_ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const PREV_ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'
const REC_A = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60'
const REC_B = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61'
const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70'

const round = {
  id: ROUND,
  name: 'Monitoring 2026',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  referenceYear: 2026,
  status: 'collecting',
} as Round

const followUp = (id: string, roundRef: FollowUp['round'], status: FollowUp['status'], version = 1): FollowUp => ({
  id,
  round: roundRef,
  status,
  comment: null,
  evidence: [],
  response: null,
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: { id: USER, name: 'Milica Lead' },
  version,
})

const rec = (id: string, text: string, followUps: FollowUp[]): Recommendation => ({
  id,
  countryCode: 'RS',
  issuedIn: { id: OLD_ROUND, name: 'Monitoring 2023', periodTo: '2023-12-31' },
  text,
  institutions: ['Ministry of the Interior'],
  areaCodes: ['IDN'],
  indicatorCodes: [],
  priority: 'urgent',
  source: 'monitoring',
  createdAt: '2024-05-15T10:00:00.000Z',
  version: 1,
  followUps,
  latestStatus: followUps.at(-1)?.status ?? null,
})

const prev = { id: PREV_ROUND, name: 'Monitoring 2025', periodTo: '2025-12-31' }
const here = { id: ROUND, name: 'Monitoring 2026', periodTo: '2026-12-31' }
const recA = rec(REC_A, 'Adopt identification procedures.', [
  followUp('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a80', prev, 'not_implemented'),
])
const recB = rec(REC_B, 'Fund shelters.', [
  followUp('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a81', prev, 'partially_implemented'),
  followUp('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a82', here, 'partially_implemented', 2),
])

const me = (role: 'country_lead' | 'observer'): MeResponse => ({
  data: {
    id: USER,
    email: 'lead.rs@example.org',
    name: 'Milica Lead',
    locale: 'en',
    isDemo: false,
    memberships: [{ id: USER, role, countryCode: 'RS', organisationId: null, organisationName: null }],
  },
  abilities: [],
})

const routes = (role: 'country_lead' | 'observer' = 'country_lead', put?: { status: number; body: unknown }) => ({
  'GET /api/auth/me': { status: 200, body: me(role) },
  [`GET /api/rounds/${ROUND}/countries/RS/follow-ups`]: { status: 200, body: { data: [recA, recB] } },
  'GET /api/countries/RS/recommendations': { status: 200, body: { data: [] } },
  ...(put && { [`PUT /api/recommendations/${REC_A}/follow-ups/${ROUND}`]: put }),
})

const render = () =>
  renderPage(<RecommendationsSection round={round} country="RS" areas={[]} baseLocale="en" indicatorCodes={[]} />)

const itemOf = async (text: string) => {
  const link = await screen.findByRole('link', { name: text })
  return link.closest('li') as HTMLElement
}

// The auto-growing text areas listen for web fonts loading; jsdom has no `document.fonts`.
beforeAll(() => {
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    })
})

afterEach(() => vi.unstubAllGlobals())

describe('RecommendationsSection: follow-up of earlier recommendations', () => {
  it('shows each one with its previous status and this round’s, and how many are followed up', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch(routes())))
    await render()
    expect(await screen.findByText('1 of 2 followed up in this round.')).toBeTruthy()
    const a = await itemOf('Adopt identification procedures.')
    expect(a.textContent).toContain('Status in Monitoring 2025:')
    expect(a.textContent).toContain('Not implemented')
    expect(a.textContent).toContain('status needed')
    const b = await itemOf('Fund shelters.')
    expect(
      within(b)
        .getAllByTestId('follow-up-status')
        .map((s) => s.textContent),
    ).toEqual(['Partially implemented', 'Partially implemented'])
    expect(await within(b).findByRole('button', { name: 'Change status' })).toBeTruthy()
    expect(screen.getByText('This round has issued no recommendations yet.')).toBeTruthy()
  })

  it('records a status with a comment, a response and a link, saving with version 0, and counts it', async () => {
    const saved = rec(REC_A, recA.text, [
      ...recA.followUps,
      { ...followUp('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a83', here, 'partially_implemented'), comment: 'SOPs drafted.' },
    ])
    const fetch = vi.fn(stubFetch(routes('country_lead', { status: 200, body: { data: saved } })))
    vi.stubGlobal('fetch', fetch)
    const user = userEvent.setup()
    await render()
    const a = await itemOf('Adopt identification procedures.')
    await user.click(await within(a).findByRole('button', { name: 'Record status' }))
    const first = within(a).getByRole('radio', { name: 'Not implemented' })
    await waitFor(() => expect(document.activeElement).toBe(first))

    // Without a status nothing is sent, and the summary says why.
    await user.click(within(a).getByRole('button', { name: 'Save status' }))
    expect(within(a).getAllByText('Choose a status.').length).toBeGreaterThan(0)
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false)

    await user.click(within(a).getByRole('radio', { name: 'Partially implemented' }))
    await user.type(within(a).getByRole('textbox', { name: 'Comment' }), 'SOPs drafted.')
    await user.type(within(a).getByRole('textbox', { name: 'Response of the institution' }), 'In consultation.')
    await user.click(within(a).getByRole('button', { name: 'Add a link' }))
    await user.type(within(a).getByRole('textbox', { name: 'Address of link 1' }), 'https://example.org/sop')
    await user.click(within(a).getByRole('button', { name: 'Save status' }))

    expect(await screen.findByText('2 of 2 followed up in this round.')).toBeTruthy()
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({
      version: 0,
      status: 'partially_implemented',
      comment: 'SOPs drafted.',
      response: 'In consultation.',
      evidence: [
        {
          kind: 'link',
          title: 'https://example.org/sop',
          url: 'https://example.org/sop',
          citation: null,
          fileId: null,
          internal: false,
        },
      ],
    })
    const after = await itemOf('Adopt identification procedures.')
    expect(within(after).getByText('The follow-up was saved.')).toBeTruthy()
    expect(document.activeElement).toBe(within(after).getByRole('button', { name: 'Change status' }))
  })

  it('refuses a link that is not a web address', async () => {
    const fetch = vi.fn(stubFetch(routes()))
    vi.stubGlobal('fetch', fetch)
    const user = userEvent.setup()
    await render()
    const a = await itemOf('Adopt identification procedures.')
    await user.click(await within(a).findByRole('button', { name: 'Record status' }))
    await user.click(within(a).getByRole('radio', { name: 'Fully implemented' }))
    await user.click(within(a).getByRole('button', { name: 'Add a link' }))
    await user.type(within(a).getByRole('textbox', { name: 'Address of link 1' }), 'example.org')
    await user.click(within(a).getByRole('button', { name: 'Save status' }))
    expect(within(a).getAllByText('Enter a web address starting with http:// or https://.').length).toBeGreaterThan(0)
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false)
  })

  it('offers to reload when someone else saved the follow-up first (409)', async () => {
    const conflict = { status: 409, body: { error: { code: 'conflict', message: 'Changed' }, requestId: 'r1' } }
    vi.stubGlobal('fetch', vi.fn(stubFetch(routes('country_lead', conflict))))
    const user = userEvent.setup()
    await render()
    const a = await itemOf('Adopt identification procedures.')
    await user.click(await within(a).findByRole('button', { name: 'Record status' }))
    await user.click(within(a).getByRole('radio', { name: 'Not implemented' }))
    await user.click(within(a).getByRole('button', { name: 'Save status' }))
    expect(await within(a).findByRole('button', { name: 'Load the current version' })).toBeTruthy()
    expect((within(a).getByRole('button', { name: 'Save status' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows no form to people who only read', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch(routes('observer'))))
    await render()
    await screen.findByText('1 of 2 followed up in this round.')
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('button', { name: 'Record status' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'New recommendation' })).toBeNull()
  })
})

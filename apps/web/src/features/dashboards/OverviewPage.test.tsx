import { screen, within } from '@testing-library/react'
import type { RoundOverview } from '@thbm/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import OverviewPage from './OverviewPage.tsx'

const ROUND = '01a2240e-df58-7c80-8718-48a779ff63ee'
const country = (
  code: string,
  name: string,
  scores: [number | null, number | null][],
  over: Partial<RoundOverview['countries'][number]> = {},
) => ({
  code,
  names: { en: name },
  areaScores: scores.map(([score, provisionalScore], i) => ({
    areaCode: ['IDN', 'LAB'][i] as string,
    score,
    provisionalScore,
  })),
  indicators: 30,
  completeness: 0.5,
  late: 0,
  validated: 0,
  implementationRate: null,
  ...over,
})

const overview: RoundOverview = {
  round: { id: ROUND, name: 'Monitoring 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', status: 'collecting' },
  areas: [
    { code: 'IDN', title: { en: 'Identification and referral' } },
    { code: 'LAB', title: { en: 'Labour exploitation (forced labour, servitude)' } },
  ],
  countries: [
    country(
      'AL',
      'Albania',
      [
        [null, 40],
        [null, null],
      ],
      { late: 3, completeness: 0.25 },
    ),
    country(
      'RS',
      'Serbia',
      [
        [62.5, 70],
        [null, 55],
      ],
      { validated: 12, completeness: 1, implementationRate: 0.5 },
    ),
  ],
}

const cells = (row: HTMLElement | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  vi.stubGlobal(
    'fetch',
    stubFetch({
      [`GET /api/rounds/${ROUND}/overview`]: { status: 200, body: { data: overview } },
      'GET /api/rounds': { status: 200, body: { data: [] } },
    }),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('OverviewPage', () => {
  it('puts the heatmap in a table, marking in words a country whose scores are only provisional', async () => {
    await renderPage(<OverviewPage />, { path: '/dashboards/rounds/:roundId', url: `/dashboards/rounds/${ROUND}` })
    const table = await screen.findByRole('table', { name: 'Area scores by country, Monitoring 2026' })
    const rows = within(table).getAllByRole('row')
    // A row per area, a column per country; Albania has nothing validated, so its provisional score shows and its
    // label says so, while Serbia shows only validated scores (its provisional-only area stays empty).
    expect(cells(rows[0])).toEqual(['Area', 'Albania (provisional)', 'Serbia'])
    expect(cells(rows[1])).toEqual(['Identification and referral', '40', '62.5'])
    expect(cells(rows[2])).toEqual(['Labour exploitation', 'no data', 'no data'])
    expect(screen.getByText(/marks a country with nothing validated yet/)).toBeTruthy()
    expect(screen.getByRole('img', { name: /Area scores by country, Monitoring 2026/ })).toBeTruthy()
  })

  it('lists completeness and late indicators with links to each progress board', async () => {
    await renderPage(<OverviewPage />, { path: '/dashboards/rounds/:roundId', url: `/dashboards/rounds/${ROUND}` })
    const table = await screen.findByRole('table', {
      name: 'Completeness and late indicators by country, Monitoring 2026',
    })
    const late = within(table).getByRole('link', { name: '3 late indicators in Albania' })
    expect(late.getAttribute('href')).toBe(`/rounds/${ROUND}/countries/AL?late=1`)
    const board = within(table).getByRole('link', { name: 'Progress board of Serbia' })
    expect(board.getAttribute('href')).toBe(`/rounds/${ROUND}/countries/RS`)
    expect(within(table).getByRole('link', { name: 'Serbia' }).getAttribute('href')).toBe('/dashboards/countries/RS')
    expect(cells(within(table).getAllByRole('row')[1])).toEqual(['Albania', '30', '25%', '0', '3', 'Progress board'])
  })
})

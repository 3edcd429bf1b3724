import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { FrameworkSummary, IndicatorExplorer, VersionDetail } from '@thbm/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import ExplorerPage from './ExplorerPage.tsx'

const VERSION = '01a2240e-c6e6-7a00-87aa-515cdb5d00f0'
const OLD = '01a2240e-c6e6-7a00-87aa-515cdb5d00f1'
const round = (year: number) => ({
  id: `01a2240e-c6e6-7a00-87aa-5${year}00000000`.slice(0, 36),
  name: `Monitoring ${year}`,
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-12-31`,
})

const frameworks: FrameworkSummary[] = [
  {
    id: '01a2240e-c6e6-7a00-87aa-515cdb5d0001',
    code: 'BAN',
    name: { en: 'Handbook' },
    baseLocale: 'en',
    abilities: [],
    versions: [
      {
        id: OLD,
        label: '2024.1',
        status: 'published',
        basedOnId: null,
        publishedAt: '2024-01-01T00:00:00Z',
        indicatorCount: 2,
      },
      {
        id: VERSION,
        label: '2026.1',
        status: 'published',
        basedOnId: OLD,
        publishedAt: '2026-01-01T00:00:00Z',
        indicatorCount: 2,
      },
    ],
  },
]
const version = {
  id: VERSION,
  framework: { id: frameworks[0]?.id, code: 'BAN', name: { en: 'Handbook' }, baseLocale: 'en' },
  areas: [{ code: 'IDN', title: { en: 'Identification and referral' } }],
  indicators: [
    { code: 'IDN-2', area: 'IDN', title: { en: 'Identification procedures' } },
    { code: 'IDN-4', area: 'IDN', title: { en: 'Identified and presumed victims' } },
  ],
} as unknown as VersionDetail

const row = (year: number, countryCode: string, codeInRound: string, normalisedScore: number | null) => ({
  round: round(year),
  countryCode,
  codeInRound,
  status: 'validated',
  noData: false,
  number: null,
  choice: '2',
  numerator: null,
  denominator: null,
  normalisedScore,
})
const explorer = (code: string): IndicatorExplorer => ({
  versionId: VERSION,
  code,
  title: { en: code === 'IDN-2' ? 'Identification procedures' : 'Identified and presumed victims' },
  measurementType: 'rubric',
  rows: [row(2025, 'RS', code, 75), row(2023, 'AL', 'IDN-1', 25), row(2025, 'AL', code, 50)],
})
const countries = [
  { code: 'AL', names: { en: 'Albania' } },
  { code: 'RS', names: { en: 'Serbia' } },
]

let requested: string[] = []
beforeEach(() => {
  requested = []
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    requested.push(`${url.pathname}${url.search}`)
    const body =
      url.pathname === '/api/frameworks'
        ? { data: frameworks }
        : url.pathname.startsWith('/api/framework-versions/')
          ? { data: version }
          : url.pathname === '/api/indicators/explorer'
            ? { data: explorer(url.searchParams.get('code') ?? '') }
            : url.pathname === '/api/countries'
              ? { data: countries }
              : null
    return new Response(JSON.stringify(body ?? { error: { code: 'not_found', message: 'Not found' } }), {
      status: body ? 200 : 404,
      headers: { 'content-type': 'application/json' },
    })
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const path = '/dashboards/indicators'

describe('ExplorerPage', () => {
  it('opens on the indicator in the URL and lists each round and country with the code it had then', async () => {
    await renderPage(<ExplorerPage />, { path, url: `${path}?code=IDN-4` })
    const table = await screen.findByRole('table', { name: 'Assessments of IDN-4 by round and country' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual([
      'Monitoring 2023',
      'Monitoring 2025',
      'Monitoring 2025',
    ])
    expect(rows[0]?.textContent).toContain('IDN-1(earlier code)')
    expect(rows[0]?.textContent).toContain('Albania')
    expect(rows[2]?.textContent).toContain('Serbia')
    expect(rows[2]?.textContent).toContain('Level 2')
    const select = screen.getByRole('combobox', { name: 'Indicator' }) as HTMLSelectElement
    await waitFor(() => expect(select.value).toBe('IDN-4'))
    // The latest published version is the default: it stays out of the URL and out of the API call.
    expect(requested).toContain('/api/indicators/explorer?code=IDN-4')
  })

  it('writes a newly chosen indicator and version into the URL, keeping the view shareable', async () => {
    const { router } = await renderPage(<ExplorerPage />, { path, url: `${path}?code=IDN-4` })
    const select = await screen.findByRole('combobox', { name: 'Indicator' })
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('IDN-4'))
    await userEvent.selectOptions(select, 'IDN-2')
    await waitFor(() => expect(router.state.location.search).toBe('?code=IDN-2'))
    await screen.findByRole('table', { name: 'Assessments of IDN-2 by round and country' })
    expect(requested).toContain('/api/indicators/explorer?code=IDN-2')

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Handbook version' }), OLD)
    await waitFor(() => expect(router.state.location.search).toBe(`?code=IDN-2&version=${OLD}`))
    await waitFor(() => expect(requested).toContain(`/api/indicators/explorer?code=IDN-2&versionId=${OLD}`))
  })

  it('asks for an indicator when the URL names none', async () => {
    await renderPage(<ExplorerPage />, { path, url: path })
    expect(await screen.findByText(/Pick an indicator above/)).toBeTruthy()
    expect(requested.some((r) => r.startsWith('/api/indicators/explorer'))).toBe(false)
  })
})

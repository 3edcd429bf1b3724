import { screen, within } from '@testing-library/react'
import type { Agreement, IndicatorDoc } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { AgreementSection } from './AgreementSection.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const path = `GET /api/rounds/${ROUND}/countries/RS/agreement`

const indicator = (code: string, measurement: IndicatorDoc['measurement']): IndicatorDoc => ({
  code,
  area: code.split('-')[0] as string,
  title: { en: `Title of ${code}` },
  definition: { en: '' },
  guidance: { en: '' },
  kind: 'structure',
  measurement,
  disaggregations: [],
  customDimensions: [],
  legalReferences: [],
  sources: ['ngo'],
  topics: [],
  core: true,
  frameworkIndicator: false,
  redFlag: false,
  weight: 1,
  lineage: { type: 'new', from: [] },
})
const rubric = { type: 'rubric' as const, levels: [0, 1, 2, 3, 4].map((n) => ({ en: `Level ${n} text` })) }
const ypn = {
  type: 'yes_partial_no' as const,
  descriptors: { yes: { en: 'y' }, partial: { en: 'p' }, no: { en: 'n' } },
}

const agreement: Agreement = {
  overall: { n: 3, exactAgreement: 1 / 3, kappa: -1 / 3 },
  areas: [
    { area: 'COR', n: 1, exactAgreement: 0, kappa: null },
    { area: 'IDN', n: 2, exactAgreement: 0.5, kappa: 0.2 },
  ],
  disagreements: [
    { indicatorCode: 'IDN-1', primary: 3, second: 1, resolved: true },
    { indicatorCode: 'COR-2', primary: 1, second: 0, resolved: false },
  ],
}

const render = (doubleScoring = true) =>
  renderPage(
    <AgreementSection
      roundId={ROUND}
      country="RS"
      doubleScoring={doubleScoring}
      areas={[{ id: ROUND, version: 1, code: 'IDN', title: { en: 'Identification' }, description: {} }]}
      indicators={[indicator('IDN-1', rubric), indicator('COR-2', ypn)]}
      baseLocale="en"
    />,
  )

const cells = (row: HTMLElement | undefined) =>
  [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent?.trim())

afterEach(() => vi.unstubAllGlobals())

describe('AgreementSection', () => {
  it('shows n, exact agreement and kappa overall and per area, with what they mean', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: agreement } } })))
    await render()
    const region = await screen.findByRole('region', { name: 'Agreement between experts' })
    expect(region.textContent).toContain('Exact agreement is the share of indicators both experts scored')
    const table = await within(region).findByRole('table', {
      name: 'Agreement between the two experts, overall and per area',
    })
    const rows = within(table).getAllByRole('row')
    expect(cells(rows[0])).toEqual(['Area', 'Scored by both', 'Exact agreement', 'Kappa'])
    expect(cells(rows[1])).toEqual(['All areas', '3', '33%', '-0.33'])
    expect(cells(rows[2])).toEqual(['COR', '1', '0%', '—not available'])
    expect(cells(rows[3])).toEqual(['IDN · Identification', '2', '50%', '0.20'])
  })

  it('lists the disagreements with both levels, whether they are settled, and links to the indicators', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: agreement } } })))
    await render()
    const region = await screen.findByRole('region', { name: 'Agreement between experts' })
    expect(await within(region).findByText('2 indicators were scored differently; 1 is not settled yet.')).toBeTruthy()
    const table = await within(region).findByRole('table', { name: 'Indicators the two experts scored differently' })
    const rows = within(table).getAllByRole('row')
    expect(cells(rows[1])).toEqual(['IDN-1 · Title of IDN-1', 'Level 3', 'Level 1', 'Settled'])
    expect(cells(rows[2])).toEqual(['COR-2 · Title of COR-2', 'Partially', 'No', 'Not settled yet'])
    const link = within(table).getByRole('link', { name: 'IDN-1 · Title of IDN-1' })
    expect(link.getAttribute('href')).toBe(`/rounds/${ROUND}/countries/RS/indicators/IDN-1`)
  })

  it('says when nothing was scored by both experts yet', async () => {
    const empty: Agreement = { overall: { n: 0, exactAgreement: null, kappa: null }, areas: [], disagreements: [] }
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: empty } } })))
    await render()
    expect(await screen.findByText('No indicator has been scored and submitted by both experts yet.')).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('is not shown in rounds without double scoring, nor to people who do not read assessments', async () => {
    const fetchStub = vi.fn(stubFetch({ [path]: { status: 200, body: { data: agreement } } }))
    vi.stubGlobal('fetch', fetchStub)
    const { unmount } = await render(false)
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('region', { name: 'Agreement between experts' })).toBeNull()
    expect(fetchStub).not.toHaveBeenCalled()
    unmount()
    vi.stubGlobal('fetch', vi.fn(stubFetch({})))
    await render(true)
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.queryByRole('region', { name: 'Agreement between experts' })).toBeNull()
  })
})

import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ChartSpec, PublicReportView, PublicRound } from '@thbm/shared'
import { I18nextProvider } from 'react-i18next'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setUnauthenticatedHandler } from '../../api/client.ts'
import { cssVariablesResolver, theme } from '../../app/theme.ts'
import { createI18n } from '../../i18n/i18n.ts'
import { stubFetch } from '../../test/render.tsx'
import { portalRoute } from './routes.tsx'

// The chart itself is covered by Chart.test.tsx; here it shows its title and alt text only.
vi.mock('../../components/Chart.tsx', () => ({
  Chart: ({ spec }: { spec: ChartSpec }) => (
    <div role="img" aria-label={spec.description ?? spec.title} data-kind={spec.kind} />
  ),
}))

const r23 = { id: 'r23', name: 'Monitoring 2023', periodFrom: '2023-01-01', periodTo: '2023-12-31' }
const r24 = { id: 'r24', name: 'Monitoring 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31' }
const serbia = { code: 'RS', names: { en: 'Serbia', 'sr-Cyrl': 'Србија', 'sr-Latn': 'Srbija' } }

function view(round: typeof r23, cells: PublicReportView['statistics']['cells']): PublicReportView {
  return {
    publication: {
      id: `pub-${round.id}`,
      kind: 'national',
      roundId: round.id,
      scope: 'RS',
      number: 1,
      changeNote: null,
      publishedAt: `${round.periodTo}T10:00:00Z`,
      publishedBy: null,
    },
    round,
    country: serbia,
    areas: [
      { code: 'IDN', title: { en: 'Identification', 'sr-Cyrl': 'Идентификација' }, score: 60, previousScore: null },
    ],
    countries: [],
    statistics: {
      indicators: [
        { code: 'IDN-3', title: { en: 'Referred' } },
        { code: 'IDN-4', title: { en: 'Identified and presumed victims' } },
      ],
      rounds: [r23, r24],
      cells,
    },
    recommendations: [
      { text: 'Fund shelters.', priority: 'urgent', status: 'partially_implemented', issuedIn: r23.name },
    ],
    disclosureThreshold: 5,
  }
}

const cell = (roundId: string, key: string, value: number | null, display: string | null = null) => ({
  indicatorCode: 'IDN-4',
  countryCode: 'RS',
  roundId,
  key,
  value,
  display,
})

// 2024: three presumed victims (withheld as "<5"), so the total is withheld too ("x").
const latestCells = [
  { ...cell('r23', 'total', 12), indicatorCode: 'IDN-3' },
  cell('r23', 'total', 40),
  cell('r23', 'victim_status=identified', 25),
  cell('r23', 'victim_status=presumed', 15),
  cell('r24', 'total', null, 'x'),
  cell('r24', 'victim_status=identified', 31),
  cell('r24', 'victim_status=presumed', null, '<5'),
]

const rounds: PublicRound[] = [{ ...r24, focusTopic: null, publications: [view(r24, []).publication] }]

async function renderPortal(
  url: string,
  published: PublicRound[] = rounds,
  extra: Parameters<typeof stubFetch>[0] = {},
) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      stubFetch({
        'GET /api/auth/me': { status: 401, body: { error: { code: 'unauthenticated', message: 'No' } } },
        'GET /api/public/rounds': { status: 200, body: { data: published } },
        'GET /api/public/countries/RS': {
          status: 200,
          body: { data: [view(r23, []), view(r24, latestCells)] },
        },
        ...extra,
      }),
    ),
  )
  const i18n = await createI18n('en')
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter([portalRoute, { path: '*', element: <p>other page</p> }], {
    initialEntries: [url],
  })
  render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  )
  return { router, i18n }
}

afterEach(() => {
  vi.unstubAllGlobals()
  setUnauthenticatedHandler(null)
})

describe('public country page', () => {
  it('shows withheld counts as "<5" and "x" with the footnote that states the rule', async () => {
    const onUnauthenticated = vi.fn()
    setUnauthenticatedHandler(onUnauthenticated)
    await renderPortal('/public/en/countries/RS')
    expect(await screen.findByRole('heading', { level: 1, name: 'Serbia' }, { timeout: 5000 })).toBeTruthy()

    const table = screen.getByTestId('victims-table')
    const rows = within(table).getAllByRole('row')
    const texts = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)
    expect(texts(rows[0])).toEqual(['Round', 'Identified', 'Presumed', 'Total'])
    expect(texts(rows[1])).toEqual(['Monitoring 2023', '25', '15', '40'])
    expect(texts(rows[2])).toEqual(['Monitoring 2024', '31', '<5', 'x'])

    const footnote = document.getElementById(table.getAttribute('aria-describedby') ?? '')
    expect(footnote?.textContent).toContain('from 1 to 4 are shown as “<5”')
    expect(footnote?.textContent).toContain('“x” marks a figure withheld')

    // The chart's alt text reads the published symbols; the chart data has gaps where figures are withheld.
    const chart = screen.getByRole('img', { name: /by victim status/ })
    expect(chart.getAttribute('aria-label')).toContain('Monitoring 2024 – Identified 31, Presumed <5, Total x')
    expect(screen.getByText('Fund shelters.')).toBeTruthy()
    // Nobody is signed in: the portal's calls never send the visitor to the sign-in page.
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('shows a friendly not-found page for a country with nothing published', async () => {
    await renderPortal('/public/en/countries/AL')
    expect(await screen.findByRole('heading', { level: 1, name: 'Not published' }, { timeout: 5000 })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'See all published results' }).getAttribute('href')).toBe('/public/en')
  })
})

describe('portal language', () => {
  it('switches the language through the address and sets <html lang>', async () => {
    const { router, i18n } = await renderPortal('/public/en/countries/RS')
    await screen.findByRole('heading', { level: 1, name: 'Serbia' }, { timeout: 5000 })
    await userEvent.click(screen.getByRole('button', { name: 'Language: English' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Српски (ћирилица)' }))

    expect(router.state.location.pathname).toBe('/public/sr-Cyrl/countries/RS')
    expect(await screen.findByRole('heading', { level: 1, name: 'Србија' })).toBeTruthy()
    // The Serbian catalogs download on first use; the heading follows once they are in.
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Идентификоване и претпостављене жртве' },
        { timeout: 5000 },
      ),
    ).toBeTruthy()
    await waitFor(() => expect(document.documentElement.lang).toBe('sr-Cyrl'))
    expect(i18n.language).toBe('sr-Cyrl')
    // The columns count persons, in the plural like the title ("victims identified", not "identified [victim]").
    const header = within(screen.getByTestId('victims-table')).getAllByRole('columnheader')
    expect(header.map((h) => h.textContent)).toEqual(['Круг', 'Идентификоване жртве', 'Претпостављене жртве', 'Укупно'])
  })

  it('redirects an unknown language to the default one, keeping the page', async () => {
    const { router } = await renderPortal('/public/de/countries/RS')
    await waitFor(() => expect(router.state.location.pathname).toBe('/public/en/countries/RS'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Serbia' }, { timeout: 5000 })).toBeTruthy()
  })

  it('shows an empty state when nothing is published', async () => {
    await renderPortal('/public/en', [])
    expect(await screen.findByText('Nothing has been published yet', {}, { timeout: 5000 })).toBeTruthy()
  })
})

describe('published round page', () => {
  const publication = (id: string, scope: string, number: number, changeNote: string | null = null) => ({
    id,
    kind: scope === 'region' ? ('regional' as const) : ('national' as const),
    roundId: 'r24',
    scope,
    number,
    changeNote,
    publishedAt: '2025-03-01T10:00:00Z',
    publishedBy: null,
  })
  const round: PublicRound = {
    ...r24,
    focusTopic: 'labour_exploitation',
    publications: [
      publication('p-region', 'region', 1),
      publication('p-rs-1', 'RS', 1),
      publication('p-rs-2', 'RS', 2, 'Corrected the number of identified victims.'),
    ],
  }
  const regional: PublicReportView = {
    ...view(r24, []),
    publication: round.publications[0]!,
    country: null,
    areas: [{ code: 'IDN', title: { en: 'Identification' }, score: null, previousScore: null }],
    countries: [{ ...serbia, areaScores: [{ areaCode: 'IDN', score: 62.5 }], implementationRate: 50 }],
    recommendations: [],
  }

  it('shows the heatmap, the countries, every report in every format and the earlier versions with their notes', async () => {
    await renderPortal('/public/en/rounds/r24', rounds, {
      'GET /api/public/rounds/r24': { status: 200, body: { data: round } },
      'GET /api/public/publications/p-region': { status: 200, body: { data: regional } },
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'Monitoring 2024' }, { timeout: 5000 })).toBeTruthy()
    expect((await screen.findByRole('img', { name: /^Area scores by country, Monitoring 2024/ })).dataset.kind).toBe(
      'heatmap',
    )
    expect(screen.getByRole('link', { name: 'Serbia' }).getAttribute('href')).toBe('/public/en/countries/RS')

    const latest = screen.getByRole('link', { name: 'Serbia, version 2: download as PDF document' })
    expect(latest.getAttribute('href')).toBe('/api/public/publications/p-rs-2/report?format=pdf&lang=en')
    expect(screen.getByRole('link', { name: 'Regional report: download as Data tables (XLSX)' })).toBeTruthy()
    expect(screen.getByText('What changed: Corrected the number of identified victims.')).toBeTruthy()

    expect(screen.getByRole('heading', { level: 3, name: 'Earlier versions' })).toBeTruthy()
    const earlier = screen.getByRole('link', { name: 'Serbia, version 1: download as Word document (DOCX)' })
    expect(earlier.getAttribute('href')).toBe('/api/public/publications/p-rs-1/report?format=docx&lang=en')
  })

  it('lists the countries and their reports by name in the UI language, not by code', async () => {
    const kosovo = { code: 'XK', names: { en: 'Kosovo' } }
    const albania = { code: 'AL', names: { en: 'Albania' } }
    const three: PublicRound = {
      ...round,
      publications: [
        publication('p-region', 'region', 1),
        publication('p-al', 'AL', 1),
        publication('p-rs-1', 'RS', 1),
        publication('p-xk', 'XK', 1),
      ],
    }
    const countries = [serbia, albania, kosovo].map((c) => ({ ...c, areaScores: [], implementationRate: null }))
    await renderPortal('/public/en/rounds/r24', rounds, {
      'GET /api/public/rounds/r24': { status: 200, body: { data: three } },
      'GET /api/public/publications/p-region': { status: 200, body: { data: { ...regional, countries } } },
    })
    const section = (await screen.findByRole('heading', { level: 2, name: 'Countries' }, { timeout: 5000 })).closest(
      'section',
    ) as HTMLElement
    await within(section).findByRole('link', { name: 'Kosovo' })
    expect(
      within(section)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Albania', 'Kosovo', 'Serbia'])
    const reports = screen.getAllByRole('rowheader').map((th) => th.textContent)
    expect(reports).toEqual(['Regional report', 'Albania', 'Kosovo', 'Serbia'])
  })

  it('shows a change note written in Cyrillic in Latin script on the Serbian Latin portal', async () => {
    const corrected: PublicRound = {
      ...round,
      publications: [
        publication('p-region', 'region', 1),
        publication('p-rs-1', 'RS', 1, 'Прва верзија.'),
        publication('p-rs-2', 'RS', 2, 'Исправљен број идентификованих жртава.'),
      ],
    }
    await renderPortal('/public/sr-Latn/rounds/r24', rounds, {
      'GET /api/public/rounds/r24': { status: 200, body: { data: corrected } },
      'GET /api/public/publications/p-region': { status: 200, body: { data: regional } },
    })
    expect(await screen.findByText(/Ispravljen broj identifikovanih žrtava\./, {}, { timeout: 5000 })).toBeTruthy()
    expect(screen.getByText(/Prva verzija\./)).toBeTruthy()
    expect(screen.queryByText(/Исправљен/)).toBeNull()
  })

  it('shows the not-found page for a round that is not published', async () => {
    await renderPortal('/public/en/rounds/r26')
    expect(await screen.findByRole('heading', { level: 1, name: 'Not published' }, { timeout: 5000 })).toBeTruthy()
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AreaScores, ReportPublication, Round } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { apiError, json, stubApi } from '../discussion/test-stub.ts'
import ReportsPage from './ReportsPage.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const VERSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const PUB_1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'
const PUB_2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'

const round = (status: Round['status']) =>
  ({
    id: ROUND,
    name: 'Monitoring 2025',
    status,
    referenceYear: 2025,
    frameworkVersion: { id: VERSION, label: '2026.1', frameworkCode: 'BAN' },
    countries: [
      { code: 'RS', indicatorCount: 3 },
      { code: 'AL', indicatorCount: 3 },
    ],
    abilities: [],
  }) as unknown as Round

const countries = [
  { code: 'RS', names: { en: 'Serbia' }, version: 1, abilities: [] },
  { code: 'AL', names: { en: 'Albania' }, version: 1, abilities: [] },
]

const scores = (validated: number): AreaScores =>
  ({
    method: { redFlagCeiling: 50 },
    areas: [{ area: 'IDN', total: 3, validated, submitted: 0 }],
  }) as unknown as AreaScores

const publication = (id: string, number: number, changeNote: string | null): ReportPublication => ({
  id,
  kind: 'national',
  roundId: ROUND,
  scope: 'RS',
  number,
  changeNote,
  publishedAt: '2026-03-01T10:00:00.000Z',
  publishedBy: null,
})

type Handler = (method: string, path: string, body: unknown) => Response | null

/** The API of one round with Serbia (some validated) and Albania (nothing validated), plus `extra` answers. */
function routes(status: Round['status'], published: ReportPublication[], extra: Handler = () => null): Handler {
  return (method, path, body) => {
    const answer = extra(method, path, body)
    if (answer) return answer
    if (method !== 'GET') return null
    if (path === `/api/rounds/${ROUND}`) return json(200, { data: round(status) })
    if (path === '/api/countries') return json(200, { data: countries })
    if (path === `/api/rounds/${ROUND}/publications`) return json(200, { data: published })
    if (path === `/api/rounds/${ROUND}/countries/RS/scores`) return json(200, { data: scores(2) })
    if (path === `/api/rounds/${ROUND}/countries/AL/scores`) return json(200, { data: scores(0) })
    return null
  }
}

const render = () => renderPage(<ReportsPage />, { path: '/rounds/:roundId/reports', url: `/rounds/${ROUND}/reports` })
const serbiaRow = async () => screen.findByTestId('report-row-RS', {}, { timeout: 5000 })

afterEach(() => vi.unstubAllGlobals())

describe('ReportsPage', () => {
  it('previews and links the report in the chosen language, and says what to do when nothing is validated', async () => {
    stubApi(routes('reviewing', []), [
      { role: 'country_lead', countryCode: 'RS' },
      { role: 'observer', countryCode: 'AL' },
    ])
    await render()
    const row = await serbiaRow()
    expect(within(row).getByText('2 of 3')).toBeTruthy()
    expect(within(row).getByText('Not published')).toBeTruthy()
    const docx = await within(row).findByRole('link', { name: 'Download the report for Serbia as DOCX' })
    expect(docx.getAttribute('href')).toBe(
      `/api/rounds/${ROUND}/countries/RS/report?format=docx&lang=en&disclosure=internal`,
    )

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language of the documents' }), 'sr-Cyrl')
    await userEvent.click(screen.getByRole('radio', { name: 'Public' }))
    await userEvent.click(within(row).getByRole('button', { name: 'Preview the report for Serbia' }))
    const frame = screen.getByTitle('The report for Serbia')
    expect(frame.getAttribute('src')).toBe(
      `/api/rounds/${ROUND}/countries/RS/report?format=html&lang=sr-Cyrl&disclosure=public`,
    )
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Preview: Serbia'))

    // Albania: nothing validated, so no preview or download, but where to go next. The observer may not publish.
    const albania = screen.getByTestId('report-row-AL')
    await within(albania).findByText('Nothing is validated yet for this country: validate assessments first.')
    expect(within(albania).getByRole('link', { name: 'Open the workspace of Albania' }).getAttribute('href')).toBe(
      `/rounds/${ROUND}/countries/AL`,
    )
    expect(within(albania).queryByRole('button', { name: /^Preview/ })).toBeNull()
    expect(within(row).getByRole('button', { name: 'Publish the report for Serbia' })).toBeTruthy()
    // Country roles do not read the regional report.
    expect(screen.queryByRole('region', { name: 'Regional report' })).toBeNull()
  })

  it('asks for a change note before publishing a correction, then lists the new version', async () => {
    let published = [publication(PUB_1, 1, null)]
    const calls = stubApi(
      routes('published', [], (method, path, body) => {
        if (method === 'GET' && path === `/api/rounds/${ROUND}/publications`) return json(200, { data: published })
        if (method !== 'POST' || path !== `/api/rounds/${ROUND}/countries/RS/publications`) return null
        const note = (body as { changeNote: string | null }).changeNote
        const added = publication(PUB_2, 2, note)
        published = [...published, added]
        return json(201, { data: added })
      }),
      [{ role: 'regional_coordinator', countryCode: null }],
    )
    await render()
    const row = await serbiaRow()
    await within(row).findByText(/^Version 1, /)
    await userEvent.click(within(row).getByRole('button', { name: 'Publish a correction of the report for Serbia' }))
    const dialog = await screen.findByRole('dialog', { name: 'Publish a correction of the report for Serbia?' })
    expect(within(dialog).getByText(/published as version 2 and replaces version 1/)).toBeTruthy()

    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }))
    expect(await within(dialog).findByText('Say what this correction changes.')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    await userEvent.type(within(dialog).getByRole('textbox', { name: /Change note/ }), 'Corrected the IDN finding.')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ changeNote: 'Corrected the IDN finding.' })
    expect(screen.getByTestId('reports-status').textContent).toBe('Version 2 of the report for Serbia is published.')

    const history = await screen.findByRole('table', { name: 'Published versions of the report for Serbia' })
    await within(history).findByText('Corrected the IDN finding.')
    expect(within(history).getByText('First publication')).toBeTruthy()
    expect(
      within(history)
        .getByRole('link', { name: 'Download version 2 of the report for Serbia as PDF' })
        .getAttribute('href'),
    ).toBe(`/api/publications/${PUB_2}/report?format=pdf&lang=en&disclosure=internal`)
    // The coordinator also sees the regional report and its texts.
    expect(screen.getByRole('region', { name: 'Regional report' })).toBeTruthy()
  })

  it('shows the preparation of the documents of a new publication until they are ready', async () => {
    const JOB = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a54'
    let polls = 0
    const job = (status: string, progress: number) => ({
      id: JOB,
      kind: 'report.render',
      status,
      progress,
      note: null,
      error: null,
      attempts: 1,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:01.000Z',
    })
    stubApi(
      routes('reviewing', [], (method, path) => {
        if (method === 'POST' && path === `/api/rounds/${ROUND}/countries/RS/publications`)
          return json(201, { data: { ...publication(PUB_1, 1, null), renderJobId: JOB } })
        if (method !== 'GET' || path !== `/api/jobs/${JOB}`) return null
        polls += 1
        return json(200, { data: polls < 2 ? job('running', 0.4) : job('done', 1) })
      }),
      [{ role: 'regional_coordinator', countryCode: null }],
    )
    await render()
    const row = await serbiaRow()
    await userEvent.click(await within(row).findByRole('button', { name: 'Publish the report for Serbia' }))
    const dialog = await screen.findByRole('dialog', { name: 'Publish the report for Serbia?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }))
    expect(await screen.findByText('Preparing the documents of the report for Serbia… 40%')).toBeTruthy()
    const bar = screen.getByRole('progressbar', { name: 'Documents of the report for Serbia' })
    expect(bar.getAttribute('aria-valuenow')).toBe('40')
    expect(
      await screen.findByText('The documents of the report for Serbia are ready to download.', {}, { timeout: 5000 }),
    ).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('shows what stops a publication, as readable text per country', async () => {
    const blockers = [
      { countryCode: 'RS', indicatorCode: 'IDN-01', problem: 'not_validated' },
      { countryCode: 'RS', indicatorCode: 'PRO-02', problem: 'not_validated' },
      { countryCode: 'RS', indicatorCode: null, problem: 'follow_up_missing', recommendationId: PUB_1 },
    ]
    stubApi(
      routes('reviewing', [], (method, path) =>
        method === 'POST' && path === `/api/rounds/${ROUND}/countries/RS/publications`
          ? apiError(409, 'invalid_state', { blockers })
          : null,
      ),
      [{ role: 'country_lead', countryCode: 'RS' }],
    )
    await render()
    const row = await serbiaRow()
    await userEvent.click(await within(row).findByRole('button', { name: 'Publish the report for Serbia' }))
    const dialog = await screen.findByRole('dialog', { name: 'Publish the report for Serbia?' })
    // A first publication needs no change note.
    expect(within(dialog).queryByRole('textbox')).toBeNull()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }))
    expect(await within(dialog).findByText('The report cannot be published yet')).toBeTruthy()
    expect(within(dialog).getByText('3 items have to be settled first:')).toBeTruthy()
    expect(
      within(dialog).getByText(
        'Serbia: 2 indicators have no validated assessment (IDN-01, PRO-02). Validate them in the country’s workspace.',
      ),
    ).toBeTruthy()
    expect(
      within(dialog).getByText(
        'Serbia: 1 earlier recommendation has no follow-up status in this round. Record it in the country’s workspace.',
      ),
    ).toBeTruthy()
  })

  it('gives region-wide writers the regional texts through the shared editor', async () => {
    const calls = stubApi(
      routes('reviewing', [], (method, path) => {
        if (method === 'GET' && path === `/api/framework-versions/${VERSION}`)
          return json(200, {
            data: { framework: { baseLocale: 'en' }, areas: [{ code: 'IDN', title: { en: 'Identification' } }] },
          })
        if (method === 'GET' && path === `/api/rounds/${ROUND}/region/narratives`) return json(200, { data: [] })
        return null
      }),
      [{ role: 'regional_coordinator', countryCode: null }],
    )
    await render()
    const regional = await screen.findByRole('region', { name: 'Regional report' }, { timeout: 5000 })
    expect(within(regional).getByRole('button', { name: 'Publish the regional report' })).toBeTruthy()
    const texts = await screen.findByRole('region', { name: 'Regional texts' }, { timeout: 5000 })
    await within(texts).findByRole('button', { name: 'Write: Finding: IDN · Identification' })
    expect(within(texts).getByRole('button', { name: 'Write: Executive summary' })).toBeTruthy()
    expect(calls.some((c) => c.path.endsWith('/countries/region/narratives'))).toBe(false)
  })

  it('names the regional report as such when publishing a correction of it', async () => {
    const regionalPublication = { ...publication(PUB_1, 1, null), kind: 'regional' as const, scope: 'region' }
    stubApi(
      routes('published', [regionalPublication], (method, path) => {
        if (method === 'GET' && path === `/api/framework-versions/${VERSION}`)
          return json(200, { data: { framework: { baseLocale: 'en' }, areas: [] } })
        if (method === 'GET' && path === `/api/rounds/${ROUND}/region/narratives`) return json(200, { data: [] })
        return null
      }),
      [{ role: 'regional_coordinator', countryCode: null }],
    )
    await render()
    const regional = await screen.findByRole('region', { name: 'Regional report' }, { timeout: 5000 })
    await userEvent.click(
      await within(regional).findByRole('button', { name: 'Publish a correction of the regional report' }),
    )
    expect(await screen.findByRole('dialog', { name: 'Publish a correction of the regional report?' })).toBeTruthy()
  })
})

import { screen, within } from '@testing-library/react'
import type { Implementation } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { ImplementationSection } from './ImplementationSection.tsx'

const path = 'GET /api/countries/RS/implementation'
const round = (n: number) => ({
  id: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${n}`,
  name: `Monitoring 202${n} (demo)`,
  periodTo: `202${n}-12-31`,
})
const counts = { fully: 0, partially: 0, notImplemented: 0, noLongerRelevant: 0 }

const implementation: Implementation = {
  countryCode: 'RS',
  byRound: [
    { round: round(4), rate: 0.5, counted: 3, fully: 1, partially: 1, notImplemented: 1, noLongerRelevant: 0 },
    { round: round(5), rate: 0.75, counted: 2, fully: 1, partially: 1, notImplemented: 0, noLongerRelevant: 1 },
  ],
  byPriority: [
    { priority: 'urgent', rate: 1, counted: 1, ...counts, fully: 1 },
    { priority: 'necessary', rate: 0.5, counted: 1, ...counts, partially: 1 },
    { priority: 'encouraged', rate: null, counted: 0, ...counts, noLongerRelevant: 1 },
  ],
}

const cells = (row: HTMLElement | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)

afterEach(() => vi.unstubAllGlobals())

describe('ImplementationSection', () => {
  it('gives the rate per round with its counts, and explains the method', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: implementation } } })))
    await renderPage(<ImplementationSection code="RS" />)
    const table = await screen.findByRole('table', { name: 'Per round of follow-up' })
    const rows = within(table).getAllByRole('row')
    expect(cells(rows[0])).toEqual([
      'Round',
      'Implementation rate',
      'Fully implemented',
      'Partially implemented',
      'Not implemented',
      'Counted',
      'No longer relevant',
    ])
    expect(cells(rows[1])).toEqual(['Monitoring 2024 (demo)', '50%', '1', '1', '1', '3', '0'])
    expect(cells(rows[2])).toEqual(['Monitoring 2025 (demo)', '75%', '1', '1', '0', '2', '1'])
    expect(
      screen.getByText(
        'Implementation rate = (fully implemented + ½ × partially implemented) ÷ recommendations counted. Recommendations no longer relevant are not counted.',
      ),
    ).toBeTruthy()
  })

  it('gives the rate per priority, saying so when nothing counts', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: implementation } } })))
    await renderPage(<ImplementationSection code="RS" />)
    const table = await screen.findByRole('table', { name: 'Per priority' })
    const rows = within(table).getAllByRole('row')
    expect(cells(rows[1])).toEqual(['Urgent', '100%', '1', '0', '0', '1', '0'])
    expect(cells(rows[2])?.[1]).toBe('50%')
    expect(cells(rows[3])).toEqual(['Encouraged', '—no rate: nothing counted', '0', '0', '0', '0', '1'])
  })

  it('says there is no rate before any follow-up', async () => {
    const empty: Implementation = { countryCode: 'RS', byRound: [], byPriority: [] }
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: empty } } })))
    await renderPage(<ImplementationSection code="RS" />)
    expect(await screen.findByText('No recommendation has been followed up yet, so there is no rate.')).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })
})

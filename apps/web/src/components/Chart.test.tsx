import { act, screen, waitFor, within } from '@testing-library/react'
import { barsSpec } from '@thbm/shared/test-fixtures/chart-specs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../test/render.tsx'
import { Chart } from './Chart.tsx'

const spec = barsSpec()

const cells = (row: HTMLElement | undefined) => [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)

// jsdom lays nothing out and has no canvas: give elements a size, and let ECharts estimate text widths.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300)
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => vi.restoreAllMocks())

describe('Chart', () => {
  it('shows the data table with caption and header scopes before the chart library has loaded', async () => {
    await renderPage(<Chart spec={spec} height={300} />)
    const image = screen.getByRole('img')
    expect(image.getAttribute('aria-label')).toBe(
      'Area scores: Identification – Current round 62.5, Previous round 55; Prosecution – Current round no data, Previous round 40.',
    )
    // Synchronously present: the library has not loaded yet.
    expect(image.querySelector('svg')).toBeNull()
    const table = screen.getByRole('table', { name: 'Area scores' })
    expect(table.closest('details')?.querySelector('summary')?.textContent).toBe('Show the data as a table')
    const rows = within(table).getAllByRole('row')
    expect(cells(rows[0])).toEqual(['Area', 'Current round', 'Previous round'])
    expect(cells(rows[2])).toEqual(['Prosecution', 'no data', '40'])
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true)
    expect([...table.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).toEqual(['row', 'row'])
  })

  it('draws the chart as SVG with its labels once ECharts has loaded', async () => {
    await renderPage(<Chart spec={spec} height={300} />)
    const image = screen.getByRole('img')
    const svg = await waitFor(
      () => {
        const found = image.querySelector('svg')
        expect(found?.textContent).toContain('Identification')
        return found!
      },
      { timeout: 10_000 },
    )
    expect(svg.textContent).toContain('62.5')
    expect(svg.textContent).toContain('no data')
    expect(image.getAttribute('aria-label')).toContain('Area scores:')
  })

  it('formats numbers and the summary in the reader’s language', async () => {
    const { i18n } = await renderPage(<Chart spec={spec} height={300} />)
    await act(() => i18n.changeLanguage('sr-Cyrl'))
    expect(screen.getByText('Прикажи податке у табели')).toBeTruthy()
    const rows = within(screen.getByRole('table', { name: 'Area scores' })).getAllByRole('row')
    expect(cells(rows[1])).toEqual(['Identification', '62,5', '55'])
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('62,5')
  })
})

import { screen, within } from '@testing-library/react'
import type { AreaScores } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { AreaScoresSection } from './AreaScoresSection.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const path = `GET /api/rounds/${ROUND}/countries/RS/scores`

const scores: AreaScores = {
  method: { redFlagCeiling: 40 },
  areas: [
    {
      area: 'IDN',
      total: 8,
      validated: 3,
      submitted: 1,
      score: 40,
      uncappedScore: 62.5,
      provisionalScore: 40,
      scoredCount: 3,
      excludedCount: 5,
      notScoredCount: 0,
      cappedBy: ['IDN-8'],
    },
    {
      area: 'COR',
      total: 8,
      validated: 0,
      submitted: 0,
      score: null,
      uncappedScore: null,
      provisionalScore: null,
      scoredCount: 0,
      excludedCount: 6,
      notScoredCount: 2,
      cappedBy: [],
    },
  ],
}

const render = () => renderPage(<AreaScoresSection roundId={ROUND} country="RS" areas={[]} baseLocale="en" />)

afterEach(() => vi.unstubAllGlobals())

describe('AreaScoresSection', () => {
  it('lists each area with its score, provisional score, validated count, exclusions and red-flag cap', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ [path]: { status: 200, body: { data: scores } } })))
    await render()
    const table = await screen.findByRole('table', { name: 'Scores per area' })
    const rows = within(table).getAllByRole('row')
    const cells = (row: HTMLElement | undefined) =>
      [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent)
    expect(cells(rows[1])).toEqual(['IDN', '40', '40', '3 of 8', '5', 'Capped at 40 by IDN-8.'])
    expect(rows[2]?.textContent).toContain('—not scored yet')
    expect(rows[2]?.textContent).toContain('2 indicators are reported, not scored.')
    expect(screen.getByText(/caps the area at 40\./)).toBeTruthy()
  })

  it('is not shown to people who do not read assessments (404)', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({})))
    await render()
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.queryByRole('region', { name: 'Area scores' })).toBeNull()
  })
})

import { screen } from '@testing-library/react'
import type { Progress, ProgressRow } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { ProgressSummary } from './ProgressSummary.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'

const row = (code: string, status: ProgressRow['status']): ProgressRow => ({
  code,
  area: 'IDN',
  title: { en: code },
  reason: 'core',
  assignment: null,
  sources: [],
  status,
  late: false,
})

const progress: Progress = {
  round: { id: ROUND, name: 'Monitoring 2026', status: 'collecting' },
  countryCode: 'RS',
  indicators: [row('IDN-1', 'submitted'), row('IDN-2', 'validated'), row('IDN-3', 'in_progress')],
  areas: [{ area: 'IDN', total: 3, byStatus: { submitted: 1, validated: 1, in_progress: 1 }, completeness: 2 / 3 }],
  completeness: 2 / 3,
  late: 0,
  abilities: [],
}

const render = (ownOnly: boolean) =>
  renderPage(<ProgressSummary progress={progress} areas={[]} baseLocale="en" roundId={ROUND} ownOnly={ownOnly} />)

describe('ProgressSummary', () => {
  it("says a data provider's count is their organisation's answers, not the country's indicators", async () => {
    await render(true)
    expect(await screen.findByText("Your organisation's answers: 2 of 3 submitted")).toBeTruthy()
    expect(screen.queryByText('2 of 3 indicators submitted')).toBeNull()
    expect(screen.getByText(/counts only the answers of your organisation/)).toBeTruthy()
  })

  it('counts the indicators whose sources have all submitted for everyone else', async () => {
    await render(false)
    expect(await screen.findByText('2 of 3 indicators submitted')).toBeTruthy()
    expect(screen.queryByText(/Your organisation's answers/)).toBeNull()
  })
})

import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { DecisionsOverview } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { DecisionModal } from './DecisionModal.tsx'
import { DecisionSummary } from './DecisionSummary.tsx'

const REVIEW = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61'

const overview: DecisionsOverview = {
  decisions: [
    {
      code: 'A-1',
      decision: 'drop',
      mergeInto: null,
      newTitle: null,
      moveTo: null,
      rationale: 'No data',
      decidedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    },
  ],
  summary: {
    total: 5,
    decided: 1,
    missing: ['A-2', 'A-3', 'A-4', 'A-5'],
    byDecision: { keep: 0, merge: 0, drop: 1, reword: 0, move: 0 },
    remaining: 4,
    coreBefore: 3,
    coreAfter: 2,
  },
}
const indicators = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'].map((code) => ({ code, title: `Title ${code}` }))

afterEach(() => vi.unstubAllGlobals())

describe('decisions', () => {
  it('the summary says how many indicators remain and how many are undecided', async () => {
    await renderPage(<DecisionSummary overview={overview} />)
    const summary = screen.getByTestId('decision-summary')
    expect(summary.textContent).toContain('4 of 5 indicators remain')
    expect(summary.textContent).toContain('Core set: 3 before, 2 after the decisions')
    expect(summary.textContent).toContain('4 indicators have no decision yet (1 of 5 decided).')
  })

  it('the decision form counts live what the decision would leave, and the saved overview updates it', async () => {
    const after: DecisionsOverview = {
      decisions: [
        ...overview.decisions,
        { ...overview.decisions[0], code: 'A-2', rationale: 'Rare' } as DecisionsOverview['decisions'][number],
      ],
      summary: { ...overview.summary, decided: 2, missing: ['A-3', 'A-4', 'A-5'], remaining: 3 },
    }
    const fetchStub = vi.fn(
      stubFetch({ [`PUT /api/reviews/${REVIEW}/decisions/A-2`]: { status: 200, body: { data: after } } }),
    )
    vi.stubGlobal('fetch', fetchStub)
    const onSaved = vi.fn()
    await renderPage(
      <DecisionModal
        reviewId={REVIEW}
        target={{ code: 'A-2', title: 'Title A-2', proposals: 'Drop: 3' }}
        overview={overview}
        indicators={indicators}
        baseLocale="en"
        onClose={() => {}}
        onSaved={onSaved}
        onReload={() => {}}
      />,
    )
    const preview = await screen.findByTestId('decision-preview')
    expect(preview.textContent).toBe('With this decision 4 of 5 indicators remain.')
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: 'Drop' }))
    expect(preview.textContent).toBe('With this decision 3 of 5 indicators remain.')
    await user.click(screen.getByRole('radio', { name: 'Reword' }))
    expect(preview.textContent).toBe('With this decision 4 of 5 indicators remain.')

    await user.click(screen.getByRole('radio', { name: 'Drop' }))
    await user.click(screen.getByRole('button', { name: 'Save the decision' }))
    expect(await screen.findByText('Give the reason for the decision.')).toBeTruthy()
    expect(fetchStub).not.toHaveBeenCalled()
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Rare')
    await user.click(screen.getByRole('button', { name: 'Save the decision' }))
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(after))
    const [, init] = fetchStub.mock.calls[0] as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toMatchObject({ version: 0, decision: 'drop', rationale: 'Rare' })
  })
})

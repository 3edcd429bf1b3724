import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Assessment } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { assessment, base, EXPERT, json, loadedRegion, renderPanel, stub, work } from './test-stub.tsx'

afterEach(() => vi.unstubAllGlobals())

describe('AssessmentPanel with double scoring', () => {
  const SECOND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62'
  const submittedBy = (id: string, name: string) => ({ submittedBy: { id, name }, submittedAt: '2026-03-03T10:00:00Z' })
  const first = (patch: Partial<Assessment> = {}) =>
    assessment({ status: 'submitted', score: 3, version: 2, ...submittedBy(EXPERT, 'Stefan Expert'), ...patch })
  const second = (patch: Partial<Assessment> = {}) =>
    assessment({
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71',
      scorer: 'second',
      status: 'submitted',
      expert: { id: SECOND, name: 'Vesna Second' },
      score: 1,
      normalisedScore: 25,
      justification: 'Procedures exist on paper only.',
      confidence: 'medium',
      version: 2,
      ...submittedBy(SECOND, 'Vesna Second'),
      ...patch,
    })
  const leadAbilities = [
    'assessment.write.primary',
    'assessment.write.second',
    'assessment.review',
    'assessment.validate',
    'assessment.unlock',
    'assessment.resolve',
  ]

  it('tells an expert who sees only their own assessment that scoring is blind, and writes as the second expert', async () => {
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base)
        return json(200, { data: work({ doubleScoring: true, abilities: ['assessment.write.second'] }) })
      if (method === 'PUT' && path === base)
        return json(200, { data: second({ status: 'draft', version: 1, submittedBy: null, submittedAt: null }) })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    expect(within(region).getByRole('alert', { name: 'Independent double scoring' })).toBeTruthy()
    expect(within(region).getByRole('heading', { name: 'Assessment of the second expert' })).toBeTruthy()
    expect(within(region).queryByTestId('scores-side-by-side')).toBeNull()
    const user = userEvent.setup()
    await user.click(within(region).getByRole('radio', { name: /^Level 1/ }))
    await user.click(within(region).getByRole('button', { name: 'Save draft' }))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true))
    expect(calls.find((c) => c.method === 'PUT')?.search).toBe('?scorer=second')
  })

  it('shows the lead both scores side by side, waits for the settling, and records it', async () => {
    let settled: Assessment | null = null
    const calls = stub((method, path, body) => {
      if (method === 'GET' && path === base)
        return json(200, {
          data: work({ doubleScoring: true, assessments: [first(), second()], abilities: leadAbilities }),
        })
      if (method === 'POST' && path === `${base}/resolve`) {
        const b = body as { score: number; note: string }
        settled = first({ score: b.score, normalisedScore: 50, scoringResolution: b.note, expertScore: 3, version: 3 })
        return json(200, { data: settled })
      }
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const table = within(region).getByRole('table', {
      name: "The first and the second expert's assessments side by side",
    })
    const row = (label: string) =>
      [...(within(table).getByRole('rowheader', { name: label }).closest('tr')?.querySelectorAll('td') ?? [])].map(
        (c) => c.textContent,
      )
    expect(row('Expert')).toEqual(['Stefan Expert', 'Vesna Second'])
    expect(row('Level chosen')).toEqual(['Level 3', 'Level 1'])
    expect(row('Justification')).toEqual(['Binding procedures, applied nationwide.', 'Procedures exist on paper only.'])

    const differ = within(region).getByRole('alert', { name: 'Scores differ' })
    expect(differ.textContent).toContain('The first expert chose Level 3, the second expert Level 1.')
    // Validation waits for the settling; each expert's assessment can be returned on its own.
    expect(within(region).queryByRole('button', { name: 'Validate' })).toBeNull()
    expect(within(region).getByTestId('cannot-validate').textContent).toContain('settle the score before validating')
    expect(within(region).getByRole('button', { name: 'Return to the first expert' })).toBeTruthy()
    expect(within(region).getByRole('button', { name: 'Return to the second expert' })).toBeTruthy()

    const user = userEvent.setup()
    await user.click(within(differ).getByRole('button', { name: 'Settle the score' }))
    const dialog = await screen.findByRole('dialog', { name: 'Settle the score' })
    const levels = within(dialog).getByRole('group', { name: /Final level/ })
    expect(within(levels).getByRole('radio', { name: /^Level 3 \(first expert's choice\)/ })).toBeTruthy()
    expect(within(levels).getByRole('radio', { name: /^Level 1 \(second expert's choice\)/ })).toBeTruthy()
    expect(within(levels).getByText('Descriptor of level 2')).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Settle the score' }))
    expect(within(dialog).getByText('Choose the final level.')).toBeTruthy()
    expect(within(dialog).getByText('Explain why you chose this level.')).toBeTruthy()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    await user.click(within(levels).getByRole('radio', { name: /^Level 2/ }))
    await user.type(within(dialog).getByRole('textbox', { name: /Why this level/ }), 'SOPs are not applied everywhere.')
    await user.click(within(dialog).getByRole('button', { name: 'Settle the score' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      version: 2,
      score: 2,
      note: 'SOPs are not applied everywhere.',
    })

    const record = await within(region).findByRole('alert', { name: 'Score settled by the country lead' })
    expect(record.textContent).toContain(
      'Final score: Level 2. The first expert chose Level 3, the second expert Level 1.',
    )
    expect(within(record).getByTestId('scores-settled-note').textContent).toBe('SOPs are not applied everywhere.')
    expect(within(region).queryByRole('alert', { name: 'Scores differ' })).toBeNull()
    // The first expert's own level stays in the comparison; validation is now offered.
    expect(row('Level chosen')).toEqual(['Level 3', 'Level 1'])
    expect(within(region).getByRole('button', { name: 'Validate' })).toBeTruthy()
  })

  it('returns the second expert assessment with scorer=second', async () => {
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base)
        return json(200, {
          data: work({ doubleScoring: true, assessments: [first(), second()], abilities: leadAbilities }),
        })
      if (method === 'POST' && path === `${base}/return`)
        return json(200, { data: second({ status: 'returned', returnComment: 'Check the rulebook.', version: 3 }) })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const user = userEvent.setup()
    await user.click(within(region).getByRole('button', { name: 'Return to the second expert' }))
    const dialog = await screen.findByRole('dialog', { name: 'Return to the second expert' })
    await user.type(within(dialog).getByRole('textbox', { name: /What should be changed/ }), 'Check the rulebook.')
    await user.click(within(dialog).getByRole('button', { name: 'Return' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.search).toBe('?scorer=second')
    expect(post?.body).toEqual({ version: 2, comment: 'Check the rulebook.' })
    const table = within(region).getByTestId('scores-side-by-side')
    expect(table.textContent).toContain('Assessment returned')
    // The first expert's assessment is still submitted: it can be returned, not the second any more.
    expect(within(region).queryByRole('button', { name: 'Return to the second expert' })).toBeNull()
    expect(within(region).getByRole('button', { name: 'Return to the first expert' })).toBeTruthy()
  })
})

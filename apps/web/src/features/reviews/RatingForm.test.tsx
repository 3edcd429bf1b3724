import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { RatingForm, type WorkspaceItem } from './RatingForm.tsx'

const REVIEW = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60'

const item: WorkspaceItem = {
  code: 'IDN-3',
  area: 'IDN',
  title: { en: 'Referrals' },
  definition: { en: 'Referrals to assistance.' },
  core: true,
  topics: [],
  response: null,
  previous: null,
  group: null,
}
const indicators = [
  { code: 'IDN-3', title: 'Referrals' },
  { code: 'IDN-4', title: 'Presumed victims' },
]

afterEach(() => vi.unstubAllGlobals())

async function renderForm(fetchStub: ReturnType<typeof vi.fn>, overrides: Partial<WorkspaceItem> = {}) {
  vi.stubGlobal('fetch', fetchStub)
  const onSaved = vi.fn()
  await renderPage(
    <RatingForm
      reviewId={REVIEW}
      item={{ ...item, ...overrides }}
      criteria={['significance', 'clarity']}
      indicators={indicators}
      editable
      onSaved={onSaved}
      onStale={() => {}}
    />,
  )
  return onSaved
}

describe('RatingForm', () => {
  it('offers exactly the ratings 1 to 5 per criterion, labelled in words and reachable by keyboard', async () => {
    await renderForm(vi.fn(stubFetch({})))
    const group = screen.getByRole('group', { name: "Significance for victims' rights" })
    const radios = within(group).getAllByRole('radio')
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['1', '2', '3', '4', '5'])
    expect(within(group).getByRole('radio', { name: '5 – very high' })).toBeTruthy()
    expect(within(screen.getByRole('group', { name: 'Clarity' })).getAllByRole('radio')).toHaveLength(5)

    // user-event walks radio groups with CSS.escape, which jsdom lacks.
    vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) })
    const user = userEvent.setup()
    await user.click(within(group).getByRole('radio', { name: '3 – medium' }))
    await user.keyboard('{ArrowRight}')
    expect((within(group).getByRole('radio', { name: '4 – high' }) as HTMLInputElement).checked).toBe(true)
  })

  it('asks for the indicator to merge into before saving a merge, and sends nothing until then', async () => {
    const fetchStub = vi.fn(stubFetch({}))
    await renderForm(fetchStub)
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: 'Merge' }))
    expect(screen.getByRole('combobox', { name: /Merge into/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Save my answer on IDN-3' }))
    expect(await screen.findByText('Choose the indicator to merge into.')).toBeTruthy()
    // Both the form's message and the field's own error are announced.
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Check the marked fields.'),
        expect.stringContaining('Choose the indicator to merge into.'),
      ]),
    )
    expect(fetchStub).not.toHaveBeenCalled()
  })

  it('saves the ratings with the response’s version', async () => {
    const saved = {
      ...item,
      response: {
        code: 'IDN-3',
        ratings: { significance: 4 },
        proposal: 'keep',
        mergeInto: null,
        moveTo: null,
        comment: null,
        version: 1,
      },
    }
    const fetchStub = vi.fn(
      stubFetch({ [`PUT /api/reviews/${REVIEW}/my-responses/IDN-3`]: { status: 200, body: { data: saved } } }),
    )
    const onSaved = await renderForm(fetchStub)
    const user = userEvent.setup()
    const significance = screen.getByRole('group', { name: "Significance for victims' rights" })
    await user.click(within(significance).getByRole('radio', { name: '4 – high' }))
    await user.click(screen.getByRole('radio', { name: 'Keep' }))
    await user.click(screen.getByRole('button', { name: 'Save my answer on IDN-3' }))
    expect(await screen.findByText('Saved.')).toBeTruthy()
    const [, init] = fetchStub.mock.calls[0] as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toEqual({
      version: 0,
      ratings: { significance: 4 },
      proposal: 'keep',
      mergeInto: null,
      moveTo: null,
      comment: null,
    })
    expect(onSaved).toHaveBeenCalledWith(saved)
  })

  it('from round 2 shows the group’s median, IQR and counts next to the participant’s previous rating', async () => {
    const stats = (criterion: 'significance' | 'clarity', median: number) => ({
      criterion,
      n: 4,
      median,
      q1: median - 0.5,
      q3: median + 0.5,
      iqr: 1,
      consensus: true,
      counts: [0, 1, 2, 1, 0],
    })
    await renderForm(vi.fn(stubFetch({})), {
      previous: {
        code: 'IDN-3',
        ratings: { significance: 2, clarity: 3 },
        proposal: 'drop',
        mergeInto: null,
        moveTo: null,
        comment: null,
      },
      group: {
        round: 1,
        respondents: 4,
        criteria: [stats('significance', 3), stats('clarity', 3.5)],
        proposals: {
          keep: 2,
          merge: 1,
          drop: 1,
          reword: 0,
          move: 0,
          mergeTargets: [{ code: 'IDN-4', n: 1 }],
          moveTargets: [],
        },
      },
    })
    const table = screen.getByTestId('group-distribution')
    const row = within(table).getByRole('row', { name: /Clarity/ })
    expect(row.textContent).toContain('3.5')
    expect(row.textContent).toContain('2: 1 · 3: 2')
    expect(within(table).getByRole('row', { name: /Significance/ }).textContent).toMatch(/^Significance.*2.*3/)
    expect(screen.getByText('Proposals: Keep: 2 · Merge: 1 (IDN-4: 1) · Drop: 1')).toBeTruthy()
    expect(screen.getByText('Previous round: your rating 3, group median 3.5 (IQR 1)')).toBeTruthy()
  })
})

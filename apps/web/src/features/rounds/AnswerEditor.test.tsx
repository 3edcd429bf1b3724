import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Answer, IndicatorDoc } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { AnswerEditor } from './AnswerEditor.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const level = (n: number) => ({ en: `Descriptor of level ${n}` })

const indicator: IndicatorDoc = {
  code: 'IDN-1',
  area: 'IDN',
  title: { en: 'Formal national referral mechanism' },
  definition: { en: 'Whether binding procedures exist.' },
  guidance: { en: '' },
  kind: 'structure',
  measurement: { type: 'rubric', levels: [level(0), level(1), level(2), level(3), level(4)] },
  disaggregations: [],
  customDimensions: [],
  legalReferences: [],
  sources: ['ngo'],
  topics: ['identification'],
  core: true,
  frameworkIndicator: false,
  redFlag: false,
  weight: 1,
  lineage: { type: 'new', from: [] },
}

const answer = (patch: Partial<Answer> = {}): Answer => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52',
  organisation: { id: ORG, name: 'Victim Support NGO', type: 'ngo' },
  status: 'draft',
  noData: false,
  noDataReason: null,
  value: { choice: '2', number: null, numerator: null, denominator: null, text: null },
  cells: [],
  narrative: null,
  partsExplanation: null,
  changeComment: null,
  returnComment: null,
  evidence: [],
  checks: [],
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'Jelena Provider',
  submittedAt: null,
  version: 1,
  abilities: ['answer.write'],
  ...patch,
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

// Mantine's autosizing textarea listens for font loading; jsdom has no document.fonts.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

afterEach(() => vi.unstubAllGlobals())

describe('AnswerEditor', () => {
  it('on a stale version shows both values and saves mine over the current version only when asked', async () => {
    const theirs = answer({ value: { ...answer().value, choice: '1' }, version: 2, updatedBy: 'Milica Lead' })
    const puts: unknown[] = []
    const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost')
      if (init?.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)))
        return puts.length === 1
          ? json(409, { error: { code: 'conflict', message: 'changed' }, requestId: 'r1' })
          : json(200, { data: answer({ value: { ...answer().value, choice: '3' }, version: 3 }) })
      }
      if (url.pathname.endsWith('/indicators/IDN-1'))
        return json(200, {
          data: { reason: 'core', organisations: [], answers: [theirs], previous: [], abilities: ['answer.edit'] },
        })
      return json(404, { error: { code: 'not_found', message: 'x' }, requestId: 'r0' })
    })
    vi.stubGlobal('fetch', fetchStub)
    await renderPage(
      <AnswerEditor
        roundId={ROUND}
        country="RS"
        indicator={indicator}
        baseLocale="en"
        organisationId={ORG}
        answer={answer()}
        writable
        previous={null}
        changeThreshold={0.5}
      />,
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: /^Level 3/ }))
    // Leaving the field saves at once (no need to wait for the pause).
    await user.click(screen.getByRole('textbox', { name: /^Narrative/ }))

    const alert = await screen.findByRole('alert', { name: /Someone else saved this answer/ })
    expect(puts[0]).toMatchObject({ version: 1, value: { choice: '3' } })
    const table = within(alert).getByRole('table')
    expect(within(table).getByRole('cell', { name: 'Level 3' })).toBeTruthy()
    expect(within(table).getByRole('cell', { name: 'Level 1' })).toBeTruthy()
    expect(screen.getByTestId('save-status').textContent).toContain('choose a version')
    expect(puts).toHaveLength(1)

    await user.click(within(alert).getByRole('button', { name: 'Keep my version' }))
    await vi.waitFor(() => expect(puts).toHaveLength(2))
    expect(puts[1]).toMatchObject({ version: 2, value: { choice: '3' } })
    await vi.waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved at'))
    expect(screen.queryByRole('alert', { name: /Someone else saved this answer/ })).toBeNull()
  })

  it('warns about personal data in free text without blocking the save', async () => {
    const fetchStub = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) =>
      init?.method === 'PUT'
        ? json(200, { data: answer({ narrative: 'Call 011 123 4567', version: 2 }) })
        : json(404, { error: { code: 'not_found', message: 'x' }, requestId: 'r0' }),
    )
    vi.stubGlobal('fetch', fetchStub)
    await renderPage(
      <AnswerEditor
        roundId={ROUND}
        country="RS"
        indicator={indicator}
        baseLocale="en"
        organisationId={ORG}
        answer={answer()}
        writable
        previous={null}
        changeThreshold={0.5}
      />,
    )
    const user = userEvent.setup()
    const narrative = screen.getByRole('textbox', { name: /^Narrative/ })
    await user.type(narrative, 'Call 011 123 4567')
    expect(narrative.getAttribute('aria-invalid')).not.toBe('true')
    const described = (narrative.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    const text = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
    expect(text).toContain('This looks like a phone number')
    await user.click(screen.getByRole('radio', { name: /^Level 4/ }))
    await vi.waitFor(() => expect(fetchStub.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true))
  })

  it('lists each problem of a refused submission with a link to its field, named by its label', async () => {
    const percentage: IndicatorDoc = {
      ...indicator,
      code: 'COR-5',
      measurement: {
        type: 'percentage',
        numeratorLabel: { en: 'Cases convicted' },
        denominatorLabel: { en: 'Cases prosecuted' },
      },
    }
    const fetchStub = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      json(404, { error: { code: 'not_found', message: 'x' }, requestId: 'r0' }),
    )
    vi.stubGlobal('fetch', fetchStub)
    await renderPage(
      <AnswerEditor
        roundId={ROUND}
        country="RS"
        indicator={percentage}
        baseLocale="en"
        organisationId={ORG}
        answer={answer({ value: { ...answer().value, choice: null } })}
        writable
        previous={null}
        changeThreshold={0.5}
      />,
    )
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: /^Cases convicted/ }), '15')
    await user.type(screen.getByRole('textbox', { name: /^Cases prosecuted/ }), '10')
    await user.click(screen.getByRole('button', { name: 'Submit the answer' }))

    const summary = await screen.findByRole('alert', { name: /Please correct the following/ })
    const link = within(summary).getByRole('link', { name: 'Cases convicted' })
    expect(link.closest('li')?.textContent).toBe(
      'Cases convicted: The numerator is larger than the denominator (over 100 %).',
    )
    await user.click(link)
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Cases convicted/ }))
    // Nothing was submitted: the form knew the answer was not ready.
    expect(fetchStub.mock.calls.some(([input]) => String(input).endsWith('/submit'))).toBe(false)
  })

  it('tells whoever cannot edit a submitted answer who can, instead of pointing to a button they do not have', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(404, { error: { code: 'not_found', message: 'x' }, requestId: 'r0' })),
    )
    const submitted = answer({ status: 'submitted', submittedAt: '2026-03-02T10:00:00.000Z', abilities: [] })
    const props = {
      roundId: ROUND,
      country: 'RS',
      indicator,
      baseLocale: 'en' as const,
      organisationId: ORG,
      answer: submitted,
      previous: null,
      changeThreshold: 0.5,
    }
    const view = await renderPage(<AnswerEditor {...props} writable={false} />)
    const note = await screen.findByRole('alert', { name: 'Submitted' })
    expect(note.textContent).not.toContain('Edit again')
    expect(note.textContent).toContain("the organisation's data providers or the country lead")
    expect(within(note).queryByRole('button')).toBeNull()
    view.unmount()

    await renderPage(<AnswerEditor {...props} writable />)
    const own = await screen.findByRole('alert', { name: 'Submitted' })
    expect(own.textContent).toContain('choose “Edit again”')
    expect(within(own).getByRole('button', { name: 'Edit again' })).toBeTruthy()
  })
})

import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Answer, Assessment, AssessmentWork, IndicatorDoc } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { AssessmentPanel } from './AssessmentPanel.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const ANSWER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'
const EVIDENCE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'
const ME = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60'
const EXPERT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61'
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

const answer: Answer = {
  id: ANSWER,
  organisation: { id: ORG, name: 'Victim Support NGO', type: 'ngo' },
  status: 'submitted',
  noData: false,
  noDataReason: null,
  value: { choice: '3', number: null, numerator: null, denominator: null, text: null },
  cells: [],
  narrative: null,
  partsExplanation: null,
  changeComment: null,
  returnComment: null,
  evidence: [
    {
      id: EVIDENCE,
      kind: 'link',
      title: 'NRM rulebook',
      url: 'https://example.org/nrm',
      citation: null,
      fileId: null,
      internal: false,
      file: null,
    },
  ],
  checks: [],
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'Jelena Provider',
  submittedAt: '2026-03-01T10:00:00.000Z',
  version: 2,
  abilities: [],
}

const assessment = (patch: Partial<Assessment> = {}): Assessment => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70',
  scorer: 'primary',
  status: 'draft',
  expert: { id: EXPERT, name: 'Stefan Expert' },
  noData: false,
  noDataReason: null,
  value: { choice: '3', number: null, numerator: null, denominator: null, text: null },
  sourceAnswerIds: [ANSWER],
  consolidationNote: null,
  score: 3,
  normalisedScore: 75,
  justification: 'Binding procedures, applied nationwide.',
  answerEvidenceIds: [EVIDENCE],
  evidence: [],
  confidence: 'high',
  dataGaps: null,
  discrepancyResolution: null,
  scoringResolution: null,
  expertScore: null,
  returnComment: null,
  submittedAt: null,
  submittedBy: null,
  validatedAt: null,
  validatedBy: null,
  updatedAt: '2026-03-02T10:00:00.000Z',
  version: 1,
  ...patch,
})

const work = (patch: Partial<AssessmentWork> = {}): AssessmentWork => ({
  discrepancy: { kind: 'none', spread: null, answerIds: [] },
  assessments: [],
  doubleScoring: false,
  abilities: ['assessment.write.primary'],
  ...patch,
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

interface Call {
  method: string
  path: string
  search: string
  body: unknown
}

/** A fetch stub: `handle` answers by method and path (null → 404); every call is recorded. */
function stub(handle: (method: string, path: string, body: unknown) => Response | null) {
  const calls: Call[] = []
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, path: url.pathname, search: url.search, body })
    if (url.pathname === '/api/auth/me')
      return json(200, {
        data: { id: ME, email: 'lead@example.org', name: 'Milica Lead', locale: 'en', memberships: [], isDemo: false },
        abilities: [],
      })
    return (
      handle(method, url.pathname, body) ??
      json(404, { error: { code: 'not_found', message: 'Not found' }, requestId: 'r0' })
    )
  })
  vi.stubGlobal('fetch', fetchStub)
  return calls
}

const base = `/api/rounds/${ROUND}/countries/RS/indicators/IDN-1/assessment`

/** The panel once its assessment work has loaded (its status badge is shown). */
async function loadedRegion() {
  const region = await screen.findByRole('region', { name: 'Assessment' })
  await within(region).findByTestId('assessment-status')
  return region
}

async function renderPanel(roundStatus: 'collecting' | 'published' = 'collecting') {
  return renderPage(
    <AssessmentPanel
      roundId={ROUND}
      country="RS"
      indicator={indicator}
      baseLocale="en"
      answers={[answer]}
      roundStatus={roundStatus}
    />,
  )
}

// Mantine's autosizing textarea listens for font loading; jsdom has no document.fonts.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

afterEach(() => vi.unstubAllGlobals())

describe('AssessmentPanel', () => {
  it('is not shown to people who do not read assessments (404)', async () => {
    stub(() => null)
    await renderPanel()
    await vi.waitFor(() => expect(screen.queryByText('other page')).toBeNull())
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('region', { name: 'Assessment' })).toBeNull()
  })

  it('previews the 0-100 score as the expert picks a level, with the descriptors in view', async () => {
    stub((method, path) => (method === 'GET' && path === base ? json(200, { data: work() }) : null))
    await renderPanel()
    const region = await loadedRegion()
    const preview = within(region).getByTestId('score-preview')
    expect(preview.textContent).toBe('Choose a level to see the score on the 0–100 scale.')
    const group = within(region).getByRole('group', { name: /the level that best describes/ })
    expect(within(group).getByText('Descriptor of level 2')).toBeTruthy()
    const user = userEvent.setup()
    await user.click(within(group).getByRole('radio', { name: /^Level 3/ }))
    expect(preview.textContent).toBe('Score on the 0–100 scale: 75')
    await user.click(within(group).getByRole('radio', { name: /^Level 1/ }))
    expect(preview.textContent).toBe('Score on the 0–100 scale: 25')
  })

  it('keeps a live checklist, refuses to submit an incomplete assessment, then saves and submits it', async () => {
    const calls = stub((method, path, body) => {
      if (method === 'GET' && path === base) return json(200, { data: work() })
      if (method === 'PUT' && path === base) {
        const b = body as { score: number; justification: string }
        return json(200, { data: assessment({ score: b.score, justification: b.justification, version: 1 }) })
      }
      if (method === 'POST' && path === `${base}/submit`)
        return json(200, {
          data: assessment({ status: 'submitted', submittedBy: { id: EXPERT, name: 'Stefan Expert' }, version: 2 }),
        })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const checklist = within(region).getByTestId('assessment-checklist')
    const missing = () => [...checklist.querySelectorAll('[data-met="false"]')].map((li) => li.textContent)
    expect(missing()).toEqual([
      'Missing:A justification',
      'Missing:Your confidence',
      'Missing:A score on the scale',
      'Missing:At least one piece of evidence',
    ])
    const user = userEvent.setup()
    await user.click(within(region).getByRole('button', { name: 'Submit for validation' }))
    const summary = await within(region).findByRole('alert', { name: /Please correct the following/ })
    expect(within(summary).getByRole('link', { name: 'Justification' })).toBeTruthy()
    expect(calls.some((c) => c.method !== 'GET')).toBe(false)
    const justification = within(region).getByRole('textbox', { name: /^Justification/ })
    expect(justification.getAttribute('aria-invalid')).toBe('true')

    await user.click(within(region).getByRole('radio', { name: /^Level 3/ }))
    await user.type(justification, 'Binding.')
    await user.click(within(region).getByRole('radio', { name: /^High/ }))
    await user.click(within(region).getByRole('checkbox', { name: 'NRM rulebook (Link)' }))
    await user.click(within(region).getByRole('checkbox', { name: 'Victim Support NGO' }))
    expect(missing()).toEqual([])
    expect(within(region).getByText('Everything needed is there: you can submit.')).toBeTruthy()

    await user.click(within(region).getByRole('button', { name: 'Submit for validation' }))
    await within(region).findByText('Waiting for validation')
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.search).toBe('?scorer=primary')
    expect(put?.body).toMatchObject({
      version: 0,
      score: 3,
      confidence: 'high',
      justification: 'Binding.',
      answerEvidenceIds: [EVIDENCE],
      sourceAnswerIds: [ANSWER],
    })
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 1 })
    // Submitted: read only, no more Save.
    expect(within(region).queryByRole('button', { name: 'Save draft' })).toBeNull()
  })

  it('asks for the resolution when the sources disagree, and shows which answers', async () => {
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, { data: work({ discrepancy: { kind: 'levels', spread: null, answerIds: [ANSWER] } }) })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    const notice = within(region).getByTestId('discrepancy')
    expect(notice.textContent).toContain('Victim Support NGO: Level 3 · Submitted')
    expect(within(region).getByRole('textbox', { name: /How the disagreement was resolved/ })).toBeTruthy()
    const checklist = within(region).getByTestId('assessment-checklist')
    expect(checklist.textContent).toContain('How the disagreement between the sources was resolved')
  })

  it('on a stale version tells the person and reloads only when asked', async () => {
    let gets = 0
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base) {
        gets++
        return json(200, {
          data: work({
            assessments: [assessment(gets > 1 ? { justification: 'Changed by the lead.', version: 2 } : {})],
          }),
        })
      }
      if (method === 'PUT') return json(409, { error: { code: 'conflict', message: 'changed' }, requestId: 'r1' })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const user = userEvent.setup()
    const justification = within(region).getByRole('textbox', { name: /^Justification/ })
    await user.type(justification, ' More.')
    await user.click(within(region).getByRole('button', { name: 'Save draft' }))
    const alert = await within(region).findByRole('alert', { name: 'Someone else changed this assessment' })
    expect((justification as HTMLTextAreaElement).value).toContain('More.')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1)
    await user.click(within(alert).getByRole('button', { name: 'Load the current version' }))
    await vi.waitFor(() =>
      expect((within(region).getByRole('textbox', { name: /^Justification/ }) as HTMLTextAreaElement).value).toBe(
        'Changed by the lead.',
      ),
    )
  })

  it('offers the lead Validate and Return on a submitted assessment', async () => {
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base)
        return json(200, {
          data: work({
            assessments: [assessment({ status: 'submitted', submittedBy: { id: EXPERT, name: 'Stefan Expert' } })],
            abilities: ['assessment.write.primary', 'assessment.review', 'assessment.validate', 'assessment.unlock'],
          }),
        })
      if (method === 'POST' && path === `${base}/return`)
        return json(200, { data: assessment({ status: 'returned', returnComment: 'Add the source.', version: 2 }) })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    expect(within(region).getByRole('button', { name: 'Validate' })).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Unlock' })).toBeNull()
    expect(within(region).queryByTestId('cannot-validate')).toBeNull()
    const user = userEvent.setup()
    await user.click(within(region).getByRole('button', { name: 'Return to the expert' }))
    const dialog = await screen.findByRole('dialog', { name: 'Return the assessment' })
    await user.click(within(dialog).getByRole('button', { name: 'Return' }))
    expect(within(dialog).getByText('Say what should be changed.')).toBeTruthy()
    await user.type(within(dialog).getByRole('textbox', { name: /What should be changed/ }), 'Add the source.')
    await user.click(within(dialog).getByRole('button', { name: 'Return' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.search).toBe('?scorer=primary')
    expect(post?.body).toEqual({ version: 1, comment: 'Add the source.' })
    expect(within(region).getByTestId('assessment-status').textContent).toBe('Assessment returned')
  })

  it('tells a lead who submitted the assessment why they cannot validate it', async () => {
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, {
            data: work({
              assessments: [assessment({ status: 'submitted', submittedBy: { id: ME, name: 'Milica Lead' } })],
              abilities: ['assessment.write.primary', 'assessment.review', 'assessment.unlock'],
            }),
          })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    expect(await within(region).findByText(/You submitted this assessment yourself/)).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Validate' })).toBeNull()
    expect(within(region).getByRole('button', { name: 'Return to the expert' })).toBeTruthy()
  })

  it('shows a validated assessment read-only with who validated it, and Unlock only to those who may', async () => {
    const validated = assessment({
      status: 'validated',
      validatedBy: { id: ME, name: 'Milica Lead' },
      validatedAt: '2026-03-05T09:30:00.000Z',
    })
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, { data: work({ assessments: [validated], abilities: ['assessment.write.primary'] }) })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    expect(within(region).getByText(/^Validated by Milica Lead on /)).toBeTruthy()
    expect(within(region).getByText(/are locked/)).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Save draft' })).toBeNull()
    expect(within(region).queryByRole('button', { name: 'Unlock' })).toBeNull()
    expect(within(region).getByText('Descriptor of level 3')).toBeTruthy()
  })
})

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

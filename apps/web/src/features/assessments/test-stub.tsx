import { screen, within } from '@testing-library/react'
import type { Answer, Assessment, AssessmentWork, IndicatorDoc } from '@thbm/shared'
import { vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { AssessmentPanel } from './AssessmentPanel.tsx'

/** The assessment panel tests' data (IDN-1 in RS, one answer), a recording fetch stub, and the panel rendered. */

export const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
export const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
export const ANSWER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'
export const EVIDENCE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'
export const ME = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60'
export const EXPERT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61'
export const level = (n: number) => ({ en: `Descriptor of level ${n}` })

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

export const assessment = (patch: Partial<Assessment> = {}): Assessment => ({
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

export const work = (patch: Partial<AssessmentWork> = {}): AssessmentWork => ({
  discrepancy: { kind: 'none', spread: null, answerIds: [] },
  assessments: [],
  doubleScoring: false,
  abilities: ['assessment.write.primary'],
  ...patch,
})

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export interface Call {
  method: string
  path: string
  search: string
  body: unknown
}

/** A fetch stub: `handle` answers by method and path (null → 404); every call is recorded. */
export function stub(handle: (method: string, path: string, body: unknown) => Response | null) {
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

export const base = `/api/rounds/${ROUND}/countries/RS/indicators/IDN-1/assessment`

/** The panel once its assessment work has loaded (its status badge is shown). */
export async function loadedRegion() {
  const region = await screen.findByRole('region', { name: 'Assessment' })
  await within(region).findByTestId('assessment-status')
  return region
}

export async function renderPanel(roundStatus: 'collecting' | 'published' = 'collecting') {
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

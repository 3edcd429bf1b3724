import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { MeResponse, TemplateImportJob } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { TemplatePanel } from './TemplatePanel.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53'
const JOB = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a56'

const me: MeResponse = {
  data: {
    id: USER,
    email: 'provider.rs@example.org',
    name: 'Jelena Provider',
    locale: null,
    isDemo: true,
    memberships: [
      {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a54',
        role: 'data_provider',
        countryCode: 'RS',
        organisationId: ORG,
        organisationName: 'Victim Support NGO',
      },
    ],
  },
  abilities: [],
}

const job = (patch: Partial<TemplateImportJob>): TemplateImportJob => ({
  jobId: JOB,
  status: 'running',
  progress: 0,
  phase: null,
  result: null,
  ...patch,
})
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The server of a large upload: 202, then each poll answers the next of `polls`. */
function serverFor(polls: Response[]) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname
    if (path === '/api/auth/me') return json(200, me)
    if (init?.method === 'POST') return json(202, { data: job({ status: 'queued' }) })
    if (path === `/api/rounds/${ROUND}/countries/RS/template/imports/${JOB}`)
      return polls.shift() ?? json(500, { error: { code: 'internal', message: 'no more' }, requestId: 'r' })
    return json(404, { error: { code: 'not_found', message: 'Not found' }, requestId: 'r0' })
  })
}

async function uploadLargeWorkbook() {
  await renderPage(<TemplatePanel roundId={ROUND} country="RS" status="collecting" />)
  const user = userEvent.setup()
  await screen.findByRole('button', { name: 'Download template' })
  const file = new File(['PK'], 'large.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
  await user.upload(screen.getByLabelText('Filled-in template (.xlsx)'), file)
  await user.click(screen.getByRole('button', { name: 'Upload filled-in template' }))
}

afterEach(() => vi.unstubAllGlobals())

describe('a large template upload', () => {
  it('shows the background import progressing, then the same summary as a direct import', async () => {
    const server = serverFor([
      json(200, { data: job({ progress: 0.4, phase: 'checking' }) }),
      json(200, {
        data: job({ status: 'done', progress: 1, result: { batch: null, unchanged: 3, warnings: [] } }),
      }),
    ])
    vi.stubGlobal('fetch', server)
    await uploadLargeWorkbook()
    const progress = await screen.findByTestId('template-import-progress')
    expect(within(progress).getByRole('progressbar', { name: 'Import progress' })).toBeTruthy()
    expect(await within(progress).findByText('Importing in the background: checking the rows, 40 %')).toBeTruthy()
    expect(
      await screen.findByText(/Nothing was changed: the workbook holds no new values\. 3 answers were/, undefined, {
        timeout: 4000,
      }),
    ).toBeTruthy()
    expect(screen.queryByTestId('template-import-progress')).toBeNull()
  })

  it('lists the problems of a workbook the background import refused, with their cells', async () => {
    const refusal = {
      error: {
        code: 'validation_failed',
        message: 'The workbook has 1 problem(s); nothing was imported',
        details: { issues: [{ path: 'Data!H12', message: 'JUS-5: A count cannot be negative' }] },
      },
      requestId: 'r1',
    }
    vi.stubGlobal('fetch', serverFor([json(400, refusal)]))
    await uploadLargeWorkbook()
    expect(
      await screen.findByRole('heading', { name: 'The template was not imported' }, { timeout: 4000 }),
    ).toBeTruthy()
    expect(screen.getByText('Data!H12')).toBeTruthy()
  })
})

import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { VersionDetail, VersionDiff } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { PublishModal } from './PublishModal.tsx'

const V1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const V2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'

const draft: VersionDetail = {
  id: V2,
  framework: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50', code: 'BAN', name: { en: 'Handbook' }, baseLocale: 'en' },
  label: '2027.1',
  status: 'draft',
  basedOn: { id: V1, label: '2026.1' },
  notes: {},
  publishedAt: null,
  version: 4,
  areas: [],
  indicators: [],
  retired: [],
  translations: {},
  abilities: ['version.edit', 'version.publish', 'version.delete'],
}

const diff: VersionDiff = {
  from: { id: V1, label: '2026.1' },
  to: { id: V2, label: '2027.1' },
  entries: [
    { change: 'retired', from: ['VUL-5'], to: [], fields: [] },
    { change: 'renamed', from: ['IDN-5'], to: ['IDN-9'], fields: [] },
  ],
  unchanged: 65,
  areas: { added: [], removed: [], changed: [] },
}

afterEach(() => vi.unstubAllGlobals())

describe('PublishModal', () => {
  it('shows the diff before confirming, and every problem when the server refuses the draft', async () => {
    const fetchStub = vi.fn(
      stubFetch({
        [`GET /api/framework-versions/${V2}/diff`]: { status: 200, body: { data: diff } },
        [`GET /api/framework-versions/${V1}`]: {
          status: 200,
          body: { data: { ...draft, id: V1, status: 'published' } },
        },
        [`POST /api/framework-versions/${V2}/publish`]: {
          status: 409,
          body: {
            error: {
              code: 'invalid_state',
              message: 'The draft has 2 problem(s) to fix before publishing',
              details: {
                issues: [
                  { path: 'indicators[3].title', message: 'Text in the base language (en) is required' },
                  { path: 'indicators[7].lineage', message: '"merged" continues two or more earlier codes' },
                ],
              },
            },
            requestId: 'r1',
          },
        },
      }),
    )
    vi.stubGlobal('fetch', fetchStub)
    await renderPage(<PublishModal version={draft} onClose={() => {}} />)
    expect(await screen.findByRole('heading', { level: 3, name: /Renamed/ })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 3, name: /Retired/ })).toBeTruthy()
    expect(screen.getByText('65 indicators are unchanged.')).toBeTruthy()

    await userEvent.setup().click(screen.getByRole('button', { name: 'Publish' }))
    expect(await screen.findByText('indicators[3].title')).toBeTruthy()
    expect(screen.getByText('indicators[7].lineage')).toBeTruthy()
    expect(screen.getByText('There are 2 problems to fix')).toBeTruthy()
    const post = fetchStub.mock.calls.find(([, init]) => init?.method === 'POST')
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ version: 4 })
  })
})

import { screen, within } from '@testing-library/react'
import type { MeResponse } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import HomePage from './HomePage.tsx'

const me: MeResponse = {
  data: {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53',
    email: 'lead.rs@example.org',
    name: 'Milica Lead',
    locale: null,
    isDemo: false,
    memberships: [
      {
        id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a54',
        role: 'country_lead',
        countryCode: 'RS',
        organisationId: null,
        organisationName: null,
      },
    ],
  },
  abilities: [],
}

afterEach(() => vi.unstubAllGlobals())

describe('HomePage', () => {
  it('leads a country lead straight to the monitoring rounds, first of the places to go next', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ 'GET /api/auth/me': { status: 200, body: me } })))
    await renderPage(<HomePage />)
    const next = await screen.findByRole('region', { name: 'Where to go next' })
    const links = within(next).getAllByRole('link')
    expect(links[0]?.getAttribute('href')).toBe('/rounds')
    expect(links[0]?.textContent).toContain('Monitoring rounds')
  })
})

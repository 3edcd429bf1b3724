import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Organisation } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { OrganisationFormModal } from './OrganisationFormModal.tsx'

const org: Organisation = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  name: 'Victim Support NGO',
  type: 'ngo',
  countryCode: 'RS',
  active: true,
  version: 3,
  abilities: ['organisation.update'],
}

afterEach(() => vi.unstubAllGlobals())

describe('OrganisationFormModal', () => {
  it('does not overwrite on 409: it explains the conflict and reloads the current version on request', async () => {
    const current = { ...org, name: 'Victim Support Network', version: 4 }
    const fetchStub = vi.fn(
      stubFetch({
        [`PATCH /api/organisations/${org.id}`]: {
          status: 409,
          body: { error: { code: 'conflict', message: 'changed', details: { currentVersion: 4 } }, requestId: 'r9' },
        },
        [`GET /api/organisations/${org.id}`]: { status: 200, body: { data: current } },
      }),
    )
    vi.stubGlobal('fetch', fetchStub)
    await renderPage(<OrganisationFormModal code="RS" organisation={org} onClose={() => {}} />)
    const user = userEvent.setup()
    const name = await screen.findByRole('textbox', { name: /^Name/ })
    await user.clear(name)
    await user.type(name, 'My edit')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Someone else changed this record')).toBeTruthy()
    const patch = fetchStub.mock.calls.find(([, init]) => init?.method === 'PATCH')
    expect(JSON.parse(String(patch?.[1]?.body))).toMatchObject({ version: 3, name: 'My edit' })
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Load the current version' }))
    expect(await screen.findByDisplayValue('Victim Support Network')).toBeTruthy()
    expect(screen.queryByText('Someone else changed this record')).toBeNull()
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('shows a name clash (409 with a field issue) on the name field, not as a version conflict', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({
        'POST /api/organisations': {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              message: 'exists',
              details: { issues: [{ path: 'body.name', message: 'Name already used' }] },
            },
            requestId: 'r10',
          },
        },
      }),
    )
    await renderPage(<OrganisationFormModal code="RS" organisation={null} onClose={() => {}} />)
    const user = userEvent.setup()
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Victim Support NGO')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const field = await screen.findByRole('textbox', { name: /^Name/ })
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    expect(screen.getAllByText('This name is already used in this country.').length).toBeGreaterThan(0)
    expect(screen.queryByText('Someone else changed this record')).toBeNull()
  })
})

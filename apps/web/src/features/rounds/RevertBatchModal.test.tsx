import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ImportBatch } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { RevertBatchModal } from './RevertBatchModal.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51'
const BATCH = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52'

const batch: ImportBatch = {
  id: BATCH,
  roundId: ROUND,
  countryCode: 'RS',
  source: 'upload',
  fileName: 'filled.xlsx',
  organisations: [{ id: ORG, name: 'Victim Support NGO' }],
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: null,
  counts: { created: 2, updated: 1 },
  revertedAt: null,
  revertedBy: null,
  revertReason: null,
  abilities: ['importBatch.revert'],
}

// Mantine's autosizing textarea listens for font loading; jsdom has no document.fonts.
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } })

afterEach(() => vi.unstubAllGlobals())

describe('RevertBatchModal', () => {
  it('asks for a reason, then lists the answers that changed since when the server refuses (409)', async () => {
    const message = '1 answer(s) changed after this import; revert refused. Correct them in the form instead.'
    const fetchMock = vi.fn(
      stubFetch({
        [`POST /api/rounds/${ROUND}/countries/RS/import-batches/${BATCH}/revert`]: {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              message,
              details: { answers: [{ answerId: 'a1', indicatorCode: 'IDN-1', organisationId: ORG, version: 3 }] },
            },
            requestId: 'r1',
          },
        },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const onClose = vi.fn()
    await renderPage(<RevertBatchModal roundId={ROUND} country="RS" batch={batch} onClose={onClose} />)
    const user = userEvent.setup()
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Revert import' }))
    expect(within(dialog).getByText('Give a reason for reverting.')).toBeTruthy()
    expect(fetchMock).not.toHaveBeenCalled()

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Wrong year')
    await user.click(within(dialog).getByRole('button', { name: 'Revert import' }))
    const alert = await within(dialog).findByRole('alert')
    expect(within(alert).getByText('These answers changed after the import')).toBeTruthy()
    expect(within(alert).getByText(message)).toBeTruthy()
    const item = within(alert).getByRole('listitem')
    expect(item.textContent).toBe('IDN-1 · Victim Support NGO')
    expect(within(item).getByRole('link', { name: 'IDN-1' }).getAttribute('href')).toBe(
      `/rounds/${ROUND}/countries/RS/indicators/IDN-1`,
    )
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ reason: 'Wrong year' })
    expect(onClose).not.toHaveBeenCalled()
  }, 20_000)
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import { RemindButton } from './RemindButton.tsx'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const BASE = `/api/rounds/${ROUND}/countries/RS/reminders`

afterEach(() => vi.unstubAllGlobals())

const renderButton = () =>
  renderPage(
    <RemindButton
      roundId={ROUND}
      country="RS"
      selection="late"
      label="Remind all late"
      title="Remind everyone who is late"
    />,
  )

describe('RemindButton', () => {
  it('says how many people will be reminded, sends the note and announces the result', async () => {
    const fetchMock = vi.fn(
      stubFetch({
        [`GET ${BASE}/preview`]: { status: 200, body: { data: { reminded: 14, skipped: 3, recipients: 12 } } },
        [`POST ${BASE}`]: { status: 200, body: { data: { reminded: 14, skipped: 3, recipients: 12 } } },
      }),
    )
    vi.stubGlobal('fetch', fetchMock)
    await renderButton()
    const user = userEvent.setup()
    const opener = await screen.findByRole('button', { name: 'Remind all late' })
    await user.click(opener)

    const dialog = await screen.findByRole('dialog', { name: 'Remind everyone who is late' })
    expect(await within(dialog).findByText('12 people will be reminded.')).toBeTruthy()
    expect(within(dialog).getByText(/^3 reminders will be skipped/)).toBeTruthy()
    const note = within(dialog).getByRole('textbox', { name: 'Personal note (optional)' })
    await waitFor(() => expect(document.activeElement).toBe(note))
    await user.type(note, '  Please answer by Friday  ')
    await user.click(within(dialog).getByRole('button', { name: 'Send reminders' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('status').textContent).toBe(
      '12 people reminded, 3 skipped (reminded in the last 24 hours).',
    )
    await waitFor(() => expect(document.activeElement).toBe(opener))
    const preview = fetchMock.mock.calls.find(([url]) => String(url).includes('/preview'))
    expect(String(preview?.[0])).toContain('indicatorCodes=late')
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ indicatorCodes: 'late', message: 'Please answer by Friday' })
  })

  it('cannot send when nobody needs a reminder', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({
        [`GET ${BASE}/preview`]: { status: 200, body: { data: { reminded: 0, skipped: 2, recipients: 0 } } },
      }),
    )
    await renderButton()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Remind all late' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remind everyone who is late' })
    expect(await within(dialog).findByText('Nobody needs a reminder now.')).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Send reminders' }).hasAttribute('disabled')).toBe(true)
  })
})

import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage, stubFetch } from '../../test/render.tsx'
import SignInPage from './SignInPage.tsx'

const anonymous = { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in' }, requestId: 'r1' } }
const config = {
  status: 200,
  body: { version: '0', demo: false, demoAccounts: [], demoPassword: null, defaultLocale: 'en' },
}

afterEach(() => vi.unstubAllGlobals())

describe('SignInPage', () => {
  it('shows the generic message when the server answers 401', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({ 'GET /api/auth/me': anonymous, 'GET /api/config': config, 'POST /api/auth/login': anonymous }),
    )
    await renderPage(<SignInPage />, { path: '/sign-in', url: '/sign-in' })
    const user = userEvent.setup()
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'someone@example.org')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'wrong password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('The email or password is not correct.')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('Could not sign in')
  })

  it('says how long to wait after too many attempts', async () => {
    const limited = {
      status: 429,
      body: {
        error: { code: 'rate_limited', message: 'Too many', details: { retryAfterSeconds: 600 } },
        requestId: 'r2',
      },
    }
    vi.stubGlobal(
      'fetch',
      stubFetch({ 'GET /api/auth/me': anonymous, 'GET /api/config': config, 'POST /api/auth/login': limited }),
    )
    await renderPage(<SignInPage />, { path: '/sign-in', url: '/sign-in' })
    const user = userEvent.setup()
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'someone@example.org')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'whatever')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Too many attempts. Wait 10 minutes and try again.')).toBeTruthy()
  })

  it('marks empty fields as invalid and ties each message to its input', async () => {
    vi.stubGlobal('fetch', stubFetch({ 'GET /api/auth/me': anonymous, 'GET /api/config': config }))
    await renderPage(<SignInPage />, { path: '/sign-in', url: '/sign-in' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    const email = screen.getByRole('textbox', { name: 'Email' })
    expect(email.getAttribute('aria-invalid')).toBe('true')
    const describedBy = email.getAttribute('aria-describedby') ?? ''
    const message = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ')
    expect(message).toContain('Enter your email address.')
  })
})

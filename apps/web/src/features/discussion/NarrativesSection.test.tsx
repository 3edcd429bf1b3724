import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Area, Narrative } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { NarrativesSection } from './NarrativesSection.tsx'
import { apiError, json, stubApi } from './test-stub.ts'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const path = `/api/rounds/${ROUND}/countries/RS/narratives`
const LEAD = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', name: 'Milica Lead' }

const areas = [
  { code: 'IDN', title: { en: 'Identification' } },
  { code: 'PRO', title: { en: 'Protection' } },
] as unknown as Area[]

const finding = (html: string, version: number): Narrative => ({
  kind: 'finding',
  areaCode: 'IDN',
  html,
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: LEAD,
  version,
})

const render = (status: 'collecting' | 'published' = 'collecting') =>
  renderPage(
    <NarrativesSection
      roundId={ROUND}
      country="RS"
      areaCodes={['IDN', 'PRO']}
      areas={areas}
      baseLocale="en"
      roundStatus={status}
    />,
  )

const expert = [{ role: 'expert' as const, countryCode: 'RS' }]

afterEach(() => vi.unstubAllGlobals())

describe('NarrativesSection', () => {
  it('shows a finding per area, a conclusion and a summary, rendering saved HTML through the allow-list', async () => {
    const stored = finding(
      '<p>Binding <strong>rules</strong> <a href="https://example.org/nrm">NRM</a> <a href="javascript:alert(1)">bad</a></p>' +
        '<script>window.hacked = true</script><p onclick="alert(1)">x<img src=x onerror="alert(1)"></p>',
      3,
    )
    stubApi((m, p) => (m === 'GET' && p === path ? json(200, { data: [stored] }) : null), expert)
    await render()
    const region = await screen.findByRole('region', { name: 'Findings and conclusions' }, { timeout: 5000 })
    const idn = await within(region).findByRole('article', { name: 'Finding: IDN · Identification' }, { timeout: 5000 })
    const text = within(idn).getByTestId('narrative-text')
    expect(text.querySelector('strong')?.textContent).toBe('rules')
    const links = text.querySelectorAll('a')
    expect(links).toHaveLength(1)
    expect(links[0]?.getAttribute('href')).toBe('https://example.org/nrm')
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer')
    expect(text.textContent).toContain('bad')
    expect(text.querySelector('script, img, [onclick]')).toBeNull()
    expect(text.textContent).not.toContain('hacked')
    expect(within(idn).getByText(/^Last saved by Milica Lead, /)).toBeTruthy()
    expect(within(idn).getByRole('button', { name: 'Edit: Finding: IDN · Identification' })).toBeTruthy()

    const pro = within(region).getByRole('article', { name: 'Finding: PRO · Protection' })
    expect(within(pro).getByText('Not written yet.')).toBeTruthy()
    expect(within(pro).getByRole('button', { name: 'Write: Finding: PRO · Protection' })).toBeTruthy()
    expect(within(region).getByRole('article', { name: 'Conclusions' })).toBeTruthy()
    expect(within(region).getByRole('article', { name: 'Executive summary' })).toBeTruthy()
  })

  it('saves with the version it started from, and on 409 says so and offers the current text (no overwrite)', async () => {
    const puts: unknown[] = []
    let current = finding('<p>First text</p>', 1)
    let conflictOnce = true
    stubApi((m, p, body) => {
      if (m === 'GET' && p === path) return json(200, { data: [current] })
      if (m === 'PUT' && p === path) {
        puts.push(body)
        if (conflictOnce) {
          conflictOnce = false
          current = finding('<p>Changed by someone else</p>', 2)
          return apiError(409, 'conflict')
        }
        current = finding('<p>Changed by someone else</p>', 3)
        return json(200, { data: [current] })
      }
      return null
    }, expert)
    await render()
    const region = await screen.findByRole('region', { name: 'Findings and conclusions' }, { timeout: 5000 })
    const idn = await within(region).findByRole('article', { name: 'Finding: IDN · Identification' }, { timeout: 5000 })
    await userEvent.click(within(idn).getByRole('button', { name: 'Edit: Finding: IDN · Identification' }))

    // The editor (loaded lazily) is a labelled multi-line text box with a named formatting toolbar.
    const editor = await within(idn).findByRole(
      'textbox',
      { name: 'Text of: Finding: IDN · Identification' },
      { timeout: 15_000 },
    )
    expect(editor.getAttribute('aria-multiline')).toBe('true')
    expect(editor.textContent).toBe('First text')
    const toolbar = within(idn).getByRole('toolbar', { name: 'Formatting' })
    expect(within(toolbar).getByRole('button', { name: 'Bold' }).getAttribute('aria-pressed')).toBe('false')
    expect(within(toolbar).getByRole('button', { name: 'Link' })).toBeTruthy()

    await userEvent.click(within(idn).getByRole('button', { name: 'Save' }))
    expect(await within(idn).findByText('Someone else changed this record')).toBeTruthy()
    expect(puts[0]).toEqual({ version: 1, kind: 'finding', areaCode: 'IDN', html: '<p>First text</p>' })
    // Still editing: nothing was overwritten, and the person's text is still there to copy.
    expect(within(idn).getByRole('textbox', { name: /^Text of:/ }).textContent).toBe('First text')

    await userEvent.click(within(idn).getByRole('button', { name: 'Load the current version' }))
    await waitFor(() =>
      expect(within(idn).getByRole('textbox', { name: /^Text of:/ }).textContent).toBe('Changed by someone else'),
    )
    expect(within(idn).queryByText('Someone else changed this record')).toBeNull()

    await userEvent.click(within(idn).getByRole('button', { name: 'Save' }))
    const edit = await within(idn).findByRole('button', { name: 'Edit: Finding: IDN · Identification' })
    expect((puts[1] as { version: number }).version).toBe(2)
    expect(within(idn).getByTestId('narrative-save-status').textContent).toBe('Saved.')
    expect(within(idn).getByTestId('narrative-text').textContent).toBe('Changed by someone else')
    await waitFor(() => expect(document.activeElement).toBe(edit))
  }, 30_000)

  it('is read-only once the round is published, and hidden for data providers (404)', async () => {
    stubApi((m, p) => (m === 'GET' && p === path ? json(200, { data: [] }) : null), expert)
    const first = await render('published')
    const region = await screen.findByRole('region', { name: 'Findings and conclusions' }, { timeout: 5000 })
    expect(within(region).getByText(/can no longer be changed/)).toBeTruthy()
    await within(region).findByRole('article', { name: 'Conclusions' }, { timeout: 5000 })
    expect(within(region).queryByRole('button', { name: /^(Edit|Write)/ })).toBeNull()
    first.unmount()

    vi.unstubAllGlobals()
    stubApi(() => null)
    await render()
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.queryByRole('region', { name: 'Findings and conclusions' })).toBeNull()
  })
})

import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Comment, Thread } from '@thbm/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { CommentThread } from './CommentThread.tsx'
import { apiError, json, ME, stubApi } from './test-stub.ts'

const ROUND = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50'
const LEAD = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61', name: 'Milica Lead' }
const OBSERVER = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62', name: 'Olga Observer' }
const C1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71'
const C2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a72'
const path = `/api/rounds/${ROUND}/countries/RS/indicators/IDN-1/comments`

const comment = (over: Partial<Comment>): Comment => ({
  id: C1,
  author: LEAD,
  body: 'Which regions?',
  mentions: [],
  createdAt: '2026-03-01T10:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  version: 1,
  ...over,
})

const thread = (comments: Comment[], abilities = ['comment.write']): Thread => ({
  comments,
  participants: [LEAD, OBSERVER, { id: ME, name: 'Ana Expert' }],
  abilities,
})

const render = () => renderPage(<CommentThread roundId={ROUND} country="RS" code="IDN-1" />)

afterEach(() => vi.unstubAllGlobals())

describe('CommentThread', () => {
  it('lists comments as plain text, counts the open ones and collapses resolved ones with who resolved them', async () => {
    const resolved = comment({
      id: C2,
      body: 'Done <b>now</b>\nsecond line',
      resolvedAt: '2026-03-02T10:00:00.000Z',
      resolvedBy: LEAD,
      version: 2,
    })
    const open = comment({ mentions: [OBSERVER], body: '<img src=x onerror=alert(1)>Check\nthis' })
    stubApi((m, p) => (m === 'GET' && p === path ? json(200, { data: thread([open, resolved]) }) : null))
    await render()
    const region = await screen.findByRole('region', { name: 'Discussion (1 open comment)' }, { timeout: 5000 })
    const list = within(region).getByRole('list', { name: 'Comments on IDN-1' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(2)

    // The open comment: text as typed (no HTML interpreted), its mentions by name, Resolve for a writer.
    const first = items[0] as HTMLElement
    expect(within(first).getByText('Open')).toBeTruthy()
    expect(within(first).getByTestId('comment-body').textContent).toBe('<img src=x onerror=alert(1)>Check\nthis')
    expect(first.querySelector('img')).toBeNull()
    expect(within(first).getByText('Notified: Olga Observer')).toBeTruthy()
    expect(within(first).getByRole('button', { name: 'Resolve the comment by Milica Lead' })).toBeTruthy()

    // The resolved one: marked in words, its text hidden until asked for, Reopen offered.
    const second = items[1] as HTMLElement
    expect(within(second).getByText('Resolved')).toBeTruthy()
    expect(within(second).getByText(/^Resolved by Milica Lead, /)).toBeTruthy()
    const body = within(second).getByTestId('comment-body')
    expect(body.closest('[hidden]')).not.toBeNull()
    const toggle = within(second).getByRole('button', { name: 'Show the resolved comment' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    await userEvent.click(toggle)
    expect(body.closest('[hidden]')).toBeNull()
    expect(body.textContent).toBe('Done <b>now</b>\nsecond line')
    expect(within(second).getByRole('button', { name: 'Reopen the comment by Milica Lead' })).toBeTruthy()
  })

  it('sends the chosen people to notify as ids and shows the new comment', async () => {
    let posted: unknown = null
    const calls = stubApi((m, p, body) => {
      if (m === 'GET' && p === path) return json(200, { data: thread([]) })
      if (m === 'POST' && p === path) {
        posted = body
        return json(201, { data: thread([comment({ body: 'Please check', mentions: [LEAD] })]) })
      }
      return null
    })
    await render()
    const region = await screen.findByRole('region', { name: 'Discussion (no open comments)' }, { timeout: 5000 })
    expect(within(region).getByText('No comments yet.')).toBeTruthy()

    // An empty comment is not sent.
    await userEvent.click(within(region).getByRole('button', { name: 'Add comment' }))
    expect(await within(region).findByText('Write a comment first.')).toBeTruthy()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    const textbox = within(region).getByRole('textbox', { name: /Your comment/ })
    await userEvent.type(textbox, 'Please check')
    const notify = within(region).getByRole('combobox', { name: 'Notify' })
    await userEvent.click(notify)
    // The user is not offered to themselves.
    expect(screen.queryByRole('option', { name: 'Ana Expert', hidden: true })).toBeNull()
    await userEvent.click(await screen.findByRole('option', { name: 'Milica Lead', hidden: true }))
    await userEvent.click(within(region).getByRole('button', { name: 'Add comment' }))

    expect(await screen.findByRole('region', { name: 'Discussion (1 open comment)' }, { timeout: 5000 })).toBeTruthy()
    expect(posted).toEqual({ body: 'Please check', mentions: [LEAD.id] })
    expect(within(region).getByTestId('thread-status').textContent).toBe('Comment added.')
    expect((textbox as HTMLTextAreaElement).value).toBe('')
    expect(document.activeElement).toBe(textbox)
  })

  it('resolves a comment, and explains a refusal (403) without changing it', async () => {
    let refuse = false
    stubApi((m, p) => {
      if (m === 'GET' && p === path) return json(200, { data: thread([comment({})]) })
      if (m === 'POST' && p === `${path}/${C1}/resolve`)
        return refuse
          ? apiError(403, 'forbidden')
          : json(200, {
              data: thread([comment({ resolvedAt: '2026-03-02T10:00:00.000Z', resolvedBy: LEAD, version: 2 })]),
            })
      return null
    })
    await render()
    const region = await screen.findByRole('region', { name: 'Discussion (1 open comment)' }, { timeout: 5000 })
    refuse = true
    await userEvent.click(within(region).getByRole('button', { name: 'Resolve the comment by Milica Lead' }))
    expect((await within(region).findByRole('alert')).textContent).toBe(
      'Only the comment’s author, the country lead or a regional coordinator can do this.',
    )
    refuse = false
    await userEvent.click(within(region).getByRole('button', { name: 'Resolve the comment by Milica Lead' }))
    expect(await screen.findByRole('region', { name: 'Discussion (no open comments)' }, { timeout: 5000 })).toBeTruthy()
    const item = within(region).getByRole('listitem')
    expect(within(item).getByText(/^Resolved by Milica Lead, /)).toBeTruthy()
    expect(document.activeElement).toBe(item)
    expect(within(region).getByTestId('thread-status').textContent).toBe('Comment resolved.')
  })

  it('is not shown to people who may not read the thread (404)', async () => {
    stubApi(() => null)
    await render()
    await new Promise((r) => setTimeout(r, 100))
    expect(screen.queryByRole('region')).toBeNull()
  })

  it('shows no form to readers who may not write', async () => {
    stubApi((m, p) => (m === 'GET' && p === path ? json(200, { data: thread([comment({})], []) }) : null))
    await render()
    const region = await screen.findByRole('region', { name: 'Discussion (1 open comment)' }, { timeout: 5000 })
    expect(within(region).queryByRole('button', { name: /Resolve/ })).toBeNull()
    expect(within(region).queryByRole('textbox')).toBeNull()
  })
})

import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ANSWER,
  assessment,
  base,
  EVIDENCE,
  EXPERT,
  json,
  loadedRegion,
  ME,
  renderPanel,
  stub,
  work,
} from './test-stub.tsx'

afterEach(() => vi.unstubAllGlobals())

describe('AssessmentPanel', () => {
  it('is not shown to people who do not read assessments (404)', async () => {
    stub(() => null)
    await renderPanel()
    await vi.waitFor(() => expect(screen.queryByText('other page')).toBeNull())
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByRole('region', { name: 'Assessment' })).toBeNull()
  })

  it('previews the 0-100 score as the expert picks a level, with the descriptors in view', async () => {
    stub((method, path) => (method === 'GET' && path === base ? json(200, { data: work() }) : null))
    await renderPanel()
    const region = await loadedRegion()
    const preview = within(region).getByTestId('score-preview')
    expect(preview.textContent).toBe('Choose a level to see the score on the 0–100 scale.')
    const group = within(region).getByRole('group', { name: /the level that best describes/ })
    expect(within(group).getByText('Descriptor of level 2')).toBeTruthy()
    const user = userEvent.setup()
    await user.click(within(group).getByRole('radio', { name: /^Level 3/ }))
    expect(preview.textContent).toBe('Score on the 0–100 scale: 75')
    await user.click(within(group).getByRole('radio', { name: /^Level 1/ }))
    expect(preview.textContent).toBe('Score on the 0–100 scale: 25')
  })

  it('keeps a live checklist, refuses to submit an incomplete assessment, then saves and submits it', async () => {
    const calls = stub((method, path, body) => {
      if (method === 'GET' && path === base) return json(200, { data: work() })
      if (method === 'PUT' && path === base) {
        const b = body as { score: number; justification: string }
        return json(200, { data: assessment({ score: b.score, justification: b.justification, version: 1 }) })
      }
      if (method === 'POST' && path === `${base}/submit`)
        return json(200, {
          data: assessment({ status: 'submitted', submittedBy: { id: EXPERT, name: 'Stefan Expert' }, version: 2 }),
        })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const checklist = within(region).getByTestId('assessment-checklist')
    const missing = () => [...checklist.querySelectorAll('[data-met="false"]')].map((li) => li.textContent)
    expect(missing()).toEqual([
      'Missing:A justification',
      'Missing:Your confidence',
      'Missing:A score on the scale',
      'Missing:At least one piece of evidence',
    ])
    const user = userEvent.setup()
    await user.click(within(region).getByRole('button', { name: 'Submit for validation' }))
    const summary = await within(region).findByRole('alert', { name: /Please correct the following/ })
    expect(within(summary).getByRole('link', { name: 'Justification' })).toBeTruthy()
    expect(calls.some((c) => c.method !== 'GET')).toBe(false)
    const justification = within(region).getByRole('textbox', { name: /^Justification/ })
    expect(justification.getAttribute('aria-invalid')).toBe('true')

    await user.click(within(region).getByRole('radio', { name: /^Level 3/ }))
    await user.type(justification, 'Binding.')
    await user.click(within(region).getByRole('radio', { name: /^High/ }))
    await user.click(within(region).getByRole('checkbox', { name: 'NRM rulebook (Link)' }))
    await user.click(within(region).getByRole('checkbox', { name: 'Victim Support NGO' }))
    expect(missing()).toEqual([])
    expect(within(region).getByText('Everything needed is there: you can submit.')).toBeTruthy()

    await user.click(within(region).getByRole('button', { name: 'Submit for validation' }))
    await within(region).findByText('Waiting for validation')
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.search).toBe('?scorer=primary')
    expect(put?.body).toMatchObject({
      version: 0,
      score: 3,
      confidence: 'high',
      justification: 'Binding.',
      answerEvidenceIds: [EVIDENCE],
      sourceAnswerIds: [ANSWER],
    })
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 1 })
    // Submitted: read only, no more Save.
    expect(within(region).queryByRole('button', { name: 'Save draft' })).toBeNull()
  })

  it('asks for the resolution when the sources disagree, and shows which answers', async () => {
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, { data: work({ discrepancy: { kind: 'levels', spread: null, answerIds: [ANSWER] } }) })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    const notice = within(region).getByTestId('discrepancy')
    expect(notice.textContent).toContain('Victim Support NGO: Level 3 · Submitted')
    expect(within(region).getByRole('textbox', { name: /How the disagreement was resolved/ })).toBeTruthy()
    const checklist = within(region).getByTestId('assessment-checklist')
    expect(checklist.textContent).toContain('How the disagreement between the sources was resolved')
  })

  it('on a stale version tells the person and reloads only when asked', async () => {
    let gets = 0
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base) {
        gets++
        return json(200, {
          data: work({
            assessments: [assessment(gets > 1 ? { justification: 'Changed by the lead.', version: 2 } : {})],
          }),
        })
      }
      if (method === 'PUT') return json(409, { error: { code: 'conflict', message: 'changed' }, requestId: 'r1' })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    const user = userEvent.setup()
    const justification = within(region).getByRole('textbox', { name: /^Justification/ })
    await user.type(justification, ' More.')
    await user.click(within(region).getByRole('button', { name: 'Save draft' }))
    const alert = await within(region).findByRole('alert', { name: 'Someone else changed this assessment' })
    expect((justification as HTMLTextAreaElement).value).toContain('More.')
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1)
    await user.click(within(alert).getByRole('button', { name: 'Load the current version' }))
    await vi.waitFor(() =>
      expect((within(region).getByRole('textbox', { name: /^Justification/ }) as HTMLTextAreaElement).value).toBe(
        'Changed by the lead.',
      ),
    )
  })

  it('offers the lead Validate and Return on a submitted assessment', async () => {
    const calls = stub((method, path) => {
      if (method === 'GET' && path === base)
        return json(200, {
          data: work({
            assessments: [assessment({ status: 'submitted', submittedBy: { id: EXPERT, name: 'Stefan Expert' } })],
            abilities: ['assessment.write.primary', 'assessment.review', 'assessment.validate', 'assessment.unlock'],
          }),
        })
      if (method === 'POST' && path === `${base}/return`)
        return json(200, { data: assessment({ status: 'returned', returnComment: 'Add the source.', version: 2 }) })
      return null
    })
    await renderPanel()
    const region = await loadedRegion()
    expect(within(region).getByRole('button', { name: 'Validate' })).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Unlock' })).toBeNull()
    expect(within(region).queryByTestId('cannot-validate')).toBeNull()
    const user = userEvent.setup()
    await user.click(within(region).getByRole('button', { name: 'Return to the expert' }))
    const dialog = await screen.findByRole('dialog', { name: 'Return the assessment' })
    await user.click(within(dialog).getByRole('button', { name: 'Return' }))
    expect(within(dialog).getByText('Say what should be changed.')).toBeTruthy()
    await user.type(within(dialog).getByRole('textbox', { name: /What should be changed/ }), 'Add the source.')
    await user.click(within(dialog).getByRole('button', { name: 'Return' }))
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.search).toBe('?scorer=primary')
    expect(post?.body).toEqual({ version: 1, comment: 'Add the source.' })
    expect(within(region).getByTestId('assessment-status').textContent).toBe('Assessment returned')
  })

  it('tells a lead who submitted the assessment why they cannot validate it', async () => {
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, {
            data: work({
              assessments: [assessment({ status: 'submitted', submittedBy: { id: ME, name: 'Milica Lead' } })],
              abilities: ['assessment.write.primary', 'assessment.review', 'assessment.unlock'],
            }),
          })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    expect(await within(region).findByText(/You submitted this assessment yourself/)).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Validate' })).toBeNull()
    expect(within(region).getByRole('button', { name: 'Return to the expert' })).toBeTruthy()
  })

  it('shows a validated assessment read-only with who validated it, and Unlock only to those who may', async () => {
    const validated = assessment({
      status: 'validated',
      validatedBy: { id: ME, name: 'Milica Lead' },
      validatedAt: '2026-03-05T09:30:00.000Z',
    })
    stub((method, path) =>
      method === 'GET' && path === base
        ? json(200, { data: work({ assessments: [validated], abilities: ['assessment.write.primary'] }) })
        : null,
    )
    await renderPanel()
    const region = await loadedRegion()
    expect(within(region).getByText(/^Validated by Milica Lead on /)).toBeTruthy()
    expect(within(region).getByText(/are locked/)).toBeTruthy()
    expect(within(region).queryByRole('button', { name: 'Save draft' })).toBeNull()
    expect(within(region).queryByRole('button', { name: 'Unlock' })).toBeNull()
    expect(within(region).getByText('Descriptor of level 3')).toBeTruthy()
  })
})

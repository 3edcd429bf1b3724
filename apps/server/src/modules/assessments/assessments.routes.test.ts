import type { NotificationList } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  answerStatus,
  assessingRound,
  assessmentUrl,
  complete,
  coordinator,
  expert,
  indicatorUrl,
  lead,
  ngo,
  ngoProvider,
  pathsOf,
  provide,
  save,
  scoresUrl,
  send,
  step,
  t,
  useAssessmentApp,
  work,
} from '../../../test/assessment-harness.ts'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { addMembership, asUser, buildUser, login } from '../../../test/factories.ts'

useAssessmentApp()

describe('assessing an indicator', () => {
  it('goes from draft to validated with four eyes, locks its sources, and unlocks with a reason', async () => {
    const round = await assessingRound(['IDN-1'])
    const answer = await provide(round, 'IDN-1', ngo, {
      value: { choice: '3' },
      evidence: [{ kind: 'link', title: 'NRM report', url: 'https://example.org/nrm.pdf' }],
    })
    const evidenceId = answer.evidence[0]?.id as string

    const before = await work(round, 'IDN-1', expert.cookie)
    expect(before).toMatchObject({ assessments: [], doubleScoring: false, discrepancy: { kind: 'none' } })
    expect(before.abilities).toEqual(['assessment.write.primary'])

    const draft = await save(round, 'IDN-1', {
      version: 0,
      score: 3,
      justification: 'Binding SOPs, known to the police but not to labour inspectors',
      confidence: 'medium',
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      consolidationNote: 'Only the NGO answered',
    })
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json().data).toMatchObject({
      scorer: 'primary',
      status: 'draft',
      expert: { id: expert.id },
      score: 3,
      normalisedScore: 75,
      value: { choice: '3' },
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      confidence: 'medium',
      version: 1,
    })

    const submitted = await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json().data).toMatchObject({ status: 'submitted', submittedBy: { id: expert.id }, version: 2 })

    // The expert neither returns nor validates; the lead returns it with a comment and the expert is told.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'return', { version: 2, comment: 'x' }, expert.cookie)))
        .statusCode,
    ).toBe(403)
    const returned = await step(round, 'IDN-1', 'return', { version: 2, comment: 'Cite the labour inspection SOP' })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json().data).toMatchObject({ status: 'returned', returnComment: 'Cite the labour inspection SOP' })
    const notices = (await send('GET', '/api/me/notifications', undefined, expert.cookie)).json() as NotificationList
    expect(notices.data.filter((n) => n.kind === 'assessment_returned' && n.round.id === round.id)).toEqual([
      expect.objectContaining({
        indicatorCode: 'IDN-1',
        comment: 'Cite the labour inspection SOP',
        role: 'expert',
        actor: expect.objectContaining({ id: lead.id }),
      }),
    ])

    const fixed = await save(round, 'IDN-1', {
      version: 3,
      score: 2,
      justification: 'Labour inspectors are left out of the SOPs (level 2)',
      confidence: 'high',
      sourceAnswerIds: [answer.id],
      answerEvidenceIds: [evidenceId],
      evidence: [{ kind: 'citation', title: 'SOP on referral', citation: 'Section 4' }],
    })
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json().data).toMatchObject({ status: 'returned', score: 2, normalisedScore: 50, version: 4 })
    expect((await step(round, 'IDN-1', 'submit', { version: 4 }, expert.cookie)).statusCode).toBe(200)

    const seq = await lastAuditSeq(t.db)
    const validated = await step(round, 'IDN-1', 'validate', { version: 5 })
    expect(validated.statusCode, validated.body).toBe(200)
    expect(validated.json().data).toMatchObject({
      status: 'validated',
      validatedBy: { id: lead.id },
      returnComment: null,
      version: 6,
    })
    expect(await answerStatus(answer.id)).toBe('validated')
    expect((await auditRowsAfter(t.db, seq)).map((a) => [a.action, a.summary.after])).toEqual([
      ['assessment.validated', { status: 'validated', score: 2, lockedAnswers: [answer.id] }],
    ])

    // Locked: the assessment and the answers it rests on.
    const edit = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 6, ...complete(4) }))
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.code).toBe('invalid_state')
    const byLead = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 6, ...complete(4) }, lead.cookie))
    expect(byLead.json().error.code).toBe('invalid_state')
    const source = await expectNoChange(t.db, () =>
      send(
        'PUT',
        `${indicatorUrl(round, 'IDN-1')}/answers/${ngo.id}`,
        { version: 3, value: { choice: '4' } },
        ngoProvider,
      ),
    )
    expect(source.statusCode).toBe(409)
    expect(source.json().error.code).toBe('invalid_state')

    // Unlocking needs the lead (or the coordinator) and a reason, which the audit trail keeps.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'unlock', { version: 6, reason: 'x' }, expert.cookie)))
        .statusCode,
    ).toBe(403)
    const noReason = await expectNoChange(t.db, () => step(round, 'IDN-1', 'unlock', { version: 6, reason: ' ' }))
    expect(noReason.statusCode).toBe(400)
    expect(pathsOf(noReason)).toEqual(['body.reason'])
    const unlockSeq = await lastAuditSeq(t.db)
    const unlocked = await step(round, 'IDN-1', 'unlock', { version: 6, reason: 'The ministry sent a new SOP' })
    expect(unlocked.statusCode, unlocked.body).toBe(200)
    expect(unlocked.json().data).toMatchObject({ status: 'submitted', validatedBy: null, validatedAt: null })
    expect(await answerStatus(answer.id)).toBe('submitted')
    expect(await auditRowsAfter(t.db, unlockSeq)).toEqual([
      expect.objectContaining({
        action: 'assessment.unlocked',
        actorId: lead.id,
        subjectType: 'assessment',
        subjectId: unlocked.json().data.id,
        countryCode: 'RS',
        summary: {
          before: { status: 'validated' },
          after: { status: 'submitted', reason: 'The ministry sent a new SOP', unlockedAnswers: [answer.id] },
        },
      }),
    ])
    // Submitted again, it waits for the lead: returned or validated once more, not edited.
    const waiting = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 7, ...complete(4) }))
    expect(waiting.json().error.code).toBe('invalid_state')
    expect((await step(round, 'IDN-1', 'validate', { version: 7 })).statusCode).toBe(200)
  })

  it('shows the work with abilities by role, and keeps it from data providers and other countries', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    expect((await work(round, 'IDN-1', lead.cookie)).abilities).toEqual([
      'assessment.write.primary',
      'assessment.review',
      'assessment.validate',
      'assessment.unlock',
    ])
    const observer = (await asUser(t.app, 'observer', 'RS')).cookie
    const seen = await work(round, 'IDN-1', observer)
    expect(seen.abilities).toEqual([])
    expect(seen.assessments.map((a) => a.score)).toEqual([3])
    expect((await work(round, 'IDN-1', coordinator)).abilities).toEqual(['assessment.unlock'])

    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)]) {
      const res = await send('GET', url, undefined, ngoProvider)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
    const albanian = await asUser(t.app, 'country_lead', 'AL')
    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)])
      expect((await send('GET', url, undefined, albanian.cookie)).statusCode, url).toBe(404)
    const listedNot = await send('GET', assessmentUrl(round, 'IDN-6'))
    expect(listedNot.statusCode).toBe(404)
  })
})

describe('who the assessment belongs to', () => {
  it('follows the assignment: the expert assigned later is told when it comes back, and owns it', async () => {
    const round = await assessingRound(['IDN-1'])
    const assignmentUrl = `/api/rounds/${round.id}/countries/RS/assignments/IDN-1`
    const assignment = (expertId: string | null, version: number) =>
      send('PUT', assignmentUrl, { version, expertId, providers: [], dueOn: null })
    expect((await assignment(null, 1)).statusCode).toBe(200)
    // The lead starts while nobody is assigned, then assigns an expert and submits on their behalf.
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) }, lead.cookie)).json().data.expert).toBeNull()
    const later = await asUser(t.app, 'expert', 'RS')
    expect((await assignment(later.id, 2)).statusCode).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, lead.cookie)).statusCode).toBe(200)
    const otherLead = await asUser(t.app, 'country_lead', 'RS')
    expect(
      (await step(round, 'IDN-1', 'return', { version: 2, comment: 'Level 2?' }, otherLead.cookie)).statusCode,
    ).toBe(200)
    const notices = (await send('GET', '/api/me/notifications', undefined, later.cookie)).json() as NotificationList
    expect(notices.data.map((n) => [n.kind, n.indicatorCode, n.comment])).toContainEqual([
      'assessment_returned',
      'IDN-1',
      'Level 2?',
    ])
    const fixed = await save(round, 'IDN-1', { version: 3, ...complete(2) }, later.cookie)
    expect(fixed.statusCode, fixed.body).toBe(200)
    expect(fixed.json().data.expert).toEqual({ id: later.id, name: later.name })
  })

  it('keeps assessments from a data provider of the country who has another role elsewhere', async () => {
    const round = await assessingRound(['IDN-1'])
    const provider = await buildUser(t.db, { role: 'data_provider', countryCode: 'RS', organisationId: ngo.id })
    await addMembership(t.db, provider.id, { role: 'expert', countryCode: 'AL' })
    const cookie = await login(t.app, provider.email)
    for (const url of [assessmentUrl(round, 'IDN-1'), scoresUrl(round)])
      expect((await send('GET', url, undefined, cookie)).statusCode, url).toBe(404)
  })
})

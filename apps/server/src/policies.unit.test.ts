import type { Role } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import type { Actor } from './actor.ts'
import { ACTIONS, type Action, abilitiesFor, authorize, can, type SubjectOf } from './policies.ts'

const actor = (id: string, memberships: [Role, string | null][]): Actor => ({
  id,
  email: `${id}@example.test`,
  name: id,
  memberships: memberships.map(([role, countryCode]) => ({ role, countryCode, organisationId: null })),
})

/** One actor per role and scope that matters to the rules. */
const ACTORS = {
  admin: actor('admin', [['admin', null]]),
  coordinator: actor('coordinator', [['regional_coordinator', null]]),
  'lead.RS': actor('lead.RS', [['country_lead', 'RS']]),
  'expert.RS': actor('expert.RS', [['expert', 'RS']]),
  'expert.region': actor('expert.region', [['expert', null]]),
  'provider.RS': actor('provider.RS', [['data_provider', 'RS']]),
  'provider.RS.org1': {
    ...actor('provider.RS.org1', []),
    memberships: [{ role: 'data_provider', countryCode: 'RS', organisationId: 'org1' }],
  } satisfies Actor,
  'observer.RS': actor('observer.RS', [['observer', 'RS']]),
  'observer.region': actor('observer.region', [['observer', null]]),
  nobody: actor('nobody', []),
}
type ActorName = keyof typeof ACTORS
const ALL = Object.keys(ACTORS) as ActorName[]
const SEES_RS: ActorName[] = ALL.filter((a) => a !== 'nobody')
const SEES_ALL: ActorName[] = ['admin', 'coordinator', 'expert.region', 'observer.region']

const userSubject = (id: string, memberships: [Role, string | null][]) => ({
  id,
  memberships: memberships.map(([role, countryCode]) => ({ role, countryCode })),
})

interface Case<A extends Action> {
  subject: string
  /** Builds the subject for the actor (some subjects are the actor itself). */
  of: (actor: Actor) => SubjectOf<A>
  allowed: ActorName[]
}
type Table = { [A in Action]: Case<A>[] }

const fixed =
  <T>(value: T) =>
  () =>
    value

const GRANTS = (verb: 'invite' | 'grant'): Case<'user.invite'>[] => [
  { subject: `${verb} expert in RS`, of: fixed({ role: 'expert', countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
  {
    subject: `${verb} country lead in RS`,
    of: fixed({ role: 'country_lead', countryCode: 'RS' }),
    allowed: ['admin', 'lead.RS'],
  },
  {
    subject: `${verb} data provider in RS`,
    of: fixed({ role: 'data_provider', countryCode: 'RS' }),
    allowed: ['admin', 'lead.RS'],
  },
  {
    subject: `${verb} observer in RS`,
    of: fixed({ role: 'observer', countryCode: 'RS' }),
    allowed: ['admin', 'lead.RS'],
  },
  { subject: `${verb} expert in AL`, of: fixed({ role: 'expert', countryCode: 'AL' }), allowed: ['admin'] },
  { subject: `${verb} region-wide expert`, of: fixed({ role: 'expert', countryCode: null }), allowed: ['admin'] },
  {
    subject: `${verb} coordinator`,
    of: fixed({ role: 'regional_coordinator', countryCode: null }),
    allowed: ['admin'],
  },
  { subject: `${verb} admin`, of: fixed({ role: 'admin', countryCode: null }), allowed: ['admin'] },
]

const MANAGE: Case<'user.update'>[] = [
  { subject: 'themselves', of: (a) => ({ id: a.id, memberships: a.memberships }), allowed: [] },
  { subject: 'an RS expert', of: fixed(userSubject('u1', [['expert', 'RS']])), allowed: ['admin', 'lead.RS'] },
  { subject: 'another RS lead', of: fixed(userSubject('u2', [['country_lead', 'RS']])), allowed: ['admin', 'lead.RS'] },
  { subject: 'an AL expert', of: fixed(userSubject('u3', [['expert', 'AL']])), allowed: ['admin'] },
  {
    subject: 'an expert in RS and AL',
    of: fixed(
      userSubject('u4', [
        ['expert', 'RS'],
        ['expert', 'AL'],
      ]),
    ),
    allowed: ['admin'],
  },
  { subject: 'a region-wide observer', of: fixed(userSubject('u5', [['observer', null]])), allowed: ['admin'] },
  { subject: 'an admin', of: fixed(userSubject('u6', [['admin', null]])), allowed: ['admin'] },
  { subject: 'a user without roles', of: fixed(userSubject('u7', [])), allowed: ['admin'] },
]

const TABLE: Table = {
  'audit.read': [
    { subject: 'the log (any scope)', of: fixed(null), allowed: ['admin', 'coordinator', 'lead.RS'] },
    { subject: 'RS events', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'coordinator', 'lead.RS'] },
    { subject: 'AL events', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'coordinator'] },
    { subject: 'events of no country', of: fixed({ countryCode: null }), allowed: ['admin', 'coordinator'] },
  ],
  'country.read': [
    { subject: 'RS', of: fixed({ code: 'RS' }), allowed: SEES_RS },
    { subject: 'AL', of: fixed({ code: 'AL' }), allowed: SEES_ALL },
  ],
  'country.update': [
    { subject: 'RS', of: fixed({ code: 'RS' }), allowed: ['admin'] },
    { subject: 'AL', of: fixed({ code: 'AL' }), allowed: ['admin'] },
  ],
  'framework.read': [{ subject: 'the Handbook', of: fixed(null), allowed: ALL }],
  'framework.edit': [{ subject: 'the Handbook', of: fixed(null), allowed: ['admin', 'coordinator'] }],
  'framework.translate': [{ subject: 'the Handbook', of: fixed(null), allowed: ['admin', 'coordinator'] }],
  'job.read': [
    { subject: 'their own job', of: (a) => ({ createdBy: a.id }), allowed: ALL },
    { subject: "someone else's job", of: fixed({ createdBy: 'someone' }), allowed: ['admin', 'coordinator'] },
    { subject: 'a system job', of: fixed({ createdBy: null }), allowed: ['admin', 'coordinator'] },
  ],
  'adaptation.edit': [
    { subject: 'the RS adaptation', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'coordinator', 'lead.RS'] },
    { subject: 'the AL adaptation', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'coordinator'] },
  ],
  'answer.read': [
    {
      subject: "org1's RS answer",
      of: fixed({ countryCode: 'RS', organisationId: 'org1' }),
      allowed: SEES_RS.filter((a) => a !== 'provider.RS'),
    },
    {
      subject: "org2's RS answer",
      of: fixed({ countryCode: 'RS', organisationId: 'org2' }),
      allowed: SEES_RS.filter((a) => !a.startsWith('provider')),
    },
    { subject: 'an AL answer', of: fixed({ countryCode: 'AL', organisationId: 'org3' }), allowed: SEES_ALL },
  ],
  'answer.write': [
    {
      subject: "org1's RS answer",
      of: fixed({ countryCode: 'RS', organisationId: 'org1' }),
      allowed: ['admin', 'lead.RS', 'provider.RS.org1'],
    },
    { subject: 'an AL answer', of: fixed({ countryCode: 'AL', organisationId: 'org3' }), allowed: ['admin'] },
  ],
  'assessment.read': [
    {
      subject: 'an RS assessment',
      of: fixed({ countryCode: 'RS', expertId: null }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region', 'observer.RS', 'observer.region'],
    },
    {
      subject: 'an AL assessment',
      of: fixed({ countryCode: 'AL', expertId: null }),
      allowed: ['admin', 'coordinator', 'expert.region', 'observer.region'],
    },
  ],
  'assessment.write': [
    {
      subject: 'an RS assessment assigned to expert.RS',
      of: fixed({ countryCode: 'RS', expertId: 'expert.RS' }),
      allowed: ['admin', 'lead.RS', 'expert.RS'],
    },
    {
      subject: 'an RS assessment assigned to the regional expert',
      of: fixed({ countryCode: 'RS', expertId: 'expert.region' }),
      allowed: ['admin', 'lead.RS', 'expert.region'],
    },
    { subject: 'an AL assessment', of: fixed({ countryCode: 'AL', expertId: 'expert.RS' }), allowed: ['admin'] },
  ],
  'assessment.review': [
    { subject: 'an RS assessment', of: fixed({ countryCode: 'RS', expertId: null }), allowed: ['admin', 'lead.RS'] },
  ],
  'assessment.validate': [
    {
      subject: 'an RS assessment submitted by expert.RS',
      of: fixed({ countryCode: 'RS', expertId: 'expert.RS', submittedBy: 'expert.RS' }),
      allowed: ['admin', 'lead.RS'],
    },
    {
      subject: 'an RS assessment the lead submitted',
      of: fixed({ countryCode: 'RS', expertId: 'expert.RS', submittedBy: 'lead.RS' }),
      allowed: ['admin'],
    },
    {
      subject: 'an RS assessment of which the lead is the expert',
      of: fixed({ countryCode: 'RS', expertId: 'lead.RS', submittedBy: 'admin' }),
      allowed: [],
    },
  ],
  'assessment.unlock': [
    {
      subject: 'an RS assessment',
      of: fixed({ countryCode: 'RS', expertId: null }),
      allowed: ['admin', 'coordinator', 'lead.RS'],
    },
  ],
  'recommendation.read': [
    { subject: 'an RS recommendation', of: fixed({ countryCode: 'RS' }), allowed: SEES_RS },
    { subject: 'an AL recommendation', of: fixed({ countryCode: 'AL' }), allowed: SEES_ALL },
  ],
  'recommendation.write': [
    { subject: 'an RS recommendation', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'coordinator', 'lead.RS'] },
    { subject: 'an AL recommendation', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'coordinator'] },
  ],
  'report.readNational': [
    {
      subject: 'the RS national report',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region', 'observer.RS', 'observer.region'],
    },
    { subject: 'the AL national report', of: fixed({ countryCode: 'AL' }), allowed: SEES_ALL },
  ],
  'dashboard.read': [
    {
      subject: 'the dashboards',
      of: fixed(null),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region', 'observer.RS', 'observer.region'],
    },
  ],
  'report.readRegional': [{ subject: 'the regional report', of: fixed(null), allowed: SEES_ALL }],
  'report.publishNational': [
    {
      subject: 'the RS national report',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS'],
    },
    { subject: 'the AL national report', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'coordinator'] },
  ],
  'report.publishRegional': [{ subject: 'the regional report', of: fixed(null), allowed: ['admin', 'coordinator'] }],
  'review.create': [{ subject: 'a new indicator review', of: fixed(null), allowed: ['admin', 'coordinator'] }],
  'review.manage': [
    {
      subject: 'a review expert.RS takes part in',
      of: fixed({ participantUserIds: ['expert.RS'] }),
      allowed: ['admin', 'coordinator'],
    },
  ],
  'review.read': [
    {
      subject: 'a review expert.RS takes part in',
      of: fixed({ participantUserIds: ['expert.RS'] }),
      allowed: ['admin', 'coordinator', 'expert.RS'],
    },
    {
      subject: 'a review without participants',
      of: fixed({ participantUserIds: [] }),
      allowed: ['admin', 'coordinator'],
    },
  ],
  'review.respond': [
    {
      subject: 'a review expert.RS and the coordinator take part in',
      of: fixed({ participantUserIds: ['expert.RS', 'coordinator'] }),
      allowed: ['coordinator', 'expert.RS'],
    },
    { subject: 'a review without participants', of: fixed({ participantUserIds: [] }), allowed: [] },
  ],
  'comment.read': [
    {
      subject: 'an RS thread',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region', 'observer.RS', 'observer.region'],
    },
  ],
  'comment.write': [
    {
      subject: 'an RS thread',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region'],
    },
  ],
  'comment.resolve': [
    {
      subject: "expert.RS's RS comment",
      of: fixed({ countryCode: 'RS', authorId: 'expert.RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS'],
    },
  ],
  'narrative.write': [
    {
      subject: 'an RS finding',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'coordinator', 'lead.RS', 'expert.RS', 'expert.region'],
    },
  ],
  'answer.return': [
    {
      subject: 'an RS answer',
      of: fixed({ countryCode: 'RS', organisationId: 'org1' }),
      allowed: ['admin', 'lead.RS', 'expert.RS', 'expert.region'],
    },
    {
      subject: 'an AL answer',
      of: fixed({ countryCode: 'AL', organisationId: 'org3' }),
      allowed: ['admin', 'expert.region'],
    },
  ],
  'file.upload': [
    {
      subject: 'an RS file',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'lead.RS', 'expert.RS', 'expert.region', 'provider.RS', 'provider.RS.org1'],
    },
    { subject: 'an AL file', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'expert.region'] },
  ],
  'file.read': [
    {
      subject: "org1's RS file",
      of: fixed({ countryCode: 'RS', organisationId: 'org1' }),
      allowed: SEES_RS.filter((a) => a !== 'provider.RS'),
    },
    {
      subject: 'an RS file of no organisation',
      of: fixed({ countryCode: 'RS', organisationId: null }),
      allowed: SEES_RS.filter((a) => !a.startsWith('provider')),
    },
  ],
  'round.read': [
    { subject: 'a round with RS', of: fixed({ countries: ['RS', 'AL'] }), allowed: SEES_RS },
    { subject: 'a round without RS', of: fixed({ countries: ['AL', 'ME'] }), allowed: SEES_ALL },
  ],
  'round.manage': [{ subject: 'rounds', of: fixed(null), allowed: ['admin', 'coordinator'] }],
  'round.moveBack': [{ subject: 'a round', of: fixed({ countries: ['RS'] }), allowed: ['admin', 'coordinator'] }],
  'roundCountry.read': [
    {
      subject: 'RS in a round with RS',
      of: fixed({ round: { countries: ['RS'] }, countryCode: 'RS' }),
      allowed: SEES_RS,
    },
    {
      subject: 'AL in a round with AL',
      of: fixed({ round: { countries: ['RS', 'AL'] }, countryCode: 'AL' }),
      allowed: SEES_ALL,
    },
    {
      subject: 'RS in a round without RS',
      of: fixed({ round: { countries: ['AL'] }, countryCode: 'RS' }),
      allowed: [],
    },
  ],
  'assignment.edit': [
    { subject: 'RS assignments', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
    { subject: 'AL assignments', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'round.remind': [
    { subject: 'people late in RS', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'coordinator', 'lead.RS'] },
    { subject: 'people late in AL', of: fixed({ countryCode: 'AL' }), allowed: ['admin', 'coordinator'] },
  ],
  'template.use': [
    {
      subject: 'RS templates',
      of: fixed({ countryCode: 'RS' }),
      allowed: ['admin', 'lead.RS', 'provider.RS', 'provider.RS.org1'],
    },
    { subject: 'AL templates', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'importBatch.read': [
    { subject: 'RS import batches', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
    { subject: 'AL import batches', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'importBatch.revert': [
    { subject: 'an RS import batch', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
    { subject: 'an AL import batch', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'organisation.read': [
    { subject: 'an RS organisation', of: fixed({ countryCode: 'RS' }), allowed: SEES_RS },
    { subject: 'an AL organisation', of: fixed({ countryCode: 'AL' }), allowed: SEES_ALL },
  ],
  'organisation.create': [
    { subject: 'an RS organisation', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
    { subject: 'an AL organisation', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'organisation.update': [
    { subject: 'an RS organisation', of: fixed({ countryCode: 'RS' }), allowed: ['admin', 'lead.RS'] },
    { subject: 'an AL organisation', of: fixed({ countryCode: 'AL' }), allowed: ['admin'] },
  ],
  'user.list': [{ subject: 'users', of: fixed(null), allowed: ['admin', 'coordinator', 'lead.RS'] }],
  'user.read': [
    { subject: 'themselves', of: (a) => ({ id: a.id, memberships: a.memberships }), allowed: ALL },
    {
      subject: 'an RS expert',
      of: fixed(userSubject('u1', [['expert', 'RS']])),
      allowed: ['admin', 'coordinator', 'lead.RS'],
    },
    {
      subject: 'an expert in RS and AL',
      of: fixed(
        userSubject('u4', [
          ['expert', 'RS'],
          ['expert', 'AL'],
        ]),
      ),
      allowed: ['admin', 'coordinator', 'lead.RS'],
    },
    { subject: 'an AL expert', of: fixed(userSubject('u3', [['expert', 'AL']])), allowed: ['admin', 'coordinator'] },
    { subject: 'a user without roles', of: fixed(userSubject('u7', [])), allowed: ['admin', 'coordinator'] },
  ],
  'user.invite': GRANTS('invite'),
  'user.update': MANAGE,
  'user.resetPassword': MANAGE,
  'membership.create': GRANTS('grant'),
  'membership.delete': GRANTS('grant'),
}

describe('policies', () => {
  it('the table covers every action in the policy maps', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort())
  })

  for (const action of ACTIONS) {
    describe(action, () => {
      // A new action without rows fails the coverage test above, not here.
      const cases = (TABLE[action] ?? []) as Case<Action>[]
      const rows = cases.flatMap((c) => ALL.map((name) => ({ ...c, name, expected: c.allowed.includes(name) })))
      it.each(rows)('$name on $subject: $expected', ({ of, name, expected }) => {
        const who = ACTORS[name]
        expect(can(who, action, of(who) as never)).toBe(expected)
      })
    })
  }

  it('authorize throws forbidden exactly when can() is false', () => {
    expect(() => authorize(ACTORS['expert.RS'], 'user.list', null)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    )
    expect(() => authorize(ACTORS.admin, 'user.list', null)).not.toThrow()
  })

  it('abilitiesFor lists only the allowed actions', () => {
    const org = { countryCode: 'RS' }
    expect(abilitiesFor(ACTORS['lead.RS'], ['organisation.read', 'organisation.update'], org)).toEqual([
      'organisation.read',
      'organisation.update',
    ])
    expect(abilitiesFor(ACTORS['expert.RS'], ['organisation.read', 'organisation.update'], org)).toEqual([
      'organisation.read',
    ])
  })
})

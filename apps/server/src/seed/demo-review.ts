import {
  CreateReviewBodySchema,
  type IndicatorDoc,
  median,
  type ParticipantRole,
  REVIEW_CRITERIA,
  type ReviewCriterion,
  type ReviewProposal,
  type Topic,
} from '@thbm/shared'
import type { RequestContext } from '../actor.ts'
import { toJson } from '../db/portable.ts'
import type { Trx } from '../db/transaction.ts'
import { newId } from '../ids.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'
import { loadVersion } from '../modules/frameworks/frameworks.queries.ts'
import { decisionConflicts } from '../modules/reviews/decisions.ts'
import { generateDraft } from '../modules/reviews/generate-draft.ts'
import { addParticipant } from '../modules/reviews/participants.ts'
import { closeReview, closeRound, openRound } from '../modules/reviews/review-rounds.ts'
import { type LoadedReview, loadReview } from '../modules/reviews/reviews.queries.ts'
import { createReview } from '../modules/reviews/write-review.ts'
import { randomFor } from './demo-values.ts'

/** The label of the draft Handbook version the demo review makes. */
export const DEMO_REVIEW_DRAFT_LABEL = '2026.2'

interface Reviewer {
  email: string
  /** Set for demo reviewers created here; demo accounts of demo-accounts.ts have theirs. */
  name?: string
  country: string
  role: ParticipantRole
  named?: boolean
}

/**
 * Two participants per country. Demo accounts take part for Albania and Serbia; the other countries have demo
 * reviewers created here (experts of their country, marked as demo users, not listed on the sign-in page).
 */
const REVIEWERS: Reviewer[] = [
  { email: 'lead.al@example.org', country: 'AL', role: 'rapporteur', named: true },
  { email: 'expert.al@example.org', country: 'AL', role: 'ngo_expert' },
  { email: 'reviewer1.ba@example.org', name: 'Amra Rapporteur (demo)', country: 'BA', role: 'rapporteur' },
  { email: 'reviewer2.ba@example.org', name: 'Emir NGO Expert (demo)', country: 'BA', role: 'ngo_expert' },
  { email: 'reviewer1.xk@example.org', name: 'Drita Coordinator (demo)', country: 'XK', role: 'coordinator' },
  { email: 'reviewer2.xk@example.org', name: 'Besnik NGO Expert (demo)', country: 'XK', role: 'ngo_expert' },
  { email: 'reviewer1.me@example.org', name: 'Jovana Rapporteur (demo)', country: 'ME', role: 'rapporteur' },
  {
    email: 'reviewer2.me@example.org',
    name: 'Marko Institution Expert (demo)',
    country: 'ME',
    role: 'institution_expert',
    named: true,
  },
  { email: 'reviewer1.mk@example.org', name: 'Elena Coordinator (demo)', country: 'MK', role: 'coordinator' },
  { email: 'reviewer2.mk@example.org', name: 'Goran NGO Expert (demo)', country: 'MK', role: 'ngo_expert' },
  { email: 'lead.rs@example.org', country: 'RS', role: 'coordinator' },
  { email: 'expert.rs@example.org', country: 'RS', role: 'institution_expert', named: true },
]

type Plan =
  | { decision: 'merge'; into: string; why: string }
  | { decision: 'drop'; why: string }
  | { decision: 'reword'; title: string; why: string }
  | { decision: 'move'; to: Topic; why: string }

/** What the demo review decides beyond "keep" (the ratings are made to lean the same way). */
const PLAN: Record<string, Plan> = {
  'IDN-3': { decision: 'merge', into: 'IDN-4', why: 'Referrals are a breakdown of presumed victims in IDN-4.' },
  'CMP-4': { decision: 'merge', into: 'CMP-3', why: 'Payment can be reported with the awards of CMP-3.' },
  'AST-6': { decision: 'merge', into: 'COR-7', why: 'Both measure public funding of the same services.' },
  'PRV-6': { decision: 'drop', why: 'Budget execution data is rarely published in time.' },
  'VUL-5': { decision: 'drop', why: 'No country records ICT-facilitated cases separately yet.' },
  'LAB-6': { decision: 'drop', why: 'Recovered wages are not recorded by any institution.' },
  'JUS-6': { decision: 'drop', why: 'Confiscation figures do not separate trafficking cases.' },
  'COR-5': {
    decision: 'reword',
    title: 'Follow-up of monitoring recommendations',
    why: 'Participants read it as any recommendation.',
  },
  'IDN-5': {
    decision: 'reword',
    title: 'Time from referral to the identification decision',
    why: 'The starting point was unclear.',
  },
  'COR-6': { decision: 'move', to: 'data', why: 'Belongs with the thematic module on data.' },
  'RES-1': { decision: 'move', to: 'residence_return', why: 'Relevant mainly in thematic rounds on residence.' },
}

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)))

/** The mean rating the group leans to, per criterion, given the indicator and what the review will decide. */
function lean(ind: IndicatorDoc, criterion: ReviewCriterion): number {
  const plan = PLAN[ind.code]
  const counted = ['count', 'percentage', 'amount'].includes(ind.measurement.type)
  const base = {
    significance: ind.core ? 4.3 : 3.6,
    feasibility: counted ? 3.1 : 4,
    clarity: 3.9,
    relevance: 3.8,
  }[criterion]
  if (plan?.decision === 'drop') return criterion === 'significance' || criterion === 'feasibility' ? 1.9 : base - 0.8
  if (plan?.decision === 'merge' && criterion === 'significance') return 3
  if (plan?.decision === 'reword' && criterion === 'clarity') return 2.3
  if (plan?.decision === 'move' && criterion === 'relevance') return 2.8
  return base
}

function plannedProposal(code: string): Pick<Row, 'proposal' | 'mergeInto' | 'moveTo'> {
  const plan = PLAN[code]
  if (!plan) return { proposal: 'keep', mergeInto: null, moveTo: null }
  return {
    proposal: plan.decision,
    mergeInto: plan.decision === 'merge' ? plan.into : null,
    moveTo: plan.decision === 'move' ? plan.to : null,
  }
}

interface Row {
  participantId: string
  code: string
  ratings: Partial<Record<ReviewCriterion, number>>
  proposal: ReviewProposal
  mergeInto: string | null
  moveTo: Topic | null
  comment: string | null
}

/** Round 1: independent ratings around the lean; most participants propose what the review will decide. */
function firstRound(participants: string[], indicators: IndicatorDoc[]): Row[] {
  const rows: Row[] = []
  for (const [n, participantId] of participants.entries())
    for (const ind of indicators) {
      const rnd = randomFor(`review/1/${n}/${ind.code}`)
      if (rnd() < 0.04) continue
      const ratings = Object.fromEntries(
        REVIEW_CRITERIA.map((c) => [c, clamp(lean(ind, c) + (rnd() - 0.5) * 2.6)]),
      ) as Row['ratings']
      const roll = rnd()
      const proposal: Pick<Row, 'proposal' | 'mergeInto' | 'moveTo'> = PLAN[ind.code]
        ? roll < 0.65
          ? plannedProposal(ind.code)
          : { proposal: 'keep', mergeInto: null, moveTo: null }
        : { proposal: roll < 0.9 ? 'keep' : 'reword', mergeInto: null, moveTo: null }
      const comment = PLAN[ind.code] && n === 0 ? `Demo data: ${(PLAN[ind.code] as Plan).why}` : null
      rows.push({ participantId, code: ind.code, ratings, ...proposal, comment })
    }
  return rows
}

/** Round 2: having seen the group's medians, participants move toward them and toward the common proposal. */
function secondRound(first: Row[]): Row[] {
  return first.map((row, i) => {
    const rnd = randomFor(`review/2/${i}/${row.code}`)
    const group = first.filter((r) => r.code === row.code)
    const ratings = Object.fromEntries(
      REVIEW_CRITERIA.map((c) => {
        const own = row.ratings[c] as number
        const med = median(group.map((r) => r.ratings[c] as number)) ?? own
        const moves = Math.abs(med - own) >= 1 && rnd() < 0.6
        return [c, moves ? own + Math.sign(med - own) : own]
      }),
    ) as Row['ratings']
    const proposal = PLAN[row.code] && rnd() < 0.8 ? plannedProposal(row.code) : row
    return { ...row, ratings, proposal: proposal.proposal, mergeInto: proposal.mergeInto, moveTo: proposal.moveTo }
  })
}

async function insertResponses(trx: Trx, reviewId: string, round: number, rows: Row[], at: string) {
  const values = rows.map((r) => ({
    id: newId(),
    reviewId,
    participantId: r.participantId,
    round,
    indicatorCode: r.code,
    ratings: toJson(r.ratings),
    proposal: r.proposal,
    mergeInto: r.mergeInto,
    moveTo: r.moveTo,
    comment: r.comment,
    updatedAt: at,
    version: 1,
  }))
  for (let i = 0; i < values.length; i += 100)
    await trx
      .insertInto('reviewResponses')
      .values(values.slice(i, i + 100))
      .execute()
}

/** Demo reviewers of the countries without demo accounts: experts of their country, marked as demo users. */
async function seedReviewers(trx: Trx, users: Map<string, string>, passwordHash: string, at: string) {
  const system = { actor: null, requestId: 'seed:demo' }
  for (const r of REVIEWERS) {
    if (!r.name || users.has(r.email)) continue
    const id = newId()
    users.set(r.email, id)
    await trx
      .insertInto('users')
      .values({
        id,
        email: r.email,
        name: r.name,
        passwordHash,
        locale: null,
        active: 1,
        isDemo: 1,
        version: 1,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: null,
      })
      .execute()
    await trx
      .insertInto('memberships')
      .values({ id: newId(), userId: id, role: 'expert', countryCode: r.country, organisationId: null, createdAt: at })
      .execute()
    await recordAudit(trx, system, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: id,
      countryCode: r.country,
      after: { email: r.email, role: 'expert', countryCode: r.country, demo: true },
    })
  }
}

/**
 * A finished demo indicator review of the demo Handbook: two participants from each of the six countries, two closed
 * Delphi rounds (ratings converge in round 2), a decision on every indicator (merges, drops, rewordings, moves) and
 * the draft of the next Handbook version made from them. Responses are inserted in bulk; the rest goes through the
 * review commands, so the audit trail and the Handbook lineage are as in real use.
 */
export async function seedDemoReview(
  trx: Trx,
  ctx: { versionId: string; users: Map<string, string>; passwordHash: string },
): Promise<void> {
  const at = (date: string) => `${date}T09:00:00.000Z`
  await seedReviewers(trx, ctx.users, ctx.passwordHash, at('2026-01-10'))
  const coordinatorId = ctx.users.get('coordinator@example.org')
  const req: RequestContext = {
    actor: coordinatorId ? { id: coordinatorId, email: 'coordinator@example.org', name: '', memberships: [] } : null,
    requestId: 'seed:demo',
  }
  const body = CreateReviewBodySchema.parse({
    frameworkVersionId: ctx.versionId,
    title: 'Handbook review 2026 (demo)',
    description:
      'Demo data: a review of every indicator by rapporteurs, coordinators and experts of the six countries.',
    schedule: ['2026-02-15', '2026-03-15'],
  })
  const id = await createReview(trx, req, body)
  const load = async () => (await loadReview(trx, id)) as LoadedReview
  for (const r of REVIEWERS) {
    const userId = ctx.users.get(r.email)
    if (userId) await addParticipant(trx, req, await load(), { userId, countryCode: r.country, role: r.role })
  }
  await trx
    .updateTable('reviewParticipants')
    .set({ named: 1 })
    .where('reviewId', '=', id)
    .where(
      'userId',
      'in',
      REVIEWERS.filter((r) => r.named).map((r) => ctx.users.get(r.email) ?? ''),
    )
    .execute()
  const version = await loadVersion(trx, ctx.versionId)
  const participants = (await load()).participants.map((p) => p.id)

  await openRound(trx, req, await load(), { version: 1 })
  const first = firstRound(participants, version.indicators)
  await insertResponses(trx, id, 1, first, at('2026-02-10'))
  await closeRound(trx, req, await load(), 2)
  await openRound(trx, req, await load(), { version: 3 })
  await insertResponses(trx, id, 2, secondRound(first), at('2026-03-10'))
  await closeReview(trx, req, await load(), 4)

  const decisions = version.indicators.map((ind) => {
    const plan = PLAN[ind.code]
    return {
      reviewId: id,
      indicatorCode: ind.code,
      decision: (plan?.decision ?? 'keep') as ReviewProposal,
      mergeInto: plan?.decision === 'merge' ? plan.into : null,
      newTitle: plan?.decision === 'reword' ? toJson({ en: plan.title }) : null,
      moveTo: plan?.decision === 'move' ? plan.to : null,
      rationale: plan ? `Demo data: ${plan.why}` : '',
      decidedBy: coordinatorId ?? null,
      decidedAt: at('2026-03-20'),
      version: 1,
    }
  })
  const conflicts = decisionConflicts(new Map(decisions.map((d) => [d.indicatorCode, d])))
  if (conflicts.length) throw new Error(`Demo review decisions conflict: ${conflicts.map((c) => c.message)}`)
  await trx.insertInto('reviewDecisions').values(decisions).execute()
  await generateDraft(trx, req, await load(), DEMO_REVIEW_DRAFT_LABEL)

  await trx
    .updateTable('reviews')
    .set({
      createdAt: at('2026-01-12'),
      rounds: toJson([
        { number: 1, openedAt: at('2026-01-20'), closedAt: at('2026-02-16') },
        { number: 2, openedAt: at('2026-02-23'), closedAt: at('2026-03-16') },
      ]),
    })
    .where('id', '=', id)
    .execute()
}

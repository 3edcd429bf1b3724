import { CreateRoundBodySchema, type RoundFocus } from '@thbm/shared'
import type { Trx } from '../db/transaction.ts'
import { newId, nowIso } from '../ids.ts'
import { loadVersion } from '../modules/frameworks/frameworks.queries.ts'
import { createRound } from '../modules/rounds/create-round.ts'
import { seedDemoAssessments, seedDemoRecommendations } from './demo-follow-up.ts'
import { seedDemoPublications } from './demo-publications.ts'
import { demoValue, randomFor } from './demo-values.ts'

const COUNTRIES = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS']
const PAST: { year: number; focus: RoundFocus }[] = [
  { year: 2023, focus: 'identification' },
  { year: 2024, focus: 'child_trafficking' },
  { year: 2025, focus: 'labour_exploitation' },
]
const system = { actor: null, requestId: 'seed:demo' }

interface DemoContext {
  versionId: string
  /** Demo organisations by key, e.g. `rs-ngo`. */
  orgs: Map<string, string>
  /** Demo users by email. */
  users: Map<string, string>
}

async function insertAnswer(
  trx: Trx,
  input: {
    roundId: string
    country: string
    code: string
    orgId: string
    status: string
    userId: string | null
    at: string
    value: ReturnType<typeof demoValue>
  },
) {
  const id = newId()
  const { value } = input
  await trx
    .insertInto('answers')
    .values({
      id,
      roundId: input.roundId,
      countryCode: input.country,
      indicatorCode: input.code,
      organisationId: input.orgId,
      status: input.status,
      noData: 0,
      noDataReason: null,
      valueChoice: value.choice,
      valueNumber: value.number,
      valueNumerator: value.numerator,
      valueDenominator: value.denominator,
      valueText: value.text,
      narrative: 'Demo data: invented figures for demonstration only.',
      partsExplanation: null,
      changeComment: input.status === 'submitted' ? 'Demo data.' : null,
      returnComment: null,
      importBatchId: null,
      createdAt: input.at,
      updatedAt: input.at,
      updatedBy: input.userId,
      submittedAt: input.status === 'submitted' ? input.at : null,
      submittedBy: input.status === 'submitted' ? input.userId : null,
      version: 1,
    })
    .execute()
  if (value.cells.length)
    await trx
      .insertInto('answerCells')
      .values(value.cells.map((c) => ({ answerId: id, cellKey: c.key, value: c.value })))
      .execute()
}

async function planRound(trx: Trx, ctx: DemoContext, year: number, focus: RoundFocus): Promise<string> {
  const body = CreateRoundBodySchema.parse({
    name: `Monitoring ${year} (demo)`,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    frameworkVersionId: ctx.versionId,
    countries: COUNTRIES,
    focus,
    milestones: {
      collectionClosesOn: `${year + 1}-03-31`,
      reviewClosesOn: `${year + 1}-05-31`,
      publicationOn: `${year + 1}-06-30`,
    },
  })
  return createRound(trx, system, body)
}

/**
 * Demo monitoring rounds on the default Handbook: three past yearly rounds (2023, 2024, 2025; the 2025 round on labour
 * exploitation) with answers from a government body and an NGO in every country, validated assessments, and
 * recommendations followed up across the years; and an open 2026 round in collection
 * with assignments and partial progress (some of it late). All of it is labelled as demo data.
 */
export async function seedDemoRounds(trx: Trx, ctx: DemoContext): Promise<void> {
  const version = await loadVersion(trx, ctx.versionId)
  const byCode = new Map(version.indicators.map((i) => [i.code, i]))
  const past: { year: number; id: string }[] = []
  const people = {
    expert: (country: string) => ctx.users.get(`expert.${country.toLowerCase()}@example.org`) ?? null,
    validator: (country: string) =>
      ctx.users.get(`lead.${country.toLowerCase()}@example.org`) ?? ctx.users.get('admin@example.org') ?? null,
  }
  for (const { year, focus } of PAST) {
    const roundId = await planRound(trx, ctx, year, focus)
    past.push({ year, id: roundId })
    const list = await trx
      .selectFrom('roundIndicators')
      .select(['countryCode', 'indicatorCode'])
      .where('roundId', '=', roundId)
      .execute()
    for (const item of list) {
      const ind = byCode.get(item.indicatorCode)
      if (!ind) continue
      for (const source of ['government', 'ngo'] as const) {
        const orgId = ctx.orgs.get(`${item.countryCode.toLowerCase()}-${source === 'ngo' ? 'ngo' : 'gov'}`) as string
        const value = demoValue(ind, item.countryCode, year, source)
        await insertAnswer(trx, {
          roundId,
          country: item.countryCode,
          code: ind.code,
          orgId,
          status: 'submitted',
          userId: null,
          at: `${year + 1}-02-15T10:00:00.000Z`,
          value,
        })
      }
    }
    await seedDemoAssessments(trx, roundId, year, byCode, people)
    await trx
      .updateTable('rounds')
      .set({ status: 'published', updatedAt: nowIso(), version: 4 })
      .where('id', '=', roundId)
      .execute()
  }
  await seedDemoRecommendations(trx, past, COUNTRIES, ctx.users.get('coordinator@example.org') ?? null)
  await seedDemoPublications(trx, past, COUNTRIES)
  await seedOpenRound(trx, ctx, byCode)
}

async function seedOpenRound(
  trx: Trx,
  ctx: DemoContext,
  byCode: Map<string, Parameters<typeof demoValue>[0]>,
): Promise<void> {
  const roundId = await planRound(trx, ctx, 2026, 'prevention')
  await trx.updateTable('rounds').set({ status: 'collecting', version: 2 }).where('id', '=', roundId).execute()
  const list = await trx
    .selectFrom('roundIndicators')
    .select(['countryCode', 'indicatorCode'])
    .where('roundId', '=', roundId)
    .orderBy('position')
    .execute()
  const now = nowIso()
  for (const [i, item] of list.entries()) {
    const country = item.countryCode.toLowerCase()
    const expert = ctx.users.get(`expert.${country}@example.org`) ?? null
    const gov = ctx.orgs.get(`${country}-gov`) as string
    const ngo = ctx.orgs.get(`${country}-ngo`) as string
    const assignmentId = newId()
    const dueOn = i % 2 === 0 ? '2026-10-31' : '2026-12-15'
    await trx
      .insertInto('assignments')
      .values({
        id: assignmentId,
        roundId,
        countryCode: item.countryCode,
        indicatorCode: item.indicatorCode,
        expertId: expert,
        dueOn,
        updatedAt: now,
        version: 1,
      })
      .execute()
    const ngoUser = item.countryCode === 'RS' ? (ctx.users.get('provider.rs@example.org') ?? null) : null
    await trx
      .insertInto('assignmentProviders')
      .values([
        { assignmentId, organisationId: gov, userId: null },
        { assignmentId, organisationId: ngo, userId: ngoUser },
      ])
      .execute()
    const ind = byCode.get(item.indicatorCode)
    if (!ind) continue
    const roll = randomFor(`open/${item.countryCode}/${item.indicatorCode}`)()
    const progress = item.countryCode === 'RS' || item.countryCode === 'AL' ? 0.55 : 0.3
    if (roll < progress) {
      const status = roll < progress * 0.6 ? 'submitted' : 'draft'
      await insertAnswer(trx, {
        roundId,
        country: item.countryCode,
        code: ind.code,
        orgId: ngo,
        status,
        userId: ngoUser,
        at: now,
        value: demoValue(ind, item.countryCode, 2026, 'ngo'),
      })
      if (roll < progress * 0.3) {
        await insertAnswer(trx, {
          roundId,
          country: item.countryCode,
          code: ind.code,
          orgId: gov,
          status: 'submitted',
          userId: null,
          at: now,
          value: demoValue(ind, item.countryCode, 2026, 'government'),
        })
      }
    }
  }
}

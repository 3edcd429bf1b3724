import {
  type FollowUpStatus,
  type IndicatorDoc,
  normaliseScore,
  type RecommendationPriority,
  rawScoreOf,
  SaveAssessmentBodySchema,
} from '@thbm/shared'
import { toJson } from '../db/portable.ts'
import type { Trx } from '../db/transaction.ts'
import { newId } from '../ids.ts'
import { randomFor } from './demo-values.ts'

const YPN_LEVEL: Record<string, number> = { no: 0, partial: 1, yes: 2 }

/**
 * Validated assessments for every indicator of a past demo round: the institution's answer as the consolidated value,
 * its level as the score, both sources linked, and the source answers locked. Labelled as demo data.
 */
export async function seedDemoAssessments(
  trx: Trx,
  roundId: string,
  year: number,
  byCode: Map<string, IndicatorDoc>,
  people: { expert: (country: string) => string | null; validator: (country: string) => string | null },
): Promise<void> {
  const answers = await trx.selectFrom('answers').selectAll().where('roundId', '=', roundId).execute()
  const at = `${year + 1}-04-20T10:00:00.000Z`
  const groups = new Map<string, typeof answers>()
  for (const a of answers) {
    const key = `${a.countryCode}|${a.indicatorCode}`
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  for (const [key, sources] of groups) {
    const [country = '', code = ''] = key.split('|')
    const ind = byCode.get(code)
    const main = sources[0]
    if (!ind || !main) continue
    const value = {
      choice: main.valueChoice,
      number: main.valueNumber,
      numerator: main.valueNumerator,
      denominator: main.valueDenominator,
      text: main.valueText,
    }
    const m = ind.measurement.type
    const score =
      m === 'rubric' && main.valueChoice !== null
        ? Number(main.valueChoice)
        : m === 'yes_partial_no' && main.valueChoice !== null
          ? (YPN_LEVEL[main.valueChoice] ?? null)
          : null
    const body = SaveAssessmentBodySchema.parse({ version: 0, value, score })
    const raw = rawScoreOf(ind, body)
    await trx
      .insertInto('assessments')
      .values({
        id: newId(),
        roundId,
        countryCode: country,
        indicatorCode: code,
        scorer: 'primary',
        expertId: people.expert(country),
        status: 'validated',
        noData: 0,
        noDataReason: null,
        value: toJson(value),
        sourceAnswerIds: toJson(sources.map((s) => s.id)),
        consolidationNote: 'Demo data: the institution’s figures, checked against the NGO’s answer.',
        score,
        normalisedScore: raw === null ? null : normaliseScore(ind.measurement, raw),
        justification: 'Demo data: an invented justification for demonstration only.',
        answerEvidenceIds: toJson([]),
        evidence: toJson([]),
        confidence: 'medium',
        dataGaps: null,
        discrepancyResolution: 'Demo data: where the sources differ, the institution’s documented figure was kept.',
        returnComment: null,
        submittedAt: at,
        submittedBy: people.expert(country),
        validatedAt: at,
        validatedBy: people.validator(country),
        createdAt: at,
        updatedAt: at,
        updatedBy: people.expert(country),
        version: 3,
      })
      .execute()
  }
  await trx.updateTable('answers').set({ status: 'validated' }).where('roundId', '=', roundId).execute()
}

const DEMO_RECOMMENDATIONS: { area: string; priority: RecommendationPriority; text: string; institution: string }[] = [
  {
    area: 'IDN',
    priority: 'urgent',
    text: 'Adopt standard operating procedures for the identification of victims and train front-line staff in their use.',
    institution: 'Ministry of the Interior',
  },
  {
    area: 'AST',
    priority: 'necessary',
    text: 'Fund specialised shelters through multi-annual contracts with the NGOs that run them.',
    institution: 'Ministry of Social Affairs',
  },
  {
    area: 'CMP',
    priority: 'encouraged',
    text: 'Set up a state compensation fund that victims can reach without a conviction of the offender.',
    institution: 'Ministry of Justice',
  },
  {
    area: 'LAB',
    priority: 'urgent',
    text: 'Give labour inspectors a mandate and training to detect forced labour in agriculture and construction.',
    institution: 'Labour Inspectorate',
  },
  {
    area: 'CHD',
    priority: 'necessary',
    text: 'Appoint a guardian for every unaccompanied or separated child within 24 hours of identification.',
    institution: 'Centres for Social Work',
  },
]

/** Statuses that improve over the years, at a pace that differs by country (deterministic). */
function statusFor(country: string, index: number, step: number): FollowUpStatus {
  const r = randomFor(`${country}:${index}`)()
  const progress = step + (r > 0.6 ? 1 : 0) - (r < 0.2 ? 1 : 0)
  if (progress <= 0) return 'not_implemented'
  if (progress === 1) return 'partially_implemented'
  return 'fully_implemented'
}

/**
 * Demo recommendations and their follow-up: three issued in 2023 in every country, followed up in 2024 and 2025 with
 * statuses that change; one more in 2024 and in 2025, followed up in the later round. Labelled as demo data.
 */
export async function seedDemoRecommendations(
  trx: Trx,
  rounds: { year: number; id: string }[],
  countries: string[],
  author: string | null,
): Promise<void> {
  const issue = [
    { year: 2023, items: [0, 1, 2] },
    { year: 2024, items: [3] },
    { year: 2025, items: [4] },
  ]
  for (const country of countries) {
    for (const { year, items } of issue) {
      const round = rounds.find((r) => r.year === year)
      if (!round) continue
      for (const index of items) {
        const rec = DEMO_RECOMMENDATIONS[index]
        if (!rec) continue
        const id = newId()
        const at = `${year + 1}-05-15T10:00:00.000Z`
        await trx
          .insertInto('recommendations')
          .values({
            id,
            countryCode: country,
            issuedRoundId: round.id,
            text: `${rec.text} (Demo data.)`,
            institutions: toJson([rec.institution]),
            areaCodes: toJson([rec.area]),
            indicatorCodes: toJson([]),
            priority: rec.priority,
            source: 'monitoring',
            createdBy: author,
            createdAt: at,
            updatedAt: at,
            version: 1,
          })
          .execute()
        let closed = false
        for (const later of rounds.filter((r) => r.year > year).sort((a, b) => a.year - b.year)) {
          if (closed) break
          const status = statusFor(country, index, later.year - year - (index === 0 ? 0 : 1))
          await trx
            .insertInto('followUps')
            .values({
              id: newId(),
              recommendationId: id,
              roundId: later.id,
              status,
              comment: 'Demo data: an invented follow-up for demonstration only.',
              evidence: toJson([]),
              response: null,
              updatedBy: author,
              updatedAt: `${later.year + 1}-05-10T10:00:00.000Z`,
              version: 1,
            })
            .execute()
          closed = status === 'fully_implemented'
        }
      }
    }
  }
}

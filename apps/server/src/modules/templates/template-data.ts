import { RoundOptionsSchema } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { forbidden, notFound } from '../../errors.ts'
import { can } from '../../policies.ts'
import type { AnswerContext } from '../answers/answer-context.ts'
import { answerBody } from '../answers/answers.queries.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { answerKey, type TemplateAnswer, type TemplateModel } from './template-rows.ts'

type Db = Database | Trx

/**
 * The answer context of every indicator in a country's list for the round, in list order, loading the framework
 * version once (loadAnswerContext does the same for one indicator).
 */
export async function loadCountryContexts(
  db: Db,
  round: LoadedRound,
  countryCode: string,
): Promise<{ contexts: Map<string, AnswerContext>; baseLocale: string }> {
  const list = await db
    .selectFrom('roundIndicators')
    .select(['indicatorCode', 'reason'])
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .orderBy('position')
    .execute()
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const extras = list.some((l) => l.reason === 'national')
    ? (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
    : []
  const byCode = new Map([...version.indicators, ...extras].map((i) => [i.code, i]))
  const providers = await db
    .selectFrom('assignmentProviders')
    .innerJoin('assignments', 'assignments.id', 'assignmentProviders.assignmentId')
    .select(['assignments.indicatorCode', 'assignmentProviders.organisationId'])
    .where('assignments.roundId', '=', round.row.id)
    .where('assignments.countryCode', '=', countryCode)
    .execute()
  const changeThreshold = RoundOptionsSchema.parse(parseJson(round.row.options, {})).changeThreshold
  const contexts = new Map<string, AnswerContext>()
  for (const item of list) {
    const found = byCode.get(item.indicatorCode)
    if (!found) continue
    const { id: _id, version: _v, ...indicator } = found
    contexts.set(item.indicatorCode, {
      round,
      countryCode,
      indicator,
      reason: item.reason,
      changeThreshold,
      assigned: providers.filter((p) => p.indicatorCode === item.indicatorCode).map((p) => p.organisationId),
    })
  }
  return { contexts, baseLocale: version.framework.baseLocale }
}

/**
 * True when the actor may write this organisation's answer (the same rule as the answer form): a data provider for
 * its own organisation on the indicators it is assigned, the country lead for any source. null is the system (CLI).
 */
export function mayWrite(actor: Actor | null, ctx: AnswerContext, organisationId: string): boolean {
  if (!actor) return true
  if (!can(actor, 'answer.write', { countryCode: ctx.countryCode, organisationId })) return false
  const lead = can(actor, 'answer.write', { countryCode: ctx.countryCode, organisationId: '' })
  return lead || ctx.assigned.includes(organisationId)
}

/**
 * The organisations a template covers: the one asked for (404 when the actor may not see its answers, 403 when
 * they may not write them), or every active organisation of the country the actor may answer for.
 */
export async function templateOrganisations(
  db: Db,
  actor: Actor | null,
  countryCode: string,
  organisationId?: string,
): Promise<{ id: string; name: string }[]> {
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'active'])
    .where('countryCode', '=', countryCode)
    .orderBy('name')
    .orderBy('id')
    .execute()
  const subject = (id: string) => ({ countryCode, organisationId: id })
  if (organisationId) {
    const org = orgs.find((o) => o.id === organisationId)
    if (!org || (actor && !can(actor, 'answer.read', subject(org.id))))
      throw notFound('Organisation not found in this country')
    if (actor && !can(actor, 'answer.write', subject(org.id)))
      throw forbidden('You may not answer for this organisation')
    return [{ id: org.id, name: org.name }]
  }
  return orgs
    .filter((o) => o.active === 1 && (!actor || can(actor, 'answer.write', subject(o.id))))
    .map((o) => ({ id: o.id, name: o.name }))
}

/**
 * What a template is written from: the country's indicators and, per organisation, the indicators it is assigned
 * (for the lead or the system also those it already answered), with the current answers.
 */
export async function loadTemplateModel(
  db: Db,
  actor: Actor | null,
  round: LoadedRound,
  countryCode: string,
  organisations: { id: string; name: string }[],
): Promise<TemplateModel> {
  const { contexts, baseLocale } = await loadCountryContexts(db, round, countryCode)
  const rows = await db
    .selectFrom('answers')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('organisationId', 'in', organisations.length ? organisations.map((o) => o.id) : [''])
    .execute()
  const stored = new Map(rows.map((r) => [answerKey(r.organisationId, r.indicatorCode), r]))
  const pairs: TemplateModel['pairs'] = []
  const answers = new Map<string, TemplateAnswer>()
  for (const org of organisations) {
    for (const [code, ctx] of contexts) {
      const row = stored.get(answerKey(org.id, code))
      if (!mayWrite(actor, ctx, org.id) || !(ctx.assigned.includes(org.id) || row)) continue
      pairs.push({ organisationId: org.id, code })
      if (row)
        answers.set(answerKey(org.id, code), {
          version: row.version,
          status: row.status,
          body: await answerBody(db, row),
        })
    }
  }
  const used = new Set(pairs.map((p) => p.code))
  return {
    roundId: round.row.id,
    roundName: round.row.name,
    countryCode,
    frameworkVersionId: round.row.frameworkVersionId,
    baseLocale,
    organisations,
    indicators: [...contexts.values()].map((c) => c.indicator).filter((i) => used.has(i.code)),
    pairs,
    answers,
  }
}

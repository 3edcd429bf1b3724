import { CreateRoundBodySchema, SaveAnswerBodySchema } from '@thbm/shared'
import { frameworkDoc } from '../../../test/framework-fixture.ts'
import type { Database } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { newId, nowIso } from '../../ids.ts'
import { loadAnswerContext } from '../answers/answer-context.ts'
import { saveAnswer } from '../answers/save-answer.ts'
import { submitAnswer } from '../answers/submit-answer.ts'
import { importFrameworkDoc } from '../frameworks/import-framework.ts'
import { publishVersion } from '../frameworks/publish-version.ts'
import { createRound } from '../rounds/create-round.ts'
import { loadRound } from '../rounds/rounds.queries.ts'
import { transitionRound } from '../rounds/transition-round.ts'

/** Test support for the notification tests: small rounds and answers made by commands, without the HTTP layer. */

export const SYSTEM = { actor: null, requestId: null }
const SYSTEM_ACTOR = { id: 'system', email: '', name: '', memberships: [] }
let seq = 0

export interface SmallRound {
  id: string
  name: string
}

/**
 * A round over the small test framework (IDN-1 is core; IDN-2 and AST-1 are added by hand) for the countries
 * (default RS and AL), left in planning or moved to collecting.
 */
export async function smallRound(
  db: Database,
  options: { countries?: string[]; status?: 'planning' | 'collecting' } = {},
): Promise<SmallRound> {
  const n = ++seq
  const name = `Notification round ${n}`
  const code = `N${n}${Date.now().toString(36).toUpperCase()}`
  const id = await withTransaction(db, async (trx) => {
    const versionId = await importFrameworkDoc(
      trx,
      SYSTEM,
      frameworkDoc({ framework: { code, name: { en: 'Notifications' }, baseLocale: 'en' } }),
    )
    await publishVersion(trx, SYSTEM, versionId, 1)
    const body = CreateRoundBodySchema.parse({
      name,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      frameworkVersionId: versionId,
      countries: options.countries ?? ['RS', 'AL'],
      manualIndicators: ['IDN-2', 'AST-1'],
    })
    const roundId = await createRound(trx, SYSTEM, body)
    if (options.status === 'collecting') {
      const round = (await loadRound(trx, roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
      await transitionRound(trx, SYSTEM, SYSTEM_ACTOR, round, { to: 'collecting', version: 1 })
    }
    return roundId
  })
  return { id, name }
}

/** Assigns an indicator to organisations (optionally naming one person each) with a due date, straight in the database. */
export async function insertAssignment(
  db: Database,
  where: { roundId: string; countryCode: string; indicatorCode: string },
  providers: { organisationId: string; userId?: string | null }[],
  dueOn: string | null,
): Promise<string> {
  const id = newId()
  await db
    .insertInto('assignments')
    .values({ id, ...where, expertId: null, dueOn, updatedAt: nowIso(), version: 1 })
    .execute()
  if (providers.length) {
    await db
      .insertInto('assignmentProviders')
      .values(providers.map((p) => ({ assignmentId: id, organisationId: p.organisationId, userId: p.userId ?? null })))
      .execute()
  }
  return id
}

/** Saves (and, when asked, submits) an organisation's answer to a rubric indicator of a collecting round. */
export async function answerAs(
  db: Database,
  where: { roundId: string; countryCode: string; indicatorCode: string },
  organisationId: string,
  state: 'saved' | 'submitted',
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const round = (await loadRound(trx, where.roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
    const ctx = await loadAnswerContext(trx, round, where.countryCode, where.indicatorCode)
    await saveAnswer(
      trx,
      SYSTEM,
      ctx,
      organisationId,
      SaveAnswerBodySchema.parse({ version: 0, value: { choice: '3' } }),
    )
    if (state === 'submitted') await submitAnswer(trx, SYSTEM, ctx, organisationId, 1)
  })
}

import { randomUUID } from 'node:crypto'
import {
  CreateReviewBodySchema,
  CreateRoundBodySchema,
  DecisionBodySchema,
  SaveAnswerBodySchema,
  SaveAssessmentBodySchema,
} from '@thbm/shared'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asUser, buildOrganisation, buildUser, TEST_PASSWORD } from '../../test/factories.ts'
import { frameworkDoc, indicator, multipartFile } from '../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { withTransaction } from '../db/transaction.ts'
import { createFileStore } from '../files-store/file-store.ts'
import { enqueueJob } from '../jobs/enqueue.ts'
import { loadAnswerContext } from '../modules/answers/answer-context.ts'
import { saveAnswer } from '../modules/answers/save-answer.ts'
import { submitAnswer } from '../modules/answers/submit-answer.ts'
import { loadAssessmentContext } from '../modules/assessments/assessment-context.ts'
import { submitAssessment, validateAssessment } from '../modules/assessments/assessment-workflow.ts'
import { saveAssessment } from '../modules/assessments/save-assessment.ts'
import { hashSecret } from '../modules/auth/tokens.ts'
import { addComment } from '../modules/discussion/comments.ts'
import { uploadFile } from '../modules/files/upload-file.ts'
import { createDraft } from '../modules/frameworks/create-draft.ts'
import { createArea } from '../modules/frameworks/edit-areas.ts'
import { loadVersion, toFrameworkDoc } from '../modules/frameworks/frameworks.queries.ts'
import { importFrameworkDoc } from '../modules/frameworks/import-framework.ts'
import { publishVersion } from '../modules/frameworks/publish-version.ts'
import { writeTranslationWorkbook } from '../modules/frameworks/translations/translation-workbook.ts'
import { createRecommendation } from '../modules/recommendations/write-recommendation.ts'
import { buildNationalReport } from '../modules/reports/build-national.ts'
import { recordDecision } from '../modules/reviews/decisions.ts'
import { addParticipant } from '../modules/reviews/participants.ts'
import { closeReview, openRound } from '../modules/reviews/review-rounds.ts'
import { type LoadedReview, loadDecisions, loadReview } from '../modules/reviews/reviews.queries.ts'
import { createReview } from '../modules/reviews/write-review.ts'
import { createRound } from '../modules/rounds/create-round.ts'
import { putAssignment } from '../modules/rounds/put-assignment.ts'
import { loadRound } from '../modules/rounds/rounds.queries.ts'
import { transitionRound } from '../modules/rounds/transition-round.ts'
import { TEMPLATE_IMPORT_JOB } from '../modules/templates/import-job.ts'
import { systemImport, systemTemplate } from '../modules/templates/template-test-support.ts'

/**
 * Every registered route with its decided access rule. A route that is not listed fails the suite, so no route
 * ships without a decision. 'public' routes answer without a session; every other route answers 401 to an
 * anonymous request, and the listed status to each role for a canonical request (on RS data, by RS members).
 */
const ROLES = ['admin', 'coordinator', 'lead', 'expert', 'provider', 'observer'] as const
type RoleName = (typeof ROLES)[number]
type Canonical = { url: string; payload?: InjectOptions['payload']; headers?: Record<string, string> }
type Rule = 'public' | { request: () => Promise<Canonical>; expect: Record<RoleName, number> }

const statuses = (admin: number, coordinator: number, lead: number, others: number): Record<RoleName, number> => ({
  admin,
  coordinator,
  lead,
  expert: others,
  provider: others,
  observer: others,
})

let t: TestApp
const sessions = {} as Record<RoleName, string>
/** The id of the RS expert signed in as `expert`, assigned to assess in the assessment fixtures. */
let expertId: string
let leadId: string

const rsUser = async () => buildUser(t.db, { role: 'expert', countryCode: 'RS' })
const fixed = (url: string, payload?: InjectOptions['payload']) => async () => ({ url, payload })
let seq = 0
const unique = (prefix: string) => `${prefix} ${++seq}`

/** A new framework version (a draft, or published) with a unique framework code. */
async function frameworkVersion(status: 'draft' | 'published'): Promise<string> {
  const doc = frameworkDoc({ framework: { code: `M${++seq}`, name: { en: 'Matrix' }, baseLocale: 'en' } })
  return withTransaction(t.db, async (trx) => {
    const ctx = { actor: null, requestId: null }
    const id = await importFrameworkDoc(trx, ctx, doc)
    if (status === 'published') await publishVersion(trx, ctx, id, 1)
    return id
  })
}
const draftOf = async (): Promise<string> => {
  const published = await frameworkVersion('published')
  return withTransaction(t.db, (trx) => createDraft(trx, { actor: null, requestId: null }, published, 'next'))
}
const { lineage: _lineage, ...newIndicator } = indicator('IDN-7')
const roundInput = async () => ({
  name: unique('Round'),
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  frameworkVersionId: await frameworkVersion('published'),
  countries: ['RS'],
})
const newRound = async (): Promise<string> => {
  const body = CreateRoundBodySchema.parse(await roundInput())
  return withTransaction(t.db, (trx) => createRound(trx, { actor: null, requestId: null }, body))
}
const fv = (id: string, rest = '') => `/api/framework-versions/${id}${rest}`
/** An RS recommendation issued in a new 2026 round, and a 2027 round for RS that can follow it up. */
async function recommendationFixture(): Promise<{ id: string; laterRoundId: string }> {
  const issuing = await newRound()
  const later = CreateRoundBodySchema.parse({
    ...(await roundInput()),
    periodFrom: '2027-01-01',
    periodTo: '2027-12-31',
  })
  const system = { actor: null, requestId: null }
  return withTransaction(t.db, async (trx) => {
    const round = (await loadRound(trx, issuing)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
    const id = await createRecommendation(trx, system, round, 'RS', {
      text: 'Adopt SOPs',
      institutions: [],
      areaCodes: [],
      indicatorCodes: [],
      priority: 'urgent',
      source: 'monitoring',
    })
    return { id, laterRoundId: await createRound(trx, system, later) }
  })
}

/** A collecting round for RS with an organisation's answer to IDN-1: none yet, saved (version 1) or submitted (2). */
async function answerFixture(state: 'none' | 'saved' | 'submitted'): Promise<string> {
  const roundId = await newRound()
  const org = await buildOrganisation(t.db, { countryCode: 'RS' })
  const system = { actor: null, requestId: null }
  await withTransaction(t.db, async (trx) => {
    const round = (await loadRound(trx, roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
    await transitionRound(trx, system, { id: 'system', email: '', name: '', memberships: [] }, round, {
      to: 'collecting',
      version: 1,
    })
    const collecting = (await loadRound(trx, roundId)) as typeof round
    const ctx = await loadAnswerContext(trx, collecting, 'RS', 'IDN-1')
    if (state !== 'none')
      await saveAnswer(trx, system, ctx, org.id, SaveAnswerBodySchema.parse({ version: 0, value: { choice: '3' } }))
    if (state === 'submitted') await submitAnswer(trx, system, ctx, org.id, 1)
  })
  return `/api/rounds/${roundId}/countries/RS/indicators/IDN-1/answers/${org.id}`
}

/**
 * A collecting round for RS where the `expert` assesses IDN-1, and that assessment: none yet, a complete draft
 * (version 1), submitted (2) or validated (3), all written by the system so that four eyes never get in the way.
 */
async function assessmentFixture(state: 'none' | 'draft' | 'submitted' | 'validated'): Promise<string> {
  const roundId = await newRound()
  const system = { actor: null, requestId: null }
  await withTransaction(t.db, async (trx) => {
    const round = (await loadRound(trx, roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
    await transitionRound(trx, system, { id: 'system', email: '', name: '', memberships: [] }, round, {
      to: 'collecting',
      version: 1,
    })
    const collecting = (await loadRound(trx, roundId)) as typeof round
    await putAssignment(trx, system, collecting, 'RS', 'IDN-1', {
      version: 0,
      expertId,
      secondExpertId: null,
      providers: [],
      dueOn: null,
    })
    const ctx = await loadAssessmentContext(trx, collecting, 'RS', 'IDN-1')
    const body = SaveAssessmentBodySchema.parse({
      version: 0,
      score: 3,
      justification: 'Procedures exist',
      confidence: 'high',
      evidence: [{ kind: 'link', title: 'Report', url: 'https://example.org/report.pdf' }],
    })
    if (state !== 'none') await saveAssessment(trx, system, ctx, 'primary', expertId, body)
    if (state === 'submitted' || state === 'validated') await submitAssessment(trx, system, ctx, 'primary', 1)
    if (state === 'validated') await validateAssessment(trx, system, ctx, 2)
  })
  return `/api/rounds/${roundId}/countries/RS/indicators/IDN-1/assessment`
}

/** A comment (by nobody in particular) in a new RS round's IDN-1 thread, open or resolved. */
async function commentFixture(resolved: boolean): Promise<string> {
  const roundId = await newRound()
  const key = { roundId, countryCode: 'RS', indicatorCode: 'IDN-1' }
  const system = { actor: null, requestId: null }
  const id = await withTransaction(t.db, (trx) => addComment(trx, system, key, { body: 'Which source?', mentions: [] }))
  if (resolved)
    await t.db
      .updateTable('comments')
      .set({ resolvedAt: new Date().toISOString(), version: 2 })
      .where('id', '=', id)
      .execute()
  return `/api/rounds/${roundId}/countries/RS/indicators/IDN-1/comments/${id}`
}

/** A collecting round with an organisation's saved IDN-1 answer, and that organisation's template changing it. */
async function templateFixture(): Promise<{ base: string; roundId: string; template: Buffer }> {
  const answer = await answerFixture('saved')
  const [, roundId = '', organisationId = ''] = /rounds\/([^/]+)\/.*answers\/([^/]+)$/.exec(answer) ?? []
  const template = await systemTemplate(t.db, roundId, organisationId, [{ code: 'IDN-1', key: 'choice', value: '4' }])
  return { base: `/api/rounds/${roundId}/countries/RS`, roundId, template }
}

/** A round for RS with a validated IDN-1 assessment (so a national report can be built), and its id. */
async function reportRound(): Promise<string> {
  const url = await assessmentFixture('validated')
  return /rounds\/([^/]+)\//.exec(url)?.[1] ?? ''
}
/** A published national report of RS (its snapshot stored directly), for the download routes. */
async function publicationFixture(): Promise<string> {
  const roundId = await reportRound()
  const round = (await loadRound(t.db, roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
  const data = await buildNationalReport(t.db, round, 'RS', 5)
  const id = randomUUID()
  await t.db
    .insertInto('reportPublications')
    .values({
      id,
      kind: 'national',
      roundId,
      scope: 'RS',
      number: 1,
      changeNote: null,
      data: JSON.stringify(data),
      publishedAt: new Date().toISOString(),
      publishedBy: null,
    })
    .execute()
  return id
}

/**
 * An indicator review of a new published version in which the RS `expert` takes part: a draft, in its open round 1,
 * closed, or closed with every indicator decided (so a draft version can be made), all written by the system.
 */
async function reviewFixture(state: 'draft' | 'open' | 'closed' | 'decided'): Promise<string> {
  const frameworkVersionId = await frameworkVersion('published')
  const system = { actor: null, requestId: null }
  return withTransaction(t.db, async (trx) => {
    const body = CreateReviewBodySchema.parse({ frameworkVersionId, title: unique('Review') })
    const id = await createReview(trx, system, body)
    const load = async () => (await loadReview(trx, id)) as LoadedReview
    await addParticipant(trx, system, await load(), { userId: expertId, countryCode: 'RS', role: 'rapporteur' })
    if (state === 'draft') return id
    await openRound(trx, system, await load(), { version: 1 })
    if (state === 'open') return id
    await closeReview(trx, system, await load(), 2)
    if (state === 'closed') return id
    const [review, version] = [await load(), await loadVersion(trx, frameworkVersionId)]
    const keep = DecisionBodySchema.parse({ version: 0, decision: 'keep' })
    for (const ind of version.indicators)
      await recordDecision(trx, system, review, version, await loadDecisions(trx, id), ind.code, keep)
    return id
  })
}
const rv = (id: string, rest = '') => `/api/reviews/${id}${rest}`
/** Coordinators (and administrators) run reviews; the RS expert takes part; the others do not see them. */
const reviewRule = (admin: number, participant: number, others = 404) => ({
  admin,
  coordinator: admin,
  lead: others,
  expert: participant,
  provider: others,
  observer: others,
})

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n')
/** A multipart upload of a small PDF for RS. */
function pdfUpload() {
  const boundary = '----thbmmatrix'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="country"\r\n\r\nRS\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.pdf"\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
async function storedFile(): Promise<string> {
  const lead = { id: (await rsUser()).id, email: '', name: '', memberships: [] }
  const row = await withTransaction(t.db, (trx) =>
    uploadFile(trx, { actor: null, requestId: null }, lead, {
      files: createFileStore(t.config),
      countryCode: 'RS',
      name: 'e.pdf',
      data: PDF,
    }),
  )
  return row.id
}

const MATRIX: Record<string, Rule> = {
  'GET /api/docs': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/health': 'public',
  'GET /api/config': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/invitations/:token': 'public',
  'POST /api/auth/invitations/accept': 'public',
  'POST /api/auth/password-reset': 'public',

  'GET /api/auth/me': { request: fixed('/api/auth/me'), expect: statuses(200, 200, 200, 200) },
  'PATCH /api/auth/me': { request: fixed('/api/auth/me', { locale: 'en' }), expect: statuses(200, 200, 200, 200) },
  'POST /api/auth/password': {
    // The same new password twice in a row is fine: the current one is checked, not the history.
    request: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
    expect: statuses(200, 200, 200, 200),
  },

  'GET /api/users': { request: fixed('/api/users'), expect: statuses(200, 200, 200, 403) },
  'GET /api/users/:id': {
    request: async () => ({ url: `/api/users/${(await rsUser()).id}` }),
    expect: statuses(200, 200, 200, 404),
  },
  'PATCH /api/users/:id': {
    request: async () => ({ url: `/api/users/${(await rsUser()).id}`, payload: { version: 1, name: 'Renamed' } }),
    expect: statuses(200, 403, 200, 404),
  },
  'POST /api/users/:id/password-reset': {
    request: async () => ({ url: `/api/users/${(await rsUser()).id}/password-reset` }),
    expect: statuses(201, 403, 201, 404),
  },
  'POST /api/users/:id/memberships': {
    request: async () => ({
      url: `/api/users/${(await rsUser()).id}/memberships`,
      payload: { role: 'observer', countryCode: 'RS' },
    }),
    expect: statuses(201, 403, 201, 404),
  },
  'DELETE /api/users/:id/memberships/:membershipId': {
    request: async () => {
      const user = await rsUser()
      return { url: `/api/users/${user.id}/memberships/${user.membershipId}` }
    },
    expect: statuses(200, 403, 200, 404),
  },
  'GET /api/invitations': { request: fixed('/api/invitations'), expect: statuses(200, 200, 200, 403) },
  'POST /api/invitations': {
    request: async () => ({
      url: '/api/invitations',
      payload: { email: `${unique('invitee').replace(' ', '')}@example.test`, role: 'expert', countryCode: 'RS' },
    }),
    expect: statuses(201, 403, 201, 403),
  },
  'DELETE /api/invitations/:id': {
    request: async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: { cookie: sessions.admin },
        payload: { email: `${unique('revokee').replace(' ', '')}@example.test`, role: 'expert', countryCode: 'RS' },
      })
      const token = new URL(res.json().link).searchParams.get('token') as string
      return { url: `/api/invitations/${hashSecret(token)}` }
    },
    expect: statuses(200, 404, 200, 404),
  },

  'GET /api/countries': { request: fixed('/api/countries'), expect: statuses(200, 200, 200, 200) },
  'GET /api/countries/:code': { request: fixed('/api/countries/RS'), expect: statuses(200, 200, 200, 200) },
  'PATCH /api/countries/:code': {
    request: async () => {
      const { version } = await t.db
        .selectFrom('countries')
        .select('version')
        .where('code', '=', 'RS')
        .executeTakeFirstOrThrow()
      return { url: '/api/countries/RS', payload: { version, names: { en: unique('Serbia') } } }
    },
    expect: statuses(200, 403, 403, 403),
  },

  'GET /api/organisations': { request: fixed('/api/organisations'), expect: statuses(200, 200, 200, 200) },
  'GET /api/organisations/:id': {
    request: async () => ({ url: `/api/organisations/${(await buildOrganisation(t.db)).id}` }),
    expect: statuses(200, 200, 200, 200),
  },
  'POST /api/organisations': {
    request: async () => ({
      url: '/api/organisations',
      payload: { name: unique('Organisation'), type: 'ngo', countryCode: 'RS' },
    }),
    expect: statuses(201, 403, 201, 403),
  },
  'PATCH /api/organisations/:id': {
    request: async () => ({
      url: `/api/organisations/${(await buildOrganisation(t.db)).id}`,
      payload: { version: 1, name: unique('Renamed') },
    }),
    expect: statuses(200, 403, 200, 403),
  },

  'GET /api/audit': { request: fixed('/api/audit'), expect: statuses(200, 200, 200, 403) },

  'GET /api/frameworks': { request: fixed('/api/frameworks'), expect: statuses(200, 200, 200, 200) },
  'GET /api/framework-versions/:versionId': {
    request: async () => ({ url: fv(await frameworkVersion('published')) }),
    expect: statuses(200, 200, 200, 200),
  },
  'GET /api/framework-versions/:versionId/export': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/export?format=json') }),
    expect: statuses(200, 200, 200, 200),
  },
  'GET /api/framework-versions/:versionId/diff': {
    request: async () => ({ url: fv(await draftOf(), '/diff') }),
    expect: statuses(200, 200, 200, 200),
  },
  'GET /api/framework-versions/:versionId/indicators/:code/history': {
    request: async () => ({ url: fv(await draftOf(), '/indicators/IDN-1/history') }),
    expect: statuses(200, 200, 200, 200),
  },
  'POST /api/frameworks/import': {
    request: async () => {
      const { payload, headers } = multipartFile(
        JSON.stringify(frameworkDoc({ framework: { code: `I${++seq}`, name: { en: 'x' }, baseLocale: 'en' } })),
      )
      return { url: '/api/frameworks/import', payload, headers }
    },
    expect: statuses(201, 201, 403, 403),
  },
  'POST /api/framework-versions/:versionId/drafts': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/drafts'), payload: { label: '2.0' } }),
    expect: statuses(201, 201, 403, 403),
  },
  'PATCH /api/framework-versions/:versionId': {
    request: async () => ({ url: fv(await frameworkVersion('draft')), payload: { version: 1, label: '1.1' } }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/publish': {
    request: async () => ({ url: fv(await frameworkVersion('draft'), '/publish'), payload: { version: 1 } }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/retire': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/retire'), payload: { version: 2 } }),
    expect: statuses(200, 200, 403, 403),
  },
  'DELETE /api/framework-versions/:versionId': {
    request: async () => ({ url: fv(await frameworkVersion('draft'), '?version=1') }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/indicators': {
    request: async () => ({ url: fv(await frameworkVersion('draft'), '/indicators'), payload: newIndicator }),
    expect: statuses(201, 201, 403, 403),
  },
  'PATCH /api/framework-versions/:versionId/indicators/:code': {
    request: async () => ({
      url: fv(await frameworkVersion('draft'), '/indicators/IDN-1'),
      payload: { version: 1, guidance: { en: 'New' } },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'DELETE /api/framework-versions/:versionId/indicators/:code': {
    request: async () => ({ url: fv(await frameworkVersion('draft'), '/indicators/IDN-1?version=1') }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/merge': {
    request: async () => ({
      url: fv(await frameworkVersion('draft'), '/merge'),
      payload: { codes: ['AST-1', 'AST-2'], into: { code: 'AST-9', title: { en: 'M' } } },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/indicators/:code/split': {
    request: async () => ({
      url: fv(await frameworkVersion('draft'), '/indicators/IDN-2/split'),
      payload: {
        into: [
          { code: 'IDN-8', title: { en: 'A' } },
          { code: 'IDN-9', title: { en: 'B' } },
        ],
      },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/framework-versions/:versionId/areas': {
    request: async () => ({
      url: fv(await frameworkVersion('draft'), '/areas'),
      payload: { code: 'PRV', title: { en: 'P' }, description: { en: 'D' } },
    }),
    expect: statuses(201, 201, 403, 403),
  },
  'PATCH /api/framework-versions/:versionId/areas/:areaCode': {
    request: async () => ({
      url: fv(await frameworkVersion('draft'), '/areas/IDN'),
      payload: { version: 1, title: { en: 'Identification and referral' } },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'DELETE /api/framework-versions/:versionId/areas/:areaCode': {
    request: async () => {
      const id = await frameworkVersion('draft')
      await withTransaction(t.db, (trx) =>
        createArea(trx, { actor: null, requestId: null }, id, {
          code: 'EMP',
          title: { en: 'Empty' },
          description: { en: 'x' },
        }),
      )
      return { url: fv(id, '/areas/EMP?version=1') }
    },
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/framework-versions/:versionId/translations': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/translations') }),
    expect: statuses(200, 200, 200, 200),
  },
  'PUT /api/framework-versions/:versionId/translations/:itemKey': {
    request: async () => ({
      url: fv(await frameworkVersion('published'), '/translations/indicator:IDN-1'),
      payload: { version: 1, texts: [{ address: 'indicator:IDN-1:title', locale: 'sq', text: 'Titulli' }] },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/framework-versions/:versionId/translations.xlsx': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/translations.xlsx?locales=sq') }),
    expect: statuses(200, 200, 200, 200),
  },
  'POST /api/framework-versions/:versionId/translations.xlsx': {
    request: async () => {
      const id = await frameworkVersion('published')
      const doc = toFrameworkDoc(await loadVersion(t.db, id))
      const { payload, headers } = multipartFile(await writeTranslationWorkbook(doc, ['sq'], 'en'), 'tr.xlsx')
      return { url: fv(id, '/translations.xlsx'), payload, headers }
    },
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/framework-versions/:versionId/adaptations/:country': {
    request: async () => ({ url: fv(await frameworkVersion('published'), '/adaptations/RS') }),
    expect: statuses(200, 200, 200, 200),
  },
  'PUT /api/framework-versions/:versionId/adaptations/:country': {
    request: async () => ({
      url: fv(await frameworkVersion('published'), '/adaptations/RS'),
      payload: { version: 0, notes: {}, items: [], extraIndicators: [] },
    }),
    expect: statuses(200, 200, 200, 403),
  },

  'GET /api/rounds': { request: fixed('/api/rounds'), expect: statuses(200, 200, 200, 200) },
  'GET /api/me/work': { request: fixed('/api/me/work'), expect: statuses(200, 200, 200, 200) },
  'GET /api/countries/:code/recommendations': {
    request: fixed('/api/countries/RS/recommendations'),
    expect: statuses(200, 200, 200, 200),
  },
  'GET /api/countries/:code/implementation': {
    request: fixed('/api/countries/RS/implementation'),
    expect: statuses(200, 200, 200, 200),
  },
  'GET /api/rounds/:roundId/countries/:country/follow-ups': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/follow-ups` }),
    expect: statuses(200, 200, 200, 200),
  },
  'POST /api/rounds/:roundId/countries/:country/recommendations': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/countries/RS/recommendations`,
      payload: { text: 'Train labour inspectors', priority: 'necessary' },
    }),
    expect: statuses(201, 201, 201, 403),
  },
  'GET /api/recommendations/:id': {
    request: async () => ({ url: `/api/recommendations/${(await recommendationFixture()).id}` }),
    expect: statuses(200, 200, 200, 200),
  },
  'PATCH /api/recommendations/:id': {
    request: async () => ({
      url: `/api/recommendations/${(await recommendationFixture()).id}`,
      payload: { version: 1, priority: 'encouraged' },
    }),
    expect: statuses(200, 200, 200, 403),
  },
  'PUT /api/recommendations/:id/follow-ups/:roundId': {
    request: async () => {
      const { id, laterRoundId } = await recommendationFixture()
      return {
        url: `/api/recommendations/${id}/follow-ups/${laterRoundId}`,
        payload: { version: 0, status: 'partially_implemented' },
      }
    },
    expect: statuses(200, 200, 200, 403),
  },
  'GET /api/rounds/:roundId/countries/:country/indicators/:code/comments': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/indicators/IDN-1/comments` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/comments': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/countries/RS/indicators/IDN-1/comments`,
      payload: { body: 'Is the NGO figure for 2026?' },
    }),
    expect: { admin: 201, coordinator: 201, lead: 201, expert: 201, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/comments/:commentId/resolve': {
    request: async () => ({ url: `${await commentFixture(false)}/resolve`, payload: { version: 1 } }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/comments/:commentId/reopen': {
    request: async () => ({ url: `${await commentFixture(true)}/reopen`, payload: { version: 2 } }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/narratives': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/narratives` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'PUT /api/rounds/:roundId/countries/:country/narratives': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/countries/RS/narratives`,
      payload: { version: 0, kind: 'conclusion', areaCode: '', html: '<p>Identification improved.</p>' },
    }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/report': {
    request: async () => ({ url: `/api/rounds/${await reportRound()}/countries/RS/report` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 403, observer: 200 },
  },
  'GET /api/rounds/:roundId/report': {
    request: async () => ({ url: `/api/rounds/${await reportRound()}/report` }),
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/rounds/:roundId/publications': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/publications` }),
    expect: statuses(200, 200, 200, 200),
  },
  // Access passes for those allowed; the collecting round then refuses publication (409).
  'POST /api/rounds/:roundId/countries/:country/publications': {
    request: async () => ({ url: `/api/rounds/${await reportRound()}/countries/RS/publications`, payload: {} }),
    expect: statuses(409, 409, 409, 403),
  },
  'POST /api/rounds/:roundId/publications': {
    request: async () => ({ url: `/api/rounds/${await reportRound()}/publications`, payload: {} }),
    expect: statuses(409, 409, 403, 403),
  },
  'GET /api/publications/:id/report': {
    request: async () => ({ url: `/api/publications/${await publicationFixture()}/report` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 403, observer: 200 },
  },
  'GET /api/rounds/:roundId/region/narratives': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/region/narratives` }),
    expect: statuses(200, 200, 403, 403),
  },
  'PUT /api/rounds/:roundId/region/narratives': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/region/narratives`,
      payload: { version: 0, kind: 'conclusion', areaCode: '', html: '<p>The region improved.</p>' },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/countries/:code/profile': {
    request: fixed('/api/countries/RS/profile'),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 403, observer: 200 },
  },
  'GET /api/rounds/:roundId/overview': {
    request: async () => ({ url: `/api/rounds/${await reportRound()}/overview` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 403, observer: 200 },
  },
  'GET /api/indicators/explorer': {
    request: async () => {
      const versionId = await frameworkVersion('published')
      return { url: `/api/indicators/explorer?code=IDN-1&versionId=${versionId}` }
    },
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 403, observer: 200 },
  },
  'GET /api/public/rounds': 'public',
  'GET /guide/:lang/:chapter': 'public',
  'GET /guide/images/:name': 'public',
  'GET /api/public/rounds/:roundId': 'public',
  'GET /api/public/publications/:id': 'public',
  'GET /api/public/publications/:id/report': 'public',
  'GET /api/public/countries/:code': 'public',
  'GET /api/me/notifications': { request: fixed('/api/me/notifications'), expect: statuses(200, 200, 200, 200) },
  'POST /api/me/notifications/read': {
    request: fixed('/api/me/notifications/read', { all: true }),
    expect: statuses(200, 200, 200, 200),
  },
  // A job's progress: whoever caused it (here the RS expert) and the administrators; 404 to anyone else.
  'GET /api/jobs/:id': {
    request: async () => ({ url: `/api/jobs/${await enqueueJob(t.db, 'matrix.job', null, { createdBy: expertId })}` }),
    expect: { admin: 200, coordinator: 200, lead: 404, expert: 200, provider: 404, observer: 404 },
  },
  'POST /api/rounds': {
    request: async () => ({ url: '/api/rounds', payload: await roundInput() }),
    expect: statuses(201, 201, 403, 403),
  },
  'GET /api/rounds/:roundId': {
    request: async () => ({ url: `/api/rounds/${await newRound()}` }),
    expect: statuses(200, 200, 200, 200),
  },
  'PATCH /api/rounds/:roundId': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}`,
      payload: { version: 1, name: unique('Renamed round') },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'POST /api/rounds/:roundId/transition': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/transition`,
      payload: { to: 'collecting', version: 1 },
    }),
    expect: statuses(200, 200, 403, 403),
  },
  'GET /api/rounds/:roundId/countries/:country/progress': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/progress` }),
    expect: statuses(200, 200, 200, 200),
  },
  'PUT /api/rounds/:roundId/countries/:country/assignments/:code': {
    request: async () => ({
      url: `/api/rounds/${await newRound()}/countries/RS/assignments/IDN-1`,
      payload: { version: 0, expertId: null, providers: [], dueOn: null },
    }),
    expect: statuses(200, 403, 200, 403),
  },
  // The people who are late in a collecting round: its country's lead, a coordinator or an administrator reminds them.
  'GET /api/rounds/:roundId/countries/:country/reminders/preview': {
    request: async () => ({
      url: `${(await answerFixture('none')).replace(/\/indicators\/.*$/, '')}/reminders/preview?indicatorCodes=late`,
    }),
    expect: statuses(200, 200, 200, 403),
  },
  'POST /api/rounds/:roundId/countries/:country/reminders': {
    request: async () => ({
      url: `${(await answerFixture('none')).replace(/\/indicators\/.*$/, '')}/reminders`,
      payload: { indicatorCodes: ['IDN-1'], message: 'Please answer' },
    }),
    expect: statuses(200, 200, 200, 403),
  },

  'GET /api/rounds/:roundId/countries/:country/indicators/:code': {
    request: async () => ({ url: (await answerFixture('saved')).replace(/\/answers\/.*$/, '') }),
    expect: statuses(200, 200, 200, 200),
  },
  'PUT /api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId': {
    request: async () => ({ url: await answerFixture('none'), payload: { version: 0, value: { choice: '2' } } }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId/submit': {
    request: async () => ({ url: `${await answerFixture('saved')}/submit`, payload: { version: 1 } }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId/return': {
    request: async () => ({
      url: `${await answerFixture('submitted')}/return`,
      payload: { version: 2, comment: 'Add the source' },
    }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 200, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/submit': {
    request: async () => {
      const [, roundId = '', organisationId = ''] =
        /rounds\/([^/]+)\/.*answers\/([^/]+)$/.exec(await answerFixture('saved')) ?? []
      return { url: `/api/rounds/${roundId}/countries/RS/submit`, payload: { organisationId } }
    },
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/template': {
    request: async () => ({ url: `${(await templateFixture()).base}/template` }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 200, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/template': {
    request: async () => {
      const { base, template } = await templateFixture()
      return { url: `${base}/template`, ...multipartFile(template, 'template.xlsx') }
    },
    // The provider may use templates in RS, but not for another organisation's answers.
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 403, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/template/imports/:jobId': {
    request: async () => {
      const roundId = await newRound()
      const payload = { uploadId: randomUUID(), roundId, countryCode: 'RS', actorId: leadId }
      const jobId = await enqueueJob(t.db, TEMPLATE_IMPORT_JOB, payload, { createdBy: leadId })
      return { url: `/api/rounds/${roundId}/countries/RS/template/imports/${jobId}` }
    },
    // The uploader (here the lead) and administrators follow it; another provider of RS does not see it.
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/import-batches': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/import-batches` }),
    expect: statuses(200, 403, 200, 403),
  },
  'POST /api/rounds/:roundId/countries/:country/import-batches/:batchId/revert': {
    request: async () => {
      const { base, roundId, template } = await templateFixture()
      const batchId = await systemImport(t.db, roundId, template)
      return { url: `${base}/import-batches/${batchId}/revert`, payload: { reason: 'Wrong file' } }
    },
    expect: statuses(200, 403, 200, 403),
  },
  'GET /api/rounds/:roundId/countries/:country/indicators/:code/assessment': {
    request: async () => ({ url: await assessmentFixture('draft') }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'PUT /api/rounds/:roundId/countries/:country/indicators/:code/assessment': {
    request: async () => ({ url: await assessmentFixture('none'), payload: { version: 0, score: 2 } }),
    // The assigned expert writes it, the lead may stand in; another expert of the country may not.
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 200, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/assessment/submit': {
    request: async () => ({ url: `${await assessmentFixture('draft')}/submit`, payload: { version: 1 } }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 200, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/assessment/return': {
    request: async () => ({
      url: `${await assessmentFixture('submitted')}/return`,
      payload: { version: 2, comment: 'Cite the SOP' },
    }),
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/assessment/validate': {
    request: async () => ({ url: `${await assessmentFixture('submitted')}/validate`, payload: { version: 2 } }),
    // The expert it belongs to never validates it (four eyes), nor does anyone who is not the country's lead.
    expect: { admin: 200, coordinator: 403, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/assessment/unlock': {
    request: async () => ({
      url: `${await assessmentFixture('validated')}/unlock`,
      payload: { version: 3, reason: 'New evidence' },
    }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 403, provider: 404, observer: 403 },
  },
  'POST /api/rounds/:roundId/countries/:country/indicators/:code/assessment/resolve': {
    // Without double scoring there is nothing to settle: 409 for those allowed, 403/404 for the others.
    request: async () => ({
      url: `${await assessmentFixture('submitted')}/resolve`,
      payload: { version: 2, score: 2, note: 'Settled' },
    }),
    expect: { admin: 409, coordinator: 403, lead: 409, expert: 403, provider: 404, observer: 403 },
  },
  'GET /api/rounds/:roundId/countries/:country/agreement': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/agreement` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'GET /api/rounds/:roundId/countries/:country/scores': {
    request: async () => ({ url: `/api/rounds/${await newRound()}/countries/RS/scores` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'POST /api/files': {
    request: async () => pdfUpload(),
    expect: { admin: 201, coordinator: 403, lead: 201, expert: 201, provider: 201, observer: 403 },
  },
  'GET /api/files/:id': {
    request: async () => ({ url: `/api/files/${await storedFile()}` }),
    expect: { admin: 200, coordinator: 200, lead: 200, expert: 200, provider: 404, observer: 200 },
  },
  'GET /api/reviews': { request: fixed('/api/reviews'), expect: statuses(200, 200, 200, 200) },
  'POST /api/reviews': {
    request: async () => ({
      url: '/api/reviews',
      payload: { frameworkVersionId: await frameworkVersion('published'), title: unique('Review') },
    }),
    expect: statuses(201, 201, 403, 403),
  },
  'GET /api/reviews/:id': {
    request: async () => ({ url: rv(await reviewFixture('draft')) }),
    expect: reviewRule(200, 200),
  },
  'PATCH /api/reviews/:id': {
    request: async () => ({ url: rv(await reviewFixture('draft')), payload: { version: 1, title: unique('Renamed') } }),
    expect: reviewRule(200, 403),
  },
  'POST /api/reviews/:id/participants': {
    request: async () => ({
      url: rv(await reviewFixture('draft'), '/participants'),
      payload: { userId: (await rsUser()).id, countryCode: 'RS', role: 'ngo_expert' },
    }),
    expect: reviewRule(201, 403),
  },
  'DELETE /api/reviews/:id/participants/:participantId': {
    request: async () => {
      const id = await reviewFixture('draft')
      const { id: participantId } = await t.db
        .selectFrom('reviewParticipants')
        .select('id')
        .where('reviewId', '=', id)
        .executeTakeFirstOrThrow()
      return { url: rv(id, `/participants/${participantId}`) }
    },
    expect: reviewRule(200, 403),
  },
  // Consent is the participant's own choice: coordinators may not give it for them.
  'POST /api/reviews/:id/consent': {
    request: async () => ({ url: rv(await reviewFixture('draft'), '/consent'), payload: { named: true } }),
    expect: reviewRule(403, 200),
  },
  'POST /api/reviews/:id/open-round': {
    request: async () => ({ url: rv(await reviewFixture('draft'), '/open-round'), payload: { version: 1 } }),
    expect: reviewRule(200, 403),
  },
  'POST /api/reviews/:id/close-round': {
    request: async () => ({ url: rv(await reviewFixture('open'), '/close-round'), payload: { version: 2 } }),
    expect: reviewRule(200, 403),
  },
  'POST /api/reviews/:id/close': {
    request: async () => ({ url: rv(await reviewFixture('open'), '/close'), payload: { version: 2 } }),
    expect: reviewRule(200, 403),
  },
  'GET /api/reviews/:id/my-responses': {
    request: async () => ({ url: rv(await reviewFixture('open'), '/my-responses') }),
    expect: reviewRule(403, 200),
  },
  'PUT /api/reviews/:id/my-responses/:code': {
    request: async () => ({
      url: rv(await reviewFixture('open'), '/my-responses/IDN-1'),
      payload: { version: 0, ratings: { significance: 4 } },
    }),
    expect: reviewRule(403, 200),
  },
  'GET /api/reviews/:id/evidence': {
    request: async () => ({ url: rv(await reviewFixture('draft'), '/evidence') }),
    expect: reviewRule(200, 200),
  },
  // Anything that could show someone's ratings answers 404 to participants, as to everyone else.
  'GET /api/reviews/:id/results': {
    request: async () => ({ url: rv(await reviewFixture('open'), '/results') }),
    expect: reviewRule(200, 404),
  },
  'GET /api/reviews/:id/ratings': {
    request: async () => ({ url: rv(await reviewFixture('open'), '/ratings') }),
    expect: reviewRule(200, 404),
  },
  'GET /api/reviews/:id/decisions': {
    request: async () => ({ url: rv(await reviewFixture('closed'), '/decisions') }),
    expect: reviewRule(200, 404),
  },
  'PUT /api/reviews/:id/decisions/:code': {
    request: async () => ({
      url: rv(await reviewFixture('closed'), '/decisions/IDN-1'),
      payload: { version: 0, decision: 'keep' },
    }),
    expect: reviewRule(200, 403),
  },
  'POST /api/reviews/:id/generate': {
    request: async () => ({ url: rv(await reviewFixture('decided'), '/generate'), payload: { label: '2.0' } }),
    expect: reviewRule(201, 403),
  },
  'GET /api/reviews/:id/report': {
    request: async () => ({ url: rv(await reviewFixture('closed'), '/report') }),
    expect: reviewRule(200, 404),
  },
}

beforeAll(async () => {
  t = await createTestApp()
  const [admin, coordinator, lead, expert, provider, observer] = await Promise.all([
    asUser(t.app, 'admin'),
    asUser(t.app, 'regional_coordinator'),
    asUser(t.app, 'country_lead', 'RS'),
    asUser(t.app, 'expert', 'RS'),
    asUser(t.app, 'data_provider', 'RS'),
    asUser(t.app, 'observer', 'RS'),
  ])
  expertId = expert.id
  leadId = lead.id
  Object.assign(sessions, {
    admin: admin.cookie,
    coordinator: coordinator.cookie,
    lead: lead.cookie,
    expert: expert.cookie,
    provider: provider.cookie,
    observer: observer.cookie,
  })
})
afterAll(() => t.close())

const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`
const methodOf = (key: string) => key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

describe('authorization matrix', () => {
  it('has a decided rule for every registered route, and no rule for a route that does not exist', () => {
    const registered = t.app.routeList.map(keyOf)
    expect(registered.filter((key) => !(key in MATRIX))).toEqual([])
    expect(Object.keys(MATRIX).filter((key) => !registered.includes(key))).toEqual([])
  })

  it('marks exactly the public routes public', () => {
    for (const route of t.app.routeList) {
      expect(route.isPublic, keyOf(route)).toBe(MATRIX[keyOf(route)] === 'public')
    }
  })

  it('every non-public route answers 401 to an anonymous request', async () => {
    for (const [key, rule] of Object.entries(MATRIX)) {
      if (rule === 'public') continue
      const { url, payload, headers } = await rule.request()
      const res = await t.app.inject({
        method: methodOf(key),
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      })
      expect(res.statusCode, key).toBe(401)
      expect(res.json().error.code).toBe('unauthenticated')
    }
  })

  for (const [key, rule] of Object.entries(MATRIX)) {
    if (rule === 'public') continue
    it(`${key}: ${ROLES.map((r) => `${r} ${rule.expect[r]}`).join(', ')}`, async () => {
      const actual = {} as Record<RoleName, number>
      for (const role of ROLES) {
        const { url, payload, headers } = await rule.request()
        const res = await t.app.inject({
          method: methodOf(key),
          url,
          headers: { ...headers, cookie: sessions[role] },
          ...(payload === undefined ? {} : { payload }),
        })
        actual[role] = res.statusCode
      }
      expect(actual).toEqual(rule.expect)
    })
  }
})

import multipart from '@fastify/multipart'
import {
  CreateDraftBodySchema,
  FrameworkSummarySchema,
  IdSchema,
  type LocalizedText,
  UpdateVersionBodySchema,
  VersionCheckBodySchema,
  type VersionDetail,
  VersionDetailSchema,
  VersionDiffSchema,
  VersionParamsSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { parseJson } from '../../db/portable.ts'
import { withTransaction } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { createDraft } from './create-draft.ts'
import { diffVersions } from './diff-versions.ts'
import {
  countTranslations,
  type LoadedVersion,
  listFrameworks,
  loadVersion,
  toFrameworkDoc,
} from './frameworks.queries.ts'
import { importFrameworkDoc } from './import-framework.ts'
import { publishVersion } from './publish-version.ts'
import { detectUploadKind, FRAMEWORK_UPLOAD_BYTES, readFrameworkJson } from './read-upload.ts'
import { exportFileName, serializeFrameworkDoc } from './serialize.ts'
import { deleteDraft, retireVersion, updateDraft } from './version-lifecycle.ts'
import { readFrameworkXlsx, writeFrameworkXlsx } from './xlsx/index.ts'

const ACTIONS_BY_STATUS: Record<string, string[]> = {
  draft: ['version.edit', 'version.publish', 'version.delete'],
  published: ['version.createDraft', 'version.retire'],
  retired: ['version.createDraft'],
}

async function presentVersion(
  db: Parameters<typeof loadVersion>[0],
  actor: Actor,
  v: LoadedVersion,
): Promise<VersionDetail> {
  const retired = await db
    .selectFrom('versionRetirements')
    .select('code')
    .where('versionId', '=', v.row.id)
    .orderBy('code')
    .execute()
  const previous = v.basedOn ? await loadVersion(db, v.basedOn.id) : null
  return {
    id: v.row.id,
    framework: {
      id: v.framework.id,
      code: v.framework.code,
      name: parseJson<LocalizedText>(v.framework.name, {}),
      baseLocale: v.framework.baseLocale as VersionDetail['framework']['baseLocale'],
    },
    label: v.row.label,
    status: v.row.status as VersionDetail['status'],
    basedOn: v.basedOn,
    notes: parseJson<LocalizedText>(v.row.notes, {}),
    publishedAt: v.row.publishedAt,
    version: v.row.version,
    areas: v.areas,
    indicators: v.indicators,
    retired: retired.map((r) => ({
      code: r.code,
      title: previous?.indicators.find((i) => i.code === r.code)?.title ?? {},
    })),
    translations: countTranslations(v),
    abilities: can(actor, 'framework.edit', null) ? (ACTIONS_BY_STATUS[v.row.status] ?? []) : [],
  }
}

export const versionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['handbook']
  await app.register(multipart, { limits: { fileSize: FRAMEWORK_UPLOAD_BYTES, files: 1, fields: 5 } })
  const One = z.object({ data: VersionDetailSchema })
  const respond = async (actor: Actor, id: string) => ({
    data: await presentVersion(app.db, actor, await loadVersion(app.db, id)),
  })

  app.get(
    '/api/frameworks',
    { schema: { tags, response: { 200: z.object({ data: z.array(FrameworkSummarySchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      const list = await listFrameworks(app.db)
      return {
        data: list.map(({ framework, versions }) => ({
          id: framework.id,
          code: framework.code,
          name: parseJson<LocalizedText>(framework.name, {}),
          baseLocale: framework.baseLocale as VersionDetail['framework']['baseLocale'],
          versions,
          abilities: can(actor, 'framework.edit', null) ? ['framework.import'] : [],
        })),
      }
    },
  )

  app.get(
    '/api/framework-versions/:versionId',
    { schema: { tags, params: VersionParamsSchema, response: { 200: One } } },
    async (request) => respond(actorOf(request), request.params.versionId),
  )

  app.get(
    '/api/framework-versions/:versionId/export',
    {
      schema: {
        tags,
        params: VersionParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
      },
    },
    async (request, reply) => {
      const doc = toFrameworkDoc(await loadVersion(app.db, request.params.versionId))
      const name = exportFileName(doc, request.query.format)
      reply.header('content-disposition', `attachment; filename="${name}"`)
      if (request.query.format === 'xlsx') {
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        return reply.send(await writeFrameworkXlsx(doc))
      }
      return reply.type('application/json; charset=utf-8').send(serializeFrameworkDoc(doc))
    },
  )

  app.get(
    '/api/framework-versions/:versionId/diff',
    {
      schema: {
        tags,
        params: VersionParamsSchema,
        querystring: z.object({ against: IdSchema.optional() }),
        response: { 200: z.object({ data: VersionDiffSchema }) },
      },
    },
    async (request) => {
      const v = await loadVersion(app.db, request.params.versionId)
      const against = request.query.against ?? v.row.basedOnId
      if (!against)
        throw validationFailed([
          { path: 'querystring.against', message: 'This version has no earlier version; name one to compare with' },
        ])
      return { data: await diffVersions(app.db, against, v.row.id) }
    },
  )

  app.post(
    '/api/frameworks/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 201: One } } },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'framework.edit', null)
      if (!request.isMultipart())
        throw validationFailed([{ path: 'file', message: 'Send the file as multipart/form-data in the field "file"' }])
      const file = await request.file()
      if (!file) throw validationFailed([{ path: 'file', message: 'No file was sent' }])
      const data = await file.toBuffer()
      const doc = detectUploadKind(data) === 'xlsx' ? await readFrameworkXlsx(data) : readFrameworkJson(data)
      const id = await withTransaction(app.db, (trx) => importFrameworkDoc(trx, contextOf(request), doc))
      return reply.status(201).send(await respond(actor, id))
    },
  )

  app.post(
    '/api/framework-versions/:versionId/drafts',
    { schema: { tags, params: VersionParamsSchema, body: CreateDraftBodySchema, response: { 201: One } } },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'framework.edit', null)
      const id = await withTransaction(app.db, (trx) =>
        createDraft(trx, contextOf(request), request.params.versionId, request.body.label),
      )
      return reply.status(201).send(await respond(actor, id))
    },
  )

  app.patch(
    '/api/framework-versions/:versionId',
    { schema: { tags, params: VersionParamsSchema, body: UpdateVersionBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'framework.edit', null)
      await withTransaction(app.db, (trx) =>
        updateDraft(trx, contextOf(request), request.params.versionId, request.body),
      )
      return respond(actor, request.params.versionId)
    },
  )

  app.post(
    '/api/framework-versions/:versionId/publish',
    { schema: { tags, params: VersionParamsSchema, body: VersionCheckBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'framework.edit', null)
      await withTransaction(app.db, (trx) =>
        publishVersion(trx, contextOf(request), request.params.versionId, request.body.version),
      )
      return respond(actor, request.params.versionId)
    },
  )

  app.post(
    '/api/framework-versions/:versionId/retire',
    { schema: { tags, params: VersionParamsSchema, body: VersionCheckBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'framework.edit', null)
      await withTransaction(app.db, (trx) =>
        retireVersion(trx, contextOf(request), request.params.versionId, request.body.version),
      )
      return respond(actor, request.params.versionId)
    },
  )

  app.delete(
    '/api/framework-versions/:versionId',
    {
      schema: {
        tags,
        params: VersionParamsSchema,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      authorize(actorOf(request), 'framework.edit', null)
      await withTransaction(app.db, (trx) =>
        deleteDraft(trx, contextOf(request), request.params.versionId, request.query.version),
      )
      return { ok: true as const }
    },
  )
}

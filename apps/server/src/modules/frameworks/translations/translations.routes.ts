import multipart from '@fastify/multipart'
import {
  SaveTranslationsBodySchema,
  SaveTranslationsResultSchema,
  TRANSLATABLE_LOCALES,
  type TranslatableLocale,
  TranslationImportResultSchema,
  TranslationItemParamsSchema,
  TranslationOverviewSchema,
  TranslationWorkbookQuerySchema,
  VersionParamsSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../../actor.ts'
import { withTransaction } from '../../../db/transaction.ts'
import { notFound, validationFailed } from '../../../errors.ts'
import { actorOf, contextOf } from '../../../http/auth.ts'
import { authorize, can } from '../../../policies.ts'
import { loadVersion, toFrameworkDoc } from '../frameworks.queries.ts'
import { FRAMEWORK_UPLOAD_BYTES } from '../read-upload.ts'
import { loadWorkbook } from '../xlsx/load-workbook.ts'
import { importTranslations } from './import-translations.ts'
import { saveTranslations } from './save-translations.ts'
import { translationFileName, writeTranslationWorkbook } from './translation-workbook.ts'
import { translationOverview, writableLocales } from './translations.queries.ts'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The locales of `?locales=sq,mk`: each writable in this version (default: all of them). */
function workbookLocales(list: string | undefined, baseLocale: string): TranslatableLocale[] {
  const writable = writableLocales(baseLocale)
  if (!list) return writable
  const asked = [...new Set(list.split(','))]
  const wrong = asked.filter((l) => !(writable as string[]).includes(l))
  if (wrong.length)
    throw validationFailed([
      {
        path: 'querystring.locales',
        message: `Not a language to translate into: ${wrong.join(', ')} (use ${writable.join(', ')})`,
      },
    ])
  return TRANSLATABLE_LOCALES.filter((l) => asked.includes(l))
}

/** Side-by-side content translation of a version, and the translators' workbook (decision 0011). */
export const translationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['handbook']
  const base = '/api/framework-versions/:versionId/translations'
  await app.register(multipart, { limits: { fileSize: FRAMEWORK_UPLOAD_BYTES, files: 1, fields: 5 } })
  const mayTranslate = (actor: Actor) => can(actor, 'framework.translate', null)

  app.get(
    base,
    {
      schema: { tags, params: VersionParamsSchema, response: { 200: z.object({ data: TranslationOverviewSchema }) } },
    },
    async (request) => {
      const actor = actorOf(request)
      const v = await loadVersion(app.db, request.params.versionId)
      authorize(actor, 'framework.read', null)
      return { data: translationOverview(v, mayTranslate(actor)) }
    },
  )

  app.put(
    `${base}/:itemKey`,
    {
      schema: {
        tags,
        params: TranslationItemParamsSchema,
        body: SaveTranslationsBodySchema,
        response: { 200: z.object({ data: SaveTranslationsResultSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { versionId, itemKey } = request.params
      authorize(actor, 'framework.translate', null)
      await withTransaction(app.db, (trx) =>
        saveTranslations(trx, contextOf(request), versionId, itemKey, request.body),
      )
      const overview = translationOverview(await loadVersion(app.db, versionId), mayTranslate(actor))
      const item = overview.items.find((i) => i.key === itemKey)
      if (!item) throw notFound(`No item ${itemKey} in this version`)
      return { data: { item, gaps: overview.gaps } }
    },
  )

  app.get(
    `${base}.xlsx`,
    { schema: { tags, params: VersionParamsSchema, querystring: TranslationWorkbookQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request)
      const doc = toFrameworkDoc(await loadVersion(app.db, request.params.versionId))
      authorize(actor, 'framework.read', null)
      const locales = workbookLocales(request.query.locales, doc.framework.baseLocale)
      const data = await writeTranslationWorkbook(doc, locales, request.query.lang)
      reply.header('content-disposition', `attachment; filename="${translationFileName(doc)}"`)
      reply.header('cache-control', 'private, no-store')
      return reply.type(XLSX_TYPE).send(data)
    },
  )

  app.post(
    `${base}.xlsx`,
    {
      schema: {
        tags,
        params: VersionParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ data: TranslationImportResultSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      await loadVersion(app.db, request.params.versionId)
      authorize(actor, 'framework.translate', null)
      if (!request.isMultipart())
        throw validationFailed([{ path: 'file', message: 'Send the file as multipart/form-data in the field "file"' }])
      const file = await request.file()
      if (!file) throw validationFailed([{ path: 'file', message: 'No file was sent' }])
      // Opened (and guarded) before the transaction, so a large file never holds the database.
      const workbook = await loadWorkbook(await file.toBuffer())
      const result = await withTransaction(app.db, (trx) =>
        importTranslations(trx, contextOf(request), request.params.versionId, workbook),
      )
      return { data: result }
    },
  )
}

import multipart from '@fastify/multipart'
import { CountryCodeSchema, IdParamsSchema, IdSchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { AppError, notFound, validationFailed } from '../../errors.ts'
import { createFileStore, FileStoreError, withFileWrites } from '../../files-store/file-store.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { evidenceKey, uploadFile } from './upload-file.ts'

/** Largest evidence file. */
export const EVIDENCE_FILE_BYTES = 20 * 1024 * 1024

const FileSchema = z.object({ id: IdSchema, name: z.string(), size: z.number().int(), mediaType: z.string() })

/** An S3 store that cannot be reached or refuses is an outage (503), named as such rather than as a database one. */
async function orUnavailable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (!(err instanceof FileStoreError)) throw err
    throw new AppError(
      'unavailable',
      'The file store cannot be reached at the moment, so nothing was saved or sent. Try again in a minute; if this goes on, tell an administrator.',
      { reason: 'file_store' },
      { cause: err },
    )
  }
}

export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['data collection']
  await app.register(multipart, { limits: { fileSize: EVIDENCE_FILE_BYTES, files: 1, fields: 5 } })
  const store = createFileStore(app.config)

  app.post(
    '/api/files',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 201: z.object({ data: FileSchema }) } } },
    async (request, reply) => {
      const actor = actorOf(request)
      if (!request.isMultipart())
        throw validationFailed([
          { path: 'file', message: 'Send the file as multipart/form-data with a "country" field first' },
        ])
      const part = await request.file()
      if (!part) throw validationFailed([{ path: 'file', message: 'No file was sent' }])
      const field = part.fields.country
      const country = CountryCodeSchema.safeParse(field && 'value' in field ? field.value : undefined)
      if (!country.success)
        throw validationFailed([{ path: 'country', message: 'Name the country the evidence is for (before the file)' }])
      if (!can(actor, 'country.read', { code: country.data })) throw notFound('Country not found')
      authorize(actor, 'file.upload', { countryCode: country.data })
      const data = await part.toBuffer()
      const row = await orUnavailable(() =>
        withFileWrites(store, (files) =>
          withTransaction(app.db, (trx) =>
            uploadFile(trx, contextOf(request), actor, { files, countryCode: country.data, name: part.filename, data }),
          ),
        ),
      )
      return reply
        .status(201)
        .send({ data: { id: row.id, name: row.originalName, size: row.size, mediaType: row.mediaType } })
    },
  )

  app.get('/api/files/:id', { schema: { tags, params: IdParamsSchema } }, async (request, reply) => {
    const actor = actorOf(request)
    const file = await app.db.selectFrom('files').selectAll().where('id', '=', request.params.id).executeTakeFirst()
    if (!file || !can(actor, 'file.read', file)) throw notFound('File not found')
    const content = await orUnavailable(() => store.get(evidenceKey(file.id)))
    if (!content) throw new AppError('unavailable', 'The file is missing from the file store; ask an administrator')
    reply.header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(file.originalName)}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    )
    reply.header('cache-control', 'private, no-store')
    return reply.type(file.mediaType).send(content)
  })
}

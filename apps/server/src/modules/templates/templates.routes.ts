import { createHash } from 'node:crypto'
import multipart from '@fastify/multipart'
import {
  ImportBatchParamsSchema,
  ImportBatchSchema,
  RevertImportBatchBodySchema,
  RoundCountryParamsSchema,
  TemplateImportJobParamsSchema,
  TemplateImportJobSchema,
  TemplateImportResultSchema,
  TemplateQuerySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { newId } from '../../ids.ts'
import { notifyJobQueued } from '../../jobs/wake.ts'
import { authorize } from '../../policies.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { getRoundCountryOrThrow } from '../rounds/rounds.queries.ts'
import { getBatchOrThrow, listBatches } from './import-batches.queries.ts'
import { enqueueTemplateImport, templateImportView } from './import-job.ts'
import { assertCollectingRound, assertTemplateFits, importTemplate, warmImport } from './import-template.ts'
import { readTemplate, readTemplateSignature } from './read-template.ts'
import { revertBatch } from './revert-batch.ts'
import { loadTemplateModel, templateOrganisations } from './template-data.ts'
import { TEMPLATE_UPLOAD_BYTES } from './template-layout.ts'
import { keepUpload } from './template-uploads.ts'
import { writeTemplate } from './write-template.ts'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A plain ASCII file name for a downloaded template, e.g. `thbm-template-RS-2026.xlsx`. */
export function templateFileName(round: LoadedRound, country: string, organisationName?: string): string {
  const org = organisationName
    ?.normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
  return `thbm-template-${country}-${round.row.periodTo.slice(0, 4)}${org ? `-${org}` : ''}.xlsx`
}

export const templatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['data collection']
  const base = '/api/rounds/:roundId/countries/:country'
  await app.register(multipart, { limits: { fileSize: TEMPLATE_UPLOAD_BYTES, files: 1, fields: 5 } })

  app.get(
    `${base}/template`,
    { schema: { tags, params: RoundCountryParamsSchema, querystring: TemplateQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'template.use', { countryCode: country })
      const organisations = await templateOrganisations(app.db, actor, country, request.query.organisation)
      assertCollectingRound(round)
      const model = await loadTemplateModel(app.db, actor, round, country, organisations)
      const data = await writeTemplate(model, request.query.lang)
      const name = templateFileName(round, country, request.query.organisation ? organisations[0]?.name : undefined)
      reply.header('content-disposition', `attachment; filename="${name}"`)
      reply.header('cache-control', 'private, no-store')
      return reply.type(XLSX_TYPE).send(data)
    },
  )

  app.post(
    `${base}/template`,
    {
      schema: {
        tags,
        params: RoundCountryParamsSchema,
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({ data: TemplateImportResultSchema }),
          202: z.object({ data: TemplateImportJobSchema }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'template.use', { countryCode: country })
      assertCollectingRound(round)
      if (!request.isMultipart())
        throw validationFailed([
          { path: 'file', message: 'Send the workbook as multipart/form-data in the field "file"' },
        ])
      const file = await request.file()
      if (file?.fieldname !== 'file') throw validationFailed([{ path: 'file', message: 'No file was sent' }])
      const data = await file.toBuffer()
      const upload = {
        round,
        countryCode: country,
        source: 'upload' as const,
        fileName: file.filename ? file.filename.slice(0, 255) : null,
        fileSha256: createHash('sha256').update(data).digest('hex'),
      }
      const signature = await readTemplateSignature(data)
      if (signature.rows > app.config.templateJobRows) {
        // A large workbook: what needs none of its rows is checked now; a job reads, checks and saves the rows.
        await assertTemplateFits(app.db, actor, { ...upload, parsed: { signature, rows: [] } })
        const jobId = await withTransaction(app.db, async (trx) => {
          const uploadId = newId()
          await keepUpload(trx, uploadId, data)
          const { requestId } = contextOf(request)
          const { fileName, fileSha256 } = upload
          const payload = {
            uploadId,
            roundId,
            countryCode: country,
            actorId: actor.id,
            requestId,
            fileName,
            fileSha256,
          }
          return enqueueTemplateImport(trx, payload)
        })
        notifyJobQueued()
        reply.code(202)
        return { data: { jobId, status: 'queued' as const, progress: 0, phase: null, result: null } }
      }
      const parsed = await readTemplate(data)
      await warmImport(app.db, round)
      const input = { ...upload, parsed }
      const outcome = await withTransaction(app.db, (trx) => importTemplate(trx, contextOf(request), actor, input))
      const batch = outcome.batchId ? (await listBatches(app.db, actor, round, country, outcome.batchId))[0] : null
      return { data: { batch: batch ?? null, unchanged: outcome.unchanged, warnings: outcome.warnings } }
    },
  )

  app.get(
    `${base}/template/imports/:jobId`,
    {
      schema: {
        tags,
        params: TemplateImportJobParamsSchema,
        response: { 200: z.object({ data: TemplateImportJobSchema }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country, jobId } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'template.use', { countryCode: country })
      reply.header('cache-control', 'no-store')
      return { data: await templateImportView(app.db, actor, round, country, jobId) }
    },
  )

  app.get(
    `${base}/import-batches`,
    {
      schema: {
        tags,
        params: RoundCountryParamsSchema,
        response: { 200: z.object({ data: z.array(ImportBatchSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'importBatch.read', { countryCode: country })
      return { data: await listBatches(app.db, actor, round, country) }
    },
  )

  app.post(
    `${base}/import-batches/:batchId/revert`,
    {
      schema: {
        tags,
        params: ImportBatchParamsSchema,
        body: RevertImportBatchBodySchema,
        response: { 200: z.object({ data: ImportBatchSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country, batchId } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'importBatch.revert', { countryCode: country })
      const batch = await getBatchOrThrow(app.db, round.row.id, country, batchId)
      await withTransaction(app.db, (trx) => revertBatch(trx, contextOf(request), round, batch, request.body.reason))
      const [presented] = await listBatches(app.db, actor, round, country, batch.id)
      return { data: presented as NonNullable<typeof presented> }
    },
  )
}

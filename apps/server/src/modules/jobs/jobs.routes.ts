import { IdParamsSchema, type JobStatus, JobViewSchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../errors.ts'
import { actorOf } from '../../http/auth.ts'
import type { JobRow } from '../../jobs/types.ts'
import { can } from '../../policies.ts'

/** A job's progress: what a worker is doing with it, never its payload or result. */
export const presentJob = (r: JobRow) => ({
  id: r.id,
  kind: r.kind,
  status: r.status as JobStatus,
  progress: Math.min(1, Math.max(0, Number(r.progress))),
  note: r.progressNote,
  error: r.error,
  attempts: r.attempts,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

/** Progress of background jobs (report rendering, …), for the person who caused one and for administrators. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs/:id',
    { schema: { tags: ['jobs'], params: IdParamsSchema, response: { 200: z.object({ data: JobViewSchema }) } } },
    async (request, reply) => {
      const row = await app.db.selectFrom('jobs').selectAll().where('id', '=', request.params.id).executeTakeFirst()
      if (!row || !can(actorOf(request), 'job.read', row)) throw notFound('Job not found')
      reply.header('cache-control', 'no-store')
      return { data: presentJob(row) }
    },
  )
}

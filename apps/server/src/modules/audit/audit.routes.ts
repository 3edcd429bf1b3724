import { AuditPageSchema, AuditQuerySchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { actorOf } from '../../http/auth.ts'
import { authorize } from '../../policies.ts'
import { findAuditEvents } from './audit.queries.ts'

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'audit.read', null)
      return findAuditEvents(app.db, actor, request.query)
    },
  )
}

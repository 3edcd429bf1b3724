import { MarkNotificationsReadBodySchema, NotificationListQuerySchema, NotificationListSchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { actorOf } from '../../http/auth.ts'
import { markRead } from './mark-read.ts'
import { listNotifications } from './notifications.queries.ts'

/** The signed-in person's own notifications; nobody reads or marks another person's. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications']

  app.get(
    '/api/me/notifications',
    { schema: { tags, querystring: NotificationListQuerySchema, response: { 200: NotificationListSchema } } },
    async (request) => listNotifications(app.db, actorOf(request), request.query),
  )

  app.post(
    '/api/me/notifications/read',
    {
      schema: {
        tags,
        body: MarkNotificationsReadBodySchema,
        response: { 200: z.object({ data: z.object({ unread: z.number().int() }) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      await withTransaction(app.db, (trx) => markRead(trx, actor, request.body))
      const { unread } = await listNotifications(app.db, actor, { limit: 1 })
      return { data: { unread } }
    },
  )
}

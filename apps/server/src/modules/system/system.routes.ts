import { HealthSchema, PublicConfigSchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { AppError } from '../../errors.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { isDemoInstallation } from '../../seed/meta.ts'

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: HealthSchema } } },
    async () => {
      try {
        await sql`select 1`.execute(app.db)
      } catch (err) {
        throw new AppError('unavailable', 'The database is not reachable', undefined, { cause: err })
      }
      return { status: 'ok' as const, database: app.dbHandle.engine, version: app.config.version }
    },
  )

  app.get(
    '/api/config',
    { config: { public: true }, schema: { tags: ['system'], response: { 200: PublicConfigSchema } } },
    async () => {
      const demo = await isDemoInstallation(app.db)
      return {
        version: app.config.version,
        demo,
        demoAccounts: demo
          ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role, countryCode: a.countryCode }))
          : [],
        demoPassword: demo ? DEMO_PASSWORD : null,
        defaultLocale: app.config.defaultLocale,
      }
    },
  )
}

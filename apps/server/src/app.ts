import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import { registerAuth } from './http/auth.ts'
import { registerErrorHandler } from './http/error-handler.ts'
import { registerInputHygiene } from './http/input-hygiene.ts'
import { registerOpenApi } from './http/openapi.ts'
import { registerSecurity } from './http/security.ts'
import { registerWebApp } from './http/static.ts'
import { answersRoutes } from './modules/answers/answers.routes.ts'
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts'
import { auditRoutes } from './modules/audit/audit.routes.ts'
import { authRoutes } from './modules/auth/auth.routes.ts'
import { countriesRoutes } from './modules/countries/countries.routes.ts'
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes.ts'
import { discussionRoutes } from './modules/discussion/discussion.routes.ts'
import { filesRoutes } from './modules/files/files.routes.ts'
import { indicatorsRoutes } from './modules/frameworks/indicators.routes.ts'
import { translationsRoutes } from './modules/frameworks/translations/translations.routes.ts'
import { versionsRoutes } from './modules/frameworks/versions.routes.ts'
import { guideRoutes } from './modules/guide/guide.routes.ts'
import { jobsRoutes } from './modules/jobs/jobs.routes.ts'
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts'
import { organisationsRoutes } from './modules/organisations/organisations.routes.ts'
import { recommendationsRoutes } from './modules/recommendations/recommendations.routes.ts'
import { publicReportsRoutes } from './modules/reports/public.routes.ts'
import { reportsRoutes } from './modules/reports/reports.routes.ts'
import { reviewWorkRoutes } from './modules/reviews/review-work.routes.ts'
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts'
import { roundsRoutes } from './modules/rounds/rounds.routes.ts'
import { systemRoutes } from './modules/system/system.routes.ts'
import { templatesRoutes } from './modules/templates/templates.routes.ts'
import { usersRoutes } from './modules/users/users.routes.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>
    db: DatabaseHandle['db']
    dbHandle: DatabaseHandle
  }
}

export interface RouteInfo {
  method: string
  url: string
  isPublic: boolean
}

export interface AppDeps {
  config: Readonly<Config>
  database: DatabaseHandle
  logger?: boolean
}

/** Builds the HTTP app (plugins and modules) without listening, for main.ts and for tests through inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { routeList: RouteInfo[] }> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: deps.config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('config', deps.config)
  app.decorate('db', deps.database.db)
  app.decorate('dbHandle', deps.database)

  const routeList: RouteInfo[] = []
  app.addHook('onRoute', (route) => {
    // The API docs page and its assets are public, like the OpenAPI document they show.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true }
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if (method === 'HEAD') continue
      routeList.push({ method, url: route.url, isPublic: Boolean(route.config?.public) })
    }
  })

  registerErrorHandler(app)
  registerInputHygiene(app)
  await registerSecurity(app)
  await app.register(cookie)
  registerAuth(app)
  await registerOpenApi(app)

  await app.register(systemRoutes)
  await app.register(authRoutes)
  await app.register(usersRoutes)
  await app.register(countriesRoutes)
  await app.register(organisationsRoutes)
  await app.register(auditRoutes)
  await app.register(versionsRoutes)
  await app.register(indicatorsRoutes)
  await app.register(translationsRoutes)
  await app.register(roundsRoutes)
  await app.register(answersRoutes)
  await app.register(assessmentsRoutes)
  await app.register(recommendationsRoutes)
  await app.register(discussionRoutes)
  await app.register(filesRoutes)
  await app.register(templatesRoutes)
  await app.register(notificationsRoutes)
  await app.register(jobsRoutes)
  await app.register(reportsRoutes)
  await app.register(dashboardsRoutes)
  await app.register(reviewsRoutes)
  await app.register(reviewWorkRoutes)
  await app.register(publicReportsRoutes)
  await app.register(guideRoutes)
  await registerWebApp(app)

  return Object.assign(app, { routeList })
}

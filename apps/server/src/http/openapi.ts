import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI 3 generated from the routes' zod schemas, at /api/openapi.json, with a docs page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'THB Monitor API',
        version: app.config.version,
        description: 'Monitoring of anti-trafficking policy.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'thbm_session' } } },
      security: [{ session: [] }],
    },
    // Public routes need no session: say so, rather than inherit the document-wide session requirement.
    transform: (input) => {
      const out = jsonSchemaTransform(input)
      return input.route.config?.public ? { ...out, schema: { ...out.schema, security: [] } } : out
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } })
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger())
}

import fc from 'fast-check'
import type { App } from '../test-app.ts'
import { HOSTILE_URL_PARTS } from './hostile.ts'
import { fuzzArbitrary, type JsonSchema, validArbitrary } from './schema-arbitrary.ts'

/** Every route of the app with the JSON Schemas of its path, query and body, from the OpenAPI document. */
export interface FuzzRoute {
  method: string
  /** Fastify's form, e.g. /api/users/:id */
  url: string
  isPublic: boolean
  params: { name: string; schema: JsonSchema }[]
  query: { name: string; schema: JsonSchema; required: boolean }[]
  body: JsonSchema | null
}

export interface FuzzRequest {
  method: string
  url: string
  body: unknown
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

export function fuzzRoutes(app: App): FuzzRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> }
  return app.routeList.map((route) => {
    const openApiPath = route.url.replace(/:(\w+)/g, '{$1}')
    const op = doc.paths[openApiPath]?.[route.method.toLowerCase()] ?? {}
    const parameters = op.parameters ?? []
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string)
    return {
      method: route.method,
      url: route.url,
      isPublic: route.isPublic,
      params: names.map((name) => ({
        name,
        schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' },
      })),
      query: parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    }
  })
}

const COUNTRY_PATTERN = '^[A-Z]{2}$'

/** The real values a path parameter can take in the fixture (an `id` by the URL's first segment). */
function poolFor(route: FuzzRoute, name: string, schema: JsonSchema, pool: Record<string, string[]>): string[] {
  if (name === 'code') return schema.pattern === COUNTRY_PATTERN ? (pool.country ?? []) : (pool.indicator ?? [])
  if (name === 'id') return pool[`id:${route.url.split('/')[2]}`] ?? pool.id ?? []
  return pool[name] ?? []
}

/** Anything that names the sentinel country becomes RS: no fuzzed request may address MK's rows. */
function avoidSentinel(value: unknown): unknown {
  if (value === 'MK') return 'RS'
  if (Array.isArray(value)) return value.map(avoidSentinel)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, avoidSentinel(v)]))
  return value
}

/** Any generated value as text: objects (even without a prototype, which String() refuses) as JSON. */
function asText(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)
}

function queryString(values: Record<string, unknown>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, asText(v))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The URL of a route with the given path values (encoded) and query. */
export function urlOf(route: FuzzRoute, params: Record<string, string>, query = ''): string {
  const path = route.url
    .replace(/:(\w+)/g, (_m, name: string) => params[name] ?? 'x')
    .replace(/\*$/, params['*'] ?? 'x')
  return `${path}${query}`
}

/**
 * Requests for a route: path values mostly real (from the pool) or matching the schema, sometimes hostile; query
 * and body generated from the schemas, valid-looking with hostile leaves mixed in. PDF is left out: it needs
 * Chromium, which has its own tests and would dominate the time.
 */
export function requestArbitrary(route: FuzzRoute, pool: Record<string, string[]>): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(
    Object.fromEntries(
      [...route.params, ...(route.url.endsWith('*') ? [{ name: '*', schema: {} }] : [])].map(({ name, schema }) => {
        const real = poolFor(route, name, schema, pool)
        const options = [
          { weight: 1, arbitrary: validArbitrary(schema).map((v) => encodeURIComponent(asText(v))) },
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_URL_PARTS) },
        ]
        if (real.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...real) })
        return [name, fc.oneof(...options)]
      }),
    ),
  )
  const query = fc.record(
    Object.fromEntries(
      route.query.map((q) => [q.name, q.schema.enum?.includes('pdf') ? fc.constant('docx') : fuzzArbitrary(q.schema)]),
    ),
    { requiredKeys: [] },
  )
  const body = route.body ? fuzzArbitrary(route.body) : fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })
  return fc.record({ params, query, body }).map(({ params: p, query: q, body: b }) => ({
    method: route.method,
    url: urlOf(
      route,
      avoidSentinel(p) as Record<string, string>,
      queryString(avoidSentinel(q) as Record<string, unknown>),
    ),
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : avoidSentinel(b),
  }))
}

/** A request of the route with real path values and a schema-valid body, for hand-picked payloads to start from. */
export function sampleRequest(
  route: FuzzRoute,
  pool: Record<string, string[]>,
  seed = 7,
): FuzzRequest & { params: Record<string, string> } {
  const params = Object.fromEntries(
    route.params.map(({ name, schema }) => {
      const real = poolFor(route, name, schema, pool)
      const value = real[0] ?? fc.sample(validArbitrary(schema), { numRuns: 1, seed })[0]
      return [name, encodeURIComponent(asText(value))]
    }),
  )
  return {
    method: route.method,
    params,
    url: urlOf(route, params),
    body: route.body ? fc.sample(validArbitrary(route.body), { numRuns: 1, seed })[0] : undefined,
  }
}

import type { FastifyInstance } from 'fastify'
import { validationFailed } from '../errors.ts'

const NUL = '\u0000'

/** The path of the first string (or key) that holds a NUL character, or null. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null
  if (depth > 64 || !value || typeof value !== 'object') return null
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`
    const found = nulPath(item, `${path}.${key}`, depth + 1)
    if (found) return found
  }
  return null
}

/**
 * Refuses a NUL character anywhere in the path, query or JSON body with 400, on both databases alike: PostgreSQL
 * cannot store it in text (a 500 before), and in SQLite it would end up in exports and reports.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'querystring') ?? nulPath(request.body, 'body')
    if (path) throw validationFailed([{ path, message: 'Remove the NUL character (\\0): it cannot be stored' }])
  })
}

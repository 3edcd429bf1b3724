import type { FastifyInstance } from 'fastify'
import { validationFailed } from '../errors.ts'

const NUL = '\u0000'

/** The path of the first string (or key) that holds a NUL character, or null. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  // The path is made only on the way back from a NUL (the walk runs over every request body).
  const found = nulAt(value, depth)
  return found && `${path}${found.map((key) => `.${key}`).join('')}`
}

/** The keys down to the first NUL ([] when it is in the value itself), or null. */
function nulAt(value: unknown, depth: number): string[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? [] : null
  if (depth > 64 || !value || typeof value !== 'object') return null
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (key.includes(NUL)) return [key.replaceAll(NUL, '\\0')]
    const found = nulAt((value as Record<string, unknown>)[key], depth + 1)
    if (found) return [key, ...found]
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

import fc from 'fast-check'
import { HOSTILE_STRINGS, HOSTILE_VALUES } from './hostile.ts'

/** The JSON Schema subset the OpenAPI document of the routes uses (generated from their zod schemas). */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
}

const hostileString = fc.constantFrom(...HOSTILE_STRINGS)
const hostileValue = fc.constantFrom(...HOSTILE_VALUES)

/** Short strings of any Unicode, now and then a hostile one. */
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: hostileString },
)

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'email') return fc.emailAddress()
  if (schema.format === 'uri') return fc.webUrl()
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern))
    } catch {
      return anyString
    }
  }
  const minLength = schema.minLength ?? 0
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40))
  return fc.string({ unit: 'grapheme', minLength, maxLength })
}

/**
 * Values that satisfy the schema most of the time: the shapes and ranges it names, with short strings and arrays.
 * Patterns are honoured, cross-field rules are not, so deeper validation in the routes gets exercised too.
 */
export function validArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if ('const' in schema) return fc.constant(schema.const)
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validArbitrary(s, depth)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return stringOf(schema)
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 1_000_000, 2 ** 31),
      })
    case 'number':
      return fc.double({
        min: Math.max(schema.minimum ?? -1e9, -1e15),
        max: Math.min(schema.maximum ?? 1e9, 1e15),
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const minLength = schema.minItems ?? 0
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3))
      return depth > 6
        ? fc.constant([])
        : fc.array(validArbitrary(schema.items ?? {}, depth + 1), { minLength, maxLength })
    }
    case 'object': {
      const properties = schema.properties ?? {}
      const required = schema.required ?? []
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [
          key,
          depth > 6 ? fc.constant(null) : validArbitrary(s, depth + 1),
        ]),
      )
      return fc.record(shape, { requiredKeys: required.filter((k) => k in properties) })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Every path to a leaf (string, number, boolean, null) of a JSON value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
  return [prefix]
}

/** A copy of the value with the leaf at the path replaced. */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[head] = replaceAt(copy[head], rest, replacement)
  return copy
}

/** A valid-looking value with one leaf swapped for a hostile string or value. */
export function mutatedArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc
    .tuple(validArbitrary(schema), fc.nat(), fc.oneof(hostileString, hostileValue))
    .map(([value, n, replacement]) => {
      const paths = leafPaths(value)
      return paths.length ? replaceAt(value, paths[n % paths.length] as (string | number)[], replacement) : replacement
    })
}

/** Input for a schema: mostly valid-looking, often one hostile leaf, sometimes anything at all. */
export function fuzzArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: validArbitrary(schema) },
    { weight: 3, arbitrary: mutatedArbitrary(schema) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: hostileValue },
  )
}

/**
 * The smallest value the schema allows (required keys only, shortest arrays, lowest numbers), with `text` in every
 * free-text field (a string without pattern, format or enum): a body that passes validation more often than not, so
 * the text reaches the code and the database behind it.
 */
export function minimalValue(schema: JsonSchema, text: string, depth = 0): unknown {
  if (schema.enum) return schema.enum[0]
  if ('const' in schema) return schema.const
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf
  if (alternatives?.length) {
    const first = alternatives.find((s) => s.type !== 'null') ?? alternatives[0]
    return minimalValue(first as JsonSchema, text, depth)
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      if (schema.pattern || schema.format) return fc.sample(stringOf(schema), { numRuns: 1, seed: 1 })[0]
      return text
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 1, 1))
    case 'boolean':
      return false
    case 'null':
      return null
    case 'array':
      return depth > 6
        ? []
        : Array.from({ length: schema.minItems ?? 0 }, () => minimalValue(schema.items ?? {}, text, depth + 1))
    case 'object':
      return Object.fromEntries(
        (schema.required ?? [])
          .filter((key) => schema.properties?.[key])
          .map((key) => [key, minimalValue(schema.properties?.[key] as JsonSchema, text, depth + 1)]),
      )
    default:
      return text
  }
}

import type { ParseArgsConfig } from 'node:util'

/** Wrong arguments: the CLI prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {}

export interface Command {
  /** The words that name the command, e.g. `user invite`. */
  name: string
  summary: string
  /** Lines after "Usage:", one per option. */
  usage: string[]
  options: NonNullable<ParseArgsConfig['options']>
  /** The option one bare argument stands for (`thbm backup FILE` = `thbm backup --out FILE`). */
  positional?: string
  run(values: Record<string, string | boolean | undefined>): Promise<void>
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`)
  return v.trim()
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

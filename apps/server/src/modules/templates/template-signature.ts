import { createHash } from 'node:crypto'
import type { Locale } from '@thbm/shared'
import type { SignatureField } from './template-layout.ts'

/**
 * What ties an uploaded workbook to the template it came from. Each Data row carries, in its hidden `ref` cell, the
 * organisation, the answer's version at download, a baseline hash of the value written (so the upload can tell
 * which rows someone changed) and a check over its row number, indicator code and field key (so moved, inserted or
 * edited rows are found). The hidden Signature sheet names the round, country, framework version and organisations
 * and holds a hash over all of it. These are guards against accidental edits, not secrets: permissions are checked
 * again on upload.
 */
export interface Signature {
  format: string
  formatVersion: number
  roundId: string
  country: string
  frameworkVersionId: string
  organisations: string[]
  language: Locale
  rows: number
  structureHash: string
  createdAt: string
}

/** One row's technical reference, as stored in its `ref` cell. */
export interface RowRef {
  organisationId: string
  version: number
  baseline: string
  check: string
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A cell value as compared between download and upload: text without surrounding spaces; empty is ''. */
export function normalizeValue(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim()
}

/** The baseline hash of a value, written at download and compared on upload. */
export const baselineOf = (value: string | number | null | undefined): string =>
  sha256(normalizeValue(value)).slice(0, 16)

/** The check of a row: changes when the row moves, or its code, key or reference is edited. */
export function rowCheck(row: number, code: string, key: string, ref: Omit<RowRef, 'check'>): string {
  return sha256([row, code, key, ref.organisationId, ref.version, ref.baseline].join('\n')).slice(0, 16)
}

export function formatRef(ref: RowRef): string {
  return [ref.organisationId, ref.version, ref.baseline, ref.check].join('|')
}

export function parseRef(text: string | undefined): RowRef | null {
  const parts = text?.trim().split('|') ?? []
  if (parts.length !== 4) return null
  const [organisationId = '', version = '', baseline = '', check = ''] = parts
  if (!/^\d+$/.test(version) || !/^[0-9a-f]{16}$/.test(baseline) || !/^[0-9a-f]{16}$/.test(check)) return null
  return { organisationId, version: Number(version), baseline, check }
}

/** The hash over the signature's fields, the Data headers and every row's code, key and reference, in order. */
export function structureHash(
  signature: Omit<Signature, 'structureHash'>,
  headers: readonly string[],
  rows: readonly { code: string; key: string; ref: string }[],
): string {
  const { format, formatVersion, roundId, country, frameworkVersionId, organisations, language, createdAt } = signature
  const head = [format, formatVersion, roundId, country, frameworkVersionId, organisations.join(','), language]
  return sha256(JSON.stringify([...head, signature.rows, createdAt, headers, rows.map((r) => [r.code, r.key, r.ref])]))
}

/** The Signature sheet's values as text, by field. */
export function signatureValues(s: Signature): Record<SignatureField, string> {
  return {
    format: s.format,
    formatVersion: String(s.formatVersion),
    roundId: s.roundId,
    country: s.country,
    frameworkVersionId: s.frameworkVersionId,
    organisations: s.organisations.join(','),
    language: s.language,
    rows: String(s.rows),
    structureHash: s.structureHash,
    createdAt: s.createdAt,
  }
}

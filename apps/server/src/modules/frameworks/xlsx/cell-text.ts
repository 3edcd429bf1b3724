import type { Cell } from 'exceljs'

/**
 * Text as it must be written into a cell so that it reads back unchanged. Written with the spreadsheet escape
 * `_xHHHH_` (UTF-16 code units, which Excel, LibreOffice and exceljs decode on reading):
 * - characters XML cannot hold (control characters, U+FFFE, U+FFFF) and the carriage return, which XML turns into a
 *   line feed;
 * - surrogates, i.e. characters beyond U+FFFF such as emoji: exceljs hands its XML to JSZip as a string, which JSZip
 *   encodes in 16K-character slices, breaking any pair that straddles a slice;
 * - a literal `_xHHHH_` gets its underscore escaped (`_x005F_`) so it is not decoded.
 */
export function toCellText(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x5f && /^_x[0-9A-F]{4}_/.test(text.slice(i, i + 7))) out += '_x005F_'
    else if (mustEscape(code)) out += `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`
    else out += text[i]
  }
  return out
}

function mustEscape(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a
  return code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff
}

/**
 * What a cell holds, as plain text, never evaluated: a formula gives its formula text (`=SUM(A1)`), rich text is
 * flattened, a hyperlink gives its text, an error its code, a number its shortest decimal form. Empty → undefined.
 */
export function readCellText(cell: Cell): string | undefined {
  const value = cell.value
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) return value.toISOString()
  if ('formula' in value || 'sharedFormula' in value) return `=${cell.formula}`
  if ('richText' in value) return flatten(value)
  if ('error' in value) return String(value.error)
  if ('text' in value) return flatten(value.text)
  return undefined
}

/** Plain text of a string or of rich text (a hyperlink's text may be either). */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('')
  }
  return ''
}

/** A number cell, or a text that is exactly a decimal number; anything else (formulas included) is not a number. */
export function readCellNumber(cell: Cell): number | string | undefined {
  if (typeof cell.value === 'number') return cell.value
  const text = readCellText(cell)?.trim()
  if (!text) return undefined
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text
}

/**
 * A list in one cell: `a, b, c`. Items that could not survive that form (empty, with a comma, with spaces at the
 * ends, or starting with `[`) make the whole list a JSON array instead, e.g. `["A,1", "B"]`.
 */
export function formatList(items: readonly string[]): string | undefined {
  if (items.length === 0) return undefined
  const plain = items.every(
    (item) => item !== '' && item === item.trim() && !item.includes(',') && !item.startsWith('['),
  )
  return plain ? items.join(', ') : JSON.stringify(items)
}

/** Reads what formatList wrote (and what people type): comma-separated, or a JSON array of strings. */
export function parseList(text: string | undefined): { items: string[] } | { error: string } {
  const trimmed = text?.trim() ?? ''
  if (trimmed === '') return { items: [] }
  if (!trimmed.startsWith('['))
    return {
      items: trimmed
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    }
  try {
    const parsed: unknown = JSON.parse(trimmed)
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return { items: parsed }
  } catch {
    // fall through: reported below
  }
  return { error: 'a list starting with "[" must be a JSON array of strings, e.g. ["A-1", "B-2"]' }
}

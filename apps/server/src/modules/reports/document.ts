import type { ChartSpec } from '@thbm/shared'

/**
 * A report as a format-independent list of blocks, already localised and with disclosure control applied. Each
 * renderer (HTML for the app and PDF, DOCX for Word) walks the same blocks, so every format shows the same text,
 * tables and numbers.
 */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string; style?: 'lead' | 'note' }
  /** Sanitised rich text (p, strong, em, ul, ol, li, a, h3, h4, blockquote, br). */
  | { type: 'html'; html: string }
  | { type: 'list'; items: string[] }
  | { type: 'keyValues'; items: { label: string; value: string }[] }
  | { type: 'table'; table: ReportTable }
  | { type: 'chart'; spec: ChartSpec; altText: string; table: ReportTable }
  /** The table of contents: the renderer lists the level 1 and 2 headings (DOCX writes a TOC field). */
  | { type: 'toc'; title: string }
  | { type: 'pageBreak' }

export interface ReportTable {
  caption: string
  columns: { label: string; numeric?: boolean }[]
  /** Cells already formatted for the locale; suppressed counts already shown as "<5" or "x". */
  rows: string[][]
  /** Optional footnote under the table (e.g. the disclosure rule when a cell was withheld). */
  note?: string
}

export interface ReportDocument {
  lang: string
  title: string
  subtitle: string
  /** Cover lines under the title (country, round, period, publication number, date). */
  cover: string[]
  blocks: Block[]
  /** Footer text; renderers add the page number. */
  footer: string
}

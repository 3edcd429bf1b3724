import { type ChartSpec, DEFAULT_LOCALE, isLocale } from '@thbm/shared'
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  type ILevelsOptions,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { translate } from '../../i18n/translate.ts'
import type { Block, ReportDocument, ReportTable } from './document.ts'
import { BULLETS, htmlToParagraphs, LIST_INDENT, NUMBERS } from './docx-html.ts'
import { chartPng } from './render-chart.ts'

// A4 in twips (1/1440 inch) with 2 cm margins all round.
const PAGE = { width: 11906, height: 16838 }
const MARGIN = 1134
const TEXT_WIDTH = PAGE.width - 2 * MARGIN
/** Arial everywhere: Word has it, and LibreOffice draws it with the metric-compatible Liberation Sans. */
const FONT = 'Arial'
const HEADER_FILL = 'E8EEF4'
/** Width of an average character of 9 pt table text, and a cell's left and right margins, in twips. */
const CHAR_WIDTH = 100
const CELL_PADDING = 200
/** Chart images: drawn at 2× for print, shown the full text width (pixels at 96 dpi). */
const CHART_WIDTH = 640
const CHART_DISPLAY_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96)

/**
 * Renders a report as a Word document with real structure: built-in heading styles (navigation pane, TOC), a
 * table-of-contents field Word refreshes on opening, tables whose header row repeats on every page, charts as PNG
 * images with alt text followed by their data table, and a footer with page X / Y. A4, in the document's language.
 */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const charts = new Map<Block, ChartImage>()
  for (const block of doc.blocks) if (block.type === 'chart') charts.set(block, chartImage(block.spec, doc.lang))
  try {
    return await Packer.toBuffer(buildDocument(doc, charts, true))
  } catch {
    // The page-number estimate is a convenience: a layout it cannot follow must not cost the document.
    return Packer.toBuffer(buildDocument(doc, charts, false))
  }
}

interface ChartImage {
  data: Buffer
  width: number
  height: number
}

interface RenderContext {
  charts: Map<Block, ChartImage>
  /** A fresh numbering instance, so each numbered list starts at 1. */
  nextInstance: () => number
}

function buildDocument(doc: ReportDocument, charts: Map<Block, ChartImage>, withPageNumbers: boolean): Document {
  let instances = 0
  const ctx: RenderContext = { charts, nextInstance: () => ++instances }
  const body = doc.blocks.flatMap((block) => renderBlock(block, ctx))
  const author = translate(isLocale(doc.lang) ? doc.lang : DEFAULT_LOCALE, 'common:app.name')
  return new Document({
    title: doc.title,
    description: doc.subtitle,
    creator: author,
    lastModifiedBy: author,
    features: { updateFields: true },
    // Writes the TOC's page numbers (laid out as Word would), so viewers that do not update fields show them too.
    pageNumbers: withPageNumbers ? estimatePageNumbers : undefined,
    styles: styles(wordLanguage(doc.lang)),
    numbering: { config: [listConfig(BULLETS, false), listConfig(NUMBERS, true)] },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: PAGE,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        // The cover has no footer. It gets an empty paragraph: a footer with no paragraph stops the page estimate.
        footers: { default: footer(doc.footer), first: new Footer({ children: [new Paragraph({})] }) },
        children: [...titlePage(doc), ...body],
      },
    ],
  })
}

/** Word language tags for the UI locales (Serbian as spoken in Serbia, English as in Europe). */
function wordLanguage(lang: string): string {
  if (lang === 'sr-Cyrl') return 'sr-Cyrl-RS'
  if (lang === 'sr-Latn') return 'sr-Latn-RS'
  if (lang === 'en') return 'en-GB'
  return lang
}

function styles(language: string) {
  // The outline level puts headings in Word's navigation pane and LibreOffice's navigator.
  const heading = (outlineLevel: number, size: number, before: number) => ({
    run: { font: FONT, size, bold: true, color: '1F3A5F' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  })
  return {
    default: {
      document: {
        run: { font: FONT, size: 21, language: { value: language, eastAsia: language, bidirectional: language } },
        // The rule is explicit: LibreOffice takes a bare line height as exact, which clips a chart to one line.
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 52, bold: true, color: '1F3A5F' }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(0, 32, 360),
      heading2: heading(1, 26, 280),
      heading3: heading(2, 23, 220),
      heading4: { ...heading(3, 21, 200), run: { font: FONT, size: 21, bold: true, italics: true } },
      caption: { run: { font: FONT, size: 20, bold: true, color: '333333' } },
      hyperlink: { run: { color: '0563C1', underline: {} } },
    },
    paragraphStyles: [
      { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { size: 32, color: '404040' } },
      { id: 'Lead', name: 'Lead', basedOn: 'Normal', run: { size: 24 } },
      { id: 'Note', name: 'Note', basedOn: 'Normal', run: { size: 18, italics: true, color: '555555' } },
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true, color: '404040' } },
      { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', run: { size: 32, bold: true, color: '1F3A5F' } },
    ],
  }
}

/** A numbering definition over all nine list levels, indented like `LIST_INDENT`. */
function listConfig(reference: string, ordered: boolean): { reference: string; levels: ILevelsOptions[] } {
  const bullets = ['•', '–', '▪']
  const levels = Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : (bullets[level % bullets.length] as string),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }))
  return { reference, levels }
}

function titlePage(doc: ReportDocument): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: [new TextRun(doc.title)] }),
    new Paragraph({ style: 'Subtitle', spacing: { after: 480 }, children: [new TextRun(doc.subtitle)] }),
    ...doc.cover.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({ children: [new PageBreak()] }),
  ]
}

/** The footer: its text on the left, "page / pages" on the right. */
function footer(text: string): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, size: 16, color: '555555' })
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [run([text, '\t']), run([PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES])],
      }),
    ],
  })
}

function renderBlock(block: Block, ctx: RenderContext): FileChild[] {
  switch (block.type) {
    case 'heading': {
      const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1]
      return [new Paragraph({ heading, children: [new TextRun(block.text)] })]
    }
    case 'paragraph': {
      const style = block.style === 'lead' ? 'Lead' : block.style === 'note' ? 'Note' : undefined
      return [new Paragraph({ style, children: [new TextRun(block.text)] })]
    }
    case 'html':
      return htmlToParagraphs(block.html, ctx.nextInstance)
    case 'list':
      return block.items.map(
        (item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(item)] }),
      )
    case 'keyValues':
      return block.items.map(
        (item) =>
          new Paragraph({
            spacing: { after: 60 },
            children: [new TextRun({ text: `${item.label}: `, bold: true }), new TextRun(item.value)],
          }),
      )
    case 'table':
      return renderTable(block.table)
    case 'chart':
      return [chartParagraph(block.spec, block.altText, ctx.charts.get(block)), ...renderTable(block.table)]
    case 'toc':
      return [
        new Paragraph({ style: 'TOCHeading', children: [new TextRun(block.title)] }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ]
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
    default:
      return block satisfies never
  }
}

/** A chart drawn at twice its size (for print), shown the full text width. */
function chartImage(spec: ChartSpec, locale: string): ChartImage {
  const height = chartHeight(spec)
  return {
    data: chartPng(spec, { width: CHART_WIDTH, height, locale, scale: 1.5 }),
    width: CHART_DISPLAY_WIDTH,
    height: Math.round((height * CHART_DISPLAY_WIDTH) / CHART_WIDTH),
  }
}

/** The chart's image with its title and alt text on the drawing (Word's Alt Text pane, screen readers). */
function chartParagraph(spec: ChartSpec, altText: string, image: ChartImage | undefined): Paragraph {
  if (!image) throw new Error(`Chart "${spec.title}" was not drawn`)
  return new Paragraph({
    keepNext: true,
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: image.data,
        transformation: { width: image.width, height: image.height },
        altText: { title: spec.title, description: altText, name: spec.title },
      }),
    ],
  })
}

/** Enough height for every bar or row to keep its label legible. */
function chartHeight(spec: ChartSpec): number {
  switch (spec.kind) {
    case 'bars':
      return Math.max(240, 90 + spec.categories.length * Math.max(1, spec.series.length) * 22)
    case 'heatmap':
      return Math.max(240, 140 + spec.rows.length * 34)
    case 'lines':
      return 320
    default:
      return spec satisfies never
  }
}

/** A caption above, a header row that repeats on every page, numbers right-aligned, and the note below. */
function renderTable(table: ReportTable): FileChild[] {
  const widths = columnWidths(table)
  const cell = (text: string, column: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      shading: isHeader ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          alignment: table.columns[column]?.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: isHeader || undefined, size: 18 })],
        }),
      ],
    })
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, i) => cell(column.label, i, true)),
  })
  // Body rows may split: LibreOffice 7.4 drops the last row of a table that breaks across pages when its body rows
  // cannot split and its header repeats.
  const rows = table.rows.map(
    (row) => new TableRow({ children: table.columns.map((_, i) => cell(row[i] ?? '', i, false)) }),
  )
  const out: FileChild[] = [
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      spacing: { before: 200 },
      children: [new TextRun(table.caption)],
    }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }),
  ]
  // A paragraph after every table: two tables in a row would otherwise merge into one.
  if (table.note) out.push(new Paragraph({ style: 'Note', children: [new TextRun(table.note)] }))
  else out.push(new Paragraph({ spacing: { after: 0 }, children: [] }))
  return out
}

/**
 * Column widths in twips that fill the text width: each column gets room for its longest word (so codes and numbers
 * are not broken letter by letter), and the rest is shared out by the length of its texts.
 */
function columnWidths(table: ReportTable): number[] {
  const texts = table.columns.map((column, i) => [column.label, ...table.rows.map((row) => row[i] ?? '')])
  const longestWord = (list: string[]) => Math.max(...list.flatMap((text) => text.split(/\s+/).map((w) => w.length)))
  const minimum = texts.map((list) => Math.min(TEXT_WIDTH * 0.3, longestWord(list) * CHAR_WIDTH + CELL_PADDING))
  const weights = texts.map((list) => Math.min(Math.max(...list.map((text) => text.length)), 60))
  const spare = TEXT_WIDTH - minimum.reduce((a, b) => a + b, 0)
  if (spare <= 0) {
    const scale = TEXT_WIDTH / minimum.reduce((a, b) => a + b, 0)
    return minimum.map((m) => Math.floor(m * scale))
  }
  const total = weights.reduce((a, b) => a + b, 0) || 1
  return minimum.map((m, i) => Math.floor(m + (spare * (weights[i] ?? 0)) / total))
}

import { DEFAULT_LOCALE, isLocale } from '@thbm/shared'
import { translate } from '../../i18n/translate.ts'
import type { Block, ReportDocument, ReportTable } from './document.ts'
import { chartSvg } from './render-chart.ts'

/** Chart width in CSS pixels; the SVG scales down to the text width (its viewBox keeps proportions). */
const CHART_WIDTH = 680

export interface HtmlOptions {
  /** Marks chart data tables open (print CSS opens them anyway). */
  print?: boolean
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A CSS string literal that cannot end the string or the style element (every unusual character escaped). */
function cssString(text: string): string {
  return `"${[...text.replace(/\s+/g, ' ')].map((c) => (/[A-Za-z0-9 .,:·()–-]/.test(c) ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`
}

function chartHeight(block: Extract<Block, { type: 'chart' }>): number {
  const spec = block.spec
  if (spec.kind === 'heatmap') return Math.max(260, 150 + spec.rows.length * 44)
  if (spec.kind === 'lines') return 340
  return Math.max(220, 110 + spec.categories.length * Math.max(1, spec.series.length) * 24)
}

function renderTable(table: ReportTable): string {
  const head = table.columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('')
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const numeric = table.columns[i]?.numeric ? ' class="num"' : ''
            return i === 0
              ? `<th scope="row"${numeric}>${escapeHtml(cell)}</th>`
              : `<td${numeric}>${escapeHtml(cell)}</td>`
          })
          .join('')}</tr>`,
    )
    .join('\n')
  const note = table.note ? `\n<p class="table-note">${escapeHtml(table.note)}</p>` : ''
  return `<div class="table-wrap"><table>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}</div>`
}

function renderToc(doc: ReportDocument, title: string): string {
  const items: string[] = []
  let open = false
  for (const b of doc.blocks) {
    if (b.type !== 'heading' || b.level > 2) continue
    const link = `<a href="#${escapeHtml(b.id)}">${escapeHtml(b.text)}</a>`
    if (b.level === 1) {
      if (open) items.push('</ol></li>')
      items.push(`<li>${link}<ol>`)
      open = true
    } else items.push(open ? `<li>${link}</li>` : `<li>${link}<ol></ol></li>`)
  }
  if (open) items.push('</ol></li>')
  const list = items.join('\n').replace(/<ol><\/ol>/g, '')
  return `<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">${escapeHtml(title)}</h2>\n<ol>\n${list}\n</ol>\n</nav>`
}

function renderBlock(doc: ReportDocument, block: Block, options: HtmlOptions, dataTableLabel: string): string {
  switch (block.type) {
    case 'heading': {
      // The document title is the page's only h1; report headings start at h2.
      const tag = `h${block.level + 1}`
      return `<${tag} id="${escapeHtml(block.id)}">${escapeHtml(block.text)}</${tag}>`
    }
    case 'paragraph':
      return `<p${block.style ? ` class="${block.style}"` : ''}>${escapeHtml(block.text)}</p>`
    case 'html':
      // Sanitised on the server when it was saved; passed through as it is.
      return `<div class="rich">${block.html}</div>`
    case 'list':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    case 'keyValues':
      return `<dl class="facts">${block.items
        .map((i) => `<div><dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd></div>`)
        .join('')}</dl>`
    case 'table':
      return renderTable(block.table)
    case 'chart': {
      const svg = chartSvg(block.spec, { width: CHART_WIDTH, height: chartHeight(block), locale: doc.lang })
      return `<figure class="chart">\n${svg}\n<details${options.print ? ' open' : ''}><summary>${escapeHtml(dataTableLabel)}</summary>\n${renderTable(block.table)}\n</details>\n</figure>`
    }
    case 'toc':
      return renderToc(doc, block.title)
    case 'pageBreak':
      return '<div class="page-break" aria-hidden="true"></div>'
    default:
      return block satisfies never
  }
}

const CSS = `
:root { color: #1a1a1a; background: #fff; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.45; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; }
h1, h2, h3, h4 { color: #1f3a5f; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin-top: 2.2rem; border-bottom: 2px solid #1f3a5f; padding-bottom: .2rem; }
h3 { font-size: 1.2rem; margin-top: 1.6rem; }
.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.cover .subtitle { font-size: 1.4rem; margin: 0 0 1.5rem; }
.cover ul { list-style: none; padding: 0; margin: 0; }
.cover li { margin: .2rem 0; }
.toc ol { list-style: none; padding-left: 0; }
.toc ol ol { padding-left: 1.5rem; }
.toc a { color: inherit; }
p.lead { font-size: 1.1rem; }
p.note, .table-note { color: #444; font-size: .92em; font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; }
dl.facts div { display: contents; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border: 1px solid #b8c2cc; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef4; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1.2rem 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
details summary { cursor: pointer; color: #1f3a5f; margin: .3rem 0; }
.rich blockquote { border-left: 3px solid #b8c2cc; margin-left: 0; padding-left: 1rem; }
.page-footer { margin-top: 3rem; border-top: 1px solid #b8c2cc; color: #444; font-size: .85em; padding-top: .5rem; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .cover { min-height: 240mm; break-after: page; page-break-after: always; }
  .page-break { break-after: page; page-break-after: always; }
  h2 { break-before: auto; }
  thead { display: table-header-group; }
  tr, figure.chart svg, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { display: none; }
  a { color: inherit; text-decoration: none; }
  .page-footer { display: none; }
}
`

/**
 * A report as one standalone HTML page: cover, linked table of contents, headings, tables with captions and header
 * scopes, charts as inline SVG images (named by their alt text) each followed by its data table in a disclosure
 * element that is open in print, and print rules for A4 (page breaks, repeated table headers, a footer with page
 * numbers). Every text is escaped; only `html` blocks, sanitised when saved, pass through.
 */
export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const locale = isLocale(doc.lang) ? doc.lang : DEFAULT_LOCALE
  const dataTableLabel = translate(locale, 'documents:chart.dataTable')
  const footerCss = `@page { @bottom-center { content: ${cssString(doc.footer)} " · " counter(page) " / " counter(pages); font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #555; } }
@page :first { @bottom-center { content: none; } }`
  const body = doc.blocks.map((b) => renderBlock(doc, b, options, dataTableLabel)).join('\n')
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${doc.title}: ${doc.subtitle}`)}</title>
<style>${CSS}${footerCss}</style>
</head>
<body>
<header class="cover">
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<ul>${doc.cover.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
</header>
<main>
${body}
</main>
<footer class="page-footer">${escapeHtml(doc.footer)}</footer>
</body>
</html>
`
}

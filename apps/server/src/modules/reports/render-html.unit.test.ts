import { describe, expect, it } from 'vitest'
import { nationalFixture, regionalFixture } from '../../../test/report-fixture.ts'
import { composeNational } from './compose-national.ts'
import { composeRegional } from './compose-regional.ts'
import type { ReportDocument } from './document.ts'
import { renderHtml } from './render-html.ts'

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'col', 'wbr'])

/** Checks that every element is closed in order (void elements and self-closed SVG elements aside). */
function unbalanced(html: string): string[] {
  const problems: string[] = []
  const stack: string[] = []
  const body = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = m
    const name = (rawName as string).toLowerCase()
    if (selfClosing || VOID.has(name)) continue
    if (!closing) stack.push(name)
    else if (stack.pop() !== name) problems.push(`</${name}> at ${m.index}`)
  }
  return [...problems, ...stack.map((s) => `<${s}> not closed`)]
}

describe('renderHtml', () => {
  const doc = composeNational(nationalFixture(), 'sr-Cyrl', 'public')
  const html = renderHtml(doc)

  it('writes a complete standalone page in the document language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sr-Cyrl">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('@page { size: A4')
    expect(html).toMatch(/thead \{ display: table-header-group/)
    expect(html).not.toMatch(/<(script|link|img)\b/)
    expect(html).not.toMatch(/\bsrc=|https?:\/\/(?!example\.org|www\.w3\.org)/)
    expect(unbalanced(html)).toEqual([])
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
  })

  it('links the table of contents to the headings', () => {
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'))
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(targets.length).toBeGreaterThan(10)
    for (const id of targets) expect(html).toContain(`id="${id}"`)
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every table a caption and header scopes, and every chart its alt text and data table', () => {
    const tableCount = html.match(/<table>/g)?.length ?? 0
    expect(tableCount).toBeGreaterThan(5)
    expect(html.match(/<table>\n<caption>/g)).toHaveLength(tableCount)
    expect(html.match(/<thead><tr><th scope="col"/g)).toHaveLength(tableCount)
    const figures = [
      ...html.matchAll(/<figure class="chart">\n<svg role="img" aria-label="([^"]+)"[\s\S]*?<\/figure>/g),
    ]
    const chartBlocks = doc.blocks.filter((b) => b.type === 'chart')
    expect(figures).toHaveLength(chartBlocks.length)
    for (const f of figures) expect(f[0]).toContain('<details><summary>Подаци графикона у табели</summary>')
    // In print the data tables are open.
    expect(html).toContain('details::details-content { content-visibility: visible')
    expect(renderHtml(doc, { print: true })).toContain('<details open>')
  })

  it('shows withheld counts as written by the composer', () => {
    expect(html).toContain('>&#60;5</td>')
    expect(html).toContain('class="table-note"')
  })

  it('escapes every text and passes only html blocks through', () => {
    const hostile: ReportDocument = {
      lang: 'en',
      title: 'Report <script>alert(1)</script>',
      subtitle: '"quoted" & <b>bold</b>',
      cover: ['<img src=x onerror=alert(1)>'],
      footer: 'Footer </style><script>alert(2)</script> "x"',
      blocks: [
        { type: 'heading', level: 1, text: '<script>h</script>', id: 'a"b' },
        { type: 'paragraph', text: '<script>alert(3)</script>' },
        { type: 'list', items: ['<i>x</i>'] },
        { type: 'keyValues', items: [{ label: '<b>l</b>', value: '<b>v</b>' }] },
        {
          type: 'table',
          table: { caption: '<c>', columns: [{ label: '<th>' }], rows: [['<td>']], note: '<note>' },
        },
        { type: 'html', html: '<p>Trusted <strong>rich</strong> text</p>' },
      ],
    }
    const out = renderHtml(hostile)
    expect(out).not.toMatch(/<script|<img|<b>|<i>|<c>|<note>|<td><td>/)
    expect(out).toContain('&#60;script&#62;alert(3)&#60;/script&#62;')
    expect(out).toContain('id="a&#34;b"')
    expect(out).toContain('<p>Trusted <strong>rich</strong> text</p>')
    // The footer goes into CSS as an escaped string: it cannot close the style element.
    expect(out.match(/<\/style>/g)).toHaveLength(1)
    expect(unbalanced(out)).toEqual([])
  })

  it('escapes hostile texts from the report data', () => {
    const internal = renderHtml(composeNational(nationalFixture(), 'en', 'internal'))
    expect(internal).toContain('Visit notes &#60;script&#62;alert(1)&#60;/script&#62;')
    expect(internal).not.toContain('<script>')
  })

  it('renders the regional report', () => {
    const out = renderHtml(composeRegional(regionalFixture(), 'sr-Latn', 'public'))
    expect(out).toContain('<html lang="sr-Latn">')
    expect(out).toContain('Regionalni izveštaj o praćenju')
    expect(unbalanced(out)).toEqual([])
  })
})

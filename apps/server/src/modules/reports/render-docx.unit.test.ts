import { describe, expect, it } from 'vitest'
import { cleanupOffice, convertToPdf, hasOffice, pdfText, zipPart } from '../../../test/office.ts'
import { nationalFixture, regionalFixture } from '../../../test/report-fixture.ts'
import { composeNational } from './compose-national.ts'
import { composeRegional } from './compose-regional.ts'
import type { ReportDocument } from './document.ts'
import { renderDocx } from './render-docx.ts'

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : (XML_ENTITIES[e] ?? ''),
  )

/** What a Word document says: its text runs, one per line, and its drawings' alt texts. */
function wordContent(docx: Buffer): { text: string; altTexts: string[]; headerRows: number } {
  const xml = zipPart(docx, 'word/document.xml')
  return {
    text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('\n'),
    altTexts: [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? '')),
    headerRows: xml.split('<w:tblHeader/>').length - 1,
  }
}

/** Every heading, table cell and chart of a composed document is in the Word file, charts with their alt text. */
function expectAllContent(doc: ReportDocument, docx: Buffer): void {
  const { text, altTexts, headerRows } = wordContent(docx)
  const lines = new Set(text.split('\n'))
  const tables = doc.blocks.flatMap((b) => (b.type === 'table' || b.type === 'chart' ? [b.table] : []))
  for (const block of doc.blocks) if (block.type === 'heading') expect(lines).toContain(block.text)
  for (const table of tables) {
    expect(lines).toContain(table.caption)
    for (const cell of table.rows.flat().filter((c) => c !== '')) expect(lines).toContain(cell)
  }
  expect(headerRows).toBe(tables.length)
  expect(altTexts).toEqual(doc.blocks.flatMap((b) => (b.type === 'chart' ? [b.altText] : [])))
}

const table = {
  caption: 'Victims identified by sex',
  columns: [{ label: 'Sex' }, { label: '2023', numeric: true }, { label: '2024', numeric: true }],
  rows: [
    ['Female', '1,234', '<5'],
    ['Male', '87', '96'],
  ],
  note: 'Counts from 1 to 4 are shown as "<5".',
}

/** Every kind of block, in the shapes the composers write. */
const handMade: ReportDocument = {
  lang: 'en',
  title: 'National report: Serbia',
  subtitle: 'Monitoring round 2024',
  cover: ['Serbia', 'Round 2024 (1 Jan 2024 – 31 Dec 2024)'],
  footer: 'THB Monitor · Serbia 2024',
  blocks: [
    { type: 'toc', title: 'Contents' },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: 'Executive summary', id: 'summary' },
    { type: 'paragraph', text: 'The lead paragraph.', style: 'lead' },
    {
      type: 'html',
      html:
        '<p>Plain <strong>bold</strong> and <em>italic &amp; more</em>, <a href="https://example.org/x?a=1&amp;b=2">a link</a>.<br>Next line</p>' +
        '<h3>Sub point</h3><ul><li><p>First bullet</p></li><li>Second <b>bullet</b><ol><li>Nested one</li></ol></li></ul>' +
        '<ol><li>Step one</li><li>Step two</li></ol><blockquote><p>Quoted</p></blockquote><span>kept text</span>',
    },
    { type: 'heading', level: 2, text: 'Method', id: 'method' },
    { type: 'list', items: ['Source one', 'Source two'] },
    { type: 'keyValues', items: [{ label: 'Framework', value: 'Handbook 2024' }] },
    { type: 'heading', level: 3, text: 'Statistics', id: 'stats' },
    { type: 'table', table },
    {
      type: 'chart',
      spec: {
        kind: 'bars',
        title: 'Area scores',
        categoryLabel: 'Area',
        valueLabel: 'Score',
        categories: ['Coordination', 'Identification'],
        series: [{ name: '2024', values: [62.5, 48] }],
        max: 100,
      },
      altText: 'Area scores: Coordination 62.5; Identification 48.',
      table: {
        caption: 'Area scores (data)',
        columns: [{ label: 'Area' }, { label: '2024', numeric: true }],
        rows: [
          ['Coordination', '62.5'],
          ['Identification', '48'],
        ],
      },
    },
    { type: 'paragraph', text: 'A closing note.', style: 'note' },
  ],
}

/** LibreOffice starts cold for each conversion; a loaded CI machine needs time. */
const OFFICE_TIMEOUT = 180_000

describe('renderDocx', () => {
  it('writes Word structure: heading styles, TOC field, repeated header rows, alt text, page numbers', async () => {
    const docx = await renderDocx(handMade)
    const xml = zipPart(docx, 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>')
    const toc = /<w:instrText[^>]*>\s*TOC ([^<]*)<\/w:instrText>/.exec(xml)?.[1] ?? ''
    expect(toc).toContain('\\o &quot;1-2&quot;')
    expect(toc).toContain('\\h')
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Area scores: Coordination 62.5; Identification 48."/)
    expect(xml).toMatch(/<wp:docPr [^>]*title="Area scores"/)
    for (const text of ['1,234', '&lt;5', '96', 'Executive summary', 'Victims identified by sex'])
      expect(xml).toContain(text)
    // Numeric columns are right-aligned.
    expect(xml).toContain('<w:jc w:val="right"/>')
    // Rich text: bold and italic runs, a hyperlink, bullets and numbering, unknown tags dropped but text kept.
    expect(xml).toMatch(/<w:b\/>(?:(?!<w:r>).)*<w:t[^>]*>bold<\/w:t>/)
    expect(xml).not.toContain('<w:b w:val="false"/>')
    expect(xml).toContain('italic &amp; more')
    expect(xml).toContain('<w:hyperlink')
    expect(xml).toContain('<w:numPr>')
    expect(xml).toContain('kept text')
    expect(xml).not.toContain('<span')
    const rels = zipPart(docx, 'word/_rels/document.xml.rels')
    expect(rels).toContain('https://example.org/x?a=1&amp;b=2')

    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((name) => {
      try {
        return zipPart(docx, name)
      } catch {
        return ''
      }
    })
    const footer = footers.find((f) => f.includes('THB Monitor')) ?? ''
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/)

    const settings = zipPart(docx, 'word/settings.xml')
    expect(settings).toMatch(/<w:updateFields(?: w:val="true")?\/>/)
    const styles = zipPart(docx, 'word/styles.xml')
    expect(styles).toContain('w:lang w:val="en-GB"')
    expect(styles).toMatch(/w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="0"\/>/)
  })

  it('sets the document language from the report locale', async () => {
    const docx = await renderDocx({ ...handMade, lang: 'sr-Cyrl', title: 'Национални извештај' })
    expect(zipPart(docx, 'word/styles.xml')).toContain('w:lang w:val="sr-Cyrl-RS"')
    expect(zipPart(docx, 'word/document.xml')).toContain('Национални извештај')
  })

  it('renders the composed national and regional reports completely', async () => {
    const national = composeNational(nationalFixture(), 'en', 'internal')
    expectAllContent(national, await renderDocx(national))
    const regional = composeRegional(regionalFixture(), 'sr-Cyrl', 'public')
    expectAllContent(regional, await renderDocx(regional))
  }, 60_000)

  const composed = [
    {
      name: 'national (en)',
      doc: () => composeNational(nationalFixture(), 'en', 'public'),
      heading: 'Results by area',
      number: '62.5',
    },
    {
      name: 'regional (sr-Cyrl)',
      doc: () => composeRegional(regionalFixture(), 'sr-Cyrl', 'public'),
      heading: 'Кључни статистички подаци',
      number: '87,5',
    },
  ]
  for (const { name, doc: compose, heading, number } of composed) {
    it.skipIf(!hasOffice)(
      `opens the composed ${name} report in LibreOffice`,
      async () => {
        const doc = compose()
        const pdf = await convertToPdf({ name: 'report.docx', data: await renderDocx(doc) })
        try {
          const text = await pdfText(pdf)
          expect(text).toContain(doc.title)
          expect(text).toContain(heading)
          expect(text).toContain(number)
        } finally {
          await cleanupOffice(pdf)
        }
      },
      OFFICE_TIMEOUT,
    )
  }

  it.skipIf(!hasOffice)(
    'opens in LibreOffice and shows the headings and numbers',
    async () => {
      const pdf = await convertToPdf({ name: 'report.docx', data: await renderDocx(handMade) })
      try {
        const text = await pdfText(pdf)
        expect(text).toContain('Executive summary')
        expect(text).toContain('1,234')
        expect(text).toContain('Identification')
      } finally {
        await cleanupOffice(pdf)
      }
    },
    OFFICE_TIMEOUT,
  )
})

import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCellNumber, readCellText } from '../frameworks/xlsx/cell-text.ts'
import { loadWorkbook } from '../frameworks/xlsx/load-workbook.ts'
import { zipOf } from '../frameworks/xlsx/test-fixtures.ts'
import { readWorkbookCells } from './xlsx-cells.ts'
import { cellNumber, cellText } from './xlsx-sheet.ts'

/** Every sheet's counts and every cell's text and number, as exceljs (loadWorkbook + cell-text) reads them. */
async function viaExcelJs(data: Buffer) {
  const workbook = await loadWorkbook(data)
  return workbook.worksheets.map((sheet) => {
    // Counted first: getCell adds empty cells, which widen the rows.
    const { rowCount, columnCount } = sheet
    const cells: [string, string | undefined, number | string | undefined][] = []
    for (let r = 1; r <= rowCount + 1; r++)
      for (let c = 1; c <= columnCount + 2; c++) {
        const cell = sheet.getCell(r, c)
        cells.push([`${r}:${c}`, readCellText(cell), readCellNumber(cell)])
      }
    return { name: sheet.name, rowCount, columnCount, cells }
  })
}

/** The same through the template's own reader. */
function viaReader(data: Buffer, like: Awaited<ReturnType<typeof viaExcelJs>>) {
  const sheets = readWorkbookCells(data)
  return like.map(({ name, cells }) => {
    const sheet = sheets.get(name)
    if (!sheet) return { name, rowCount: -1, columnCount: -1, cells: [] }
    return {
      name,
      rowCount: sheet.rowCount,
      columnCount: sheet.columnCount,
      cells: cells.map(([at]) => {
        const [r, c] = at.split(':').map(Number) as [number, number]
        const v = sheet.value(r, c)
        return [at, cellText(v), cellNumber(v)] as [string, string | undefined, unknown]
      }),
    }
  })
}

const texts = fc.oneof(
  fc.constantFrom('Ћирилица', '😀 👩‍👩‍👧', '_x0041_', 'a & b < c > "d"', 'line\nbreak', ' padded ', '12', '-3.5e2', ''),
  fc.string({ maxLength: 12 }),
)
const values: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  texts,
  // Within a date's range: exceljs fails on a number beyond it in a date-formatted cell (the reader refuses the file).
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.date({ min: new Date('1950-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
  texts.map((t) => ({ richText: [{ text: t }, { font: { bold: true }, text: 'x' }] })),
  fc.constantFrom(
    { formula: 'SUM(A1:B2)', result: 3 },
    { formula: 'A1&"x"', result: 'ax' },
    { error: '#N/A' as const },
  ),
  fc.constant(null),
)

describe('the template workbook reader', () => {
  it('reads every cell, row count and column count as exceljs does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), values), { maxLength: 40 }),
        fc.boolean(),
        async (cells, sharedStrings) => {
          const workbook = new ExcelJS.Workbook()
          const sheet = workbook.addWorksheet('Data')
          workbook.addWorksheet('Other').getCell('B2').value = 'x'
          for (const [r, c, value] of cells) sheet.getCell(r, c).value = value
          sheet.getCell(3, 3).numFmt = 'yyyy-mm-dd'
          sheet.getCell(14, 9).style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } }
          const data = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: sharedStrings }))
          const expected = await viaExcelJs(data)
          expect(viaReader(data, expected)).toEqual(expected)
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)

  it('reads hand-written XML as exceljs does: inline and formula strings, rich and phonetic runs, shared formulas', async () => {
    const sheet = (rows: string) =>
      `<?xml version="1.0"?>\r\n<worksheet xmlns="x"><sheetData>${rows}</sheetData></worksheet>`
    const data = zipOf(
      Object.entries({
        'xl/workbook.xml': `<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
        'xl/styles.xml': `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[&gt;=1]d\\-mmm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
        'xl/sharedStrings.xml': `<sst><si><t xml:space="preserve"> a_x000D_b </t></si><si><r><rPr><b/></rPr><t>bold</t></r><r><t>&#x41;&#66;</t></r><rPh><t>ignored</t></rPh></si><si/></sst>`,
        'xl/worksheets/sheet1.xml': sheet(
          [
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
            '<row r="2"><c r="A2" t="inlineStr"><is><t>in_x0041_line</t></is></c><c t="inlineStr"><is><r><t>r_x0041_</t></r></is></c>',
            '<c r="D2" t="str"><v>&amp;lt;x&amp;gt;</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#REF!</v></c></row>',
            '<row r="3"><c r="A3" s="1"><v>45000</v></c><c r="B3" s="2"><v>2.5</v></c><c r="C3" s="3"><v>7</v></c>',
            '<c r="D3"><f t="shared" ref="D3:D5" si="0">A3+$B$1</f><v>1</v></c><c r="E3" s="3"/><c r="F3"/></row>',
            '<row r="4"><c r="D4"><f t="shared" si="0"/><v>2</v></c><c r="E4"><v>line\r\nend</v></c></row>',
            '<row r="5"><c r="D5"><f t="shared" si="9"/></c><c r="E5"><f>1+1</f></c><c r="F5" t="n"><v> 12 </v></c></row>',
            '<row r="9"/>',
          ].join(''),
        ),
      }).map(([name, xml]) => ({ name, data: Buffer.from(xml) })),
    )
    const expected = await viaExcelJs(data)
    expect(expected[0]?.cells.filter(([, text]) => text !== undefined).length).toBeGreaterThanOrEqual(15)
    expect(viaReader(data, expected)).toEqual(expected)
  })

  it('refuses what exceljs cannot read, and sheets over the limits', async () => {
    const base = (sheetXml: string, strings = '<sst><si><t>a</t></si></sst>') =>
      zipOf(
        Object.entries({
          'xl/workbook.xml': '<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>',
          'xl/_rels/workbook.xml.rels':
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
          'xl/sharedStrings.xml': strings,
          'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`,
        }).map(([name, xml]) => ({ name, data: Buffer.from(xml) })),
      )
    const problem = (data: Buffer) => {
      try {
        readWorkbookCells(data)
        return null
      } catch (err) {
        return (err as { details?: { issues?: { message: string }[] } }).details?.issues?.[0]?.message ?? String(err)
      }
    }
    for (const bad of [
      base('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'),
      base('<row r="1"><c r="A1"><v>1</v></row>'),
      base('<row r="1"><c r="A1" t="str"><v>a &nbsp; b</v></c></row>'),
    ])
      expect(problem(bad)).toContain('could not be read')
    const wide = `<row r="1">${Array.from({ length: 201 }, (_, i) => `<c r="A${i}"><v>1</v></c>`).join('')}</row>`
    expect(problem(base(wide))).toContain('more than 20000 rows or 200 columns')
    const far = `<row r="20001"><c r="A20001"><v>1</v></c></row>`
    expect(problem(base(far))).toBe('Sheet "S" has 20001 rows; the limit is 20000')
    expect(problem(base('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))).toBeNull()
  })
})

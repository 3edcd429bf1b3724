import type { Workbook, Worksheet } from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readFrameworkXlsx } from './read-framework-xlsx.ts'
import { editedSample, importIssues, sampleDoc, zipOf } from './test-fixtures.ts'
import { writeFrameworkXlsx } from './write-framework-xlsx.ts'

// Sample layout: Indicators rows 2-7 are IDN-1 (rubric), IDN-2 (yes_partial_no), PRE-1 (count), PRE-2, PRE-3, PRE-4.
// Scales rows 2-6 are IDN-1 levels 0-4, rows 7-9 IDN-2 yes/partial/no, row 10 PRE-1 unit, row 11 its band.
const sheet = (workbook: Workbook, name: string): Worksheet => {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`no sheet ${name}`)
  return found
}

describe('readFrameworkXlsx', () => {
  it('reads back what writeFrameworkXlsx wrote', async () => {
    expect(await readFrameworkXlsx(await writeFrameworkXlsx(sampleDoc()))).toStrictEqual(sampleDoc())
  })

  it('reports a renamed column and a renamed sheet together, by header row and sheet', async () => {
    const issues = await importIssues(
      await editedSample((wb) => {
        sheet(wb, 'Indicators').getCell('G1').value = 'measurement'
        sheet(wb, 'Scales').name = 'Levels'
      }),
    )
    expect(issues.map((i) => i.path)).toEqual(['Indicators!1:1', 'Scales'])
    expect(issues[0]?.message).toContain('Missing column "measurement type"')
    expect(issues[1]?.message).toContain('Missing sheet "Scales"')
  })

  it('reports a missing row of the Framework sheet', async () => {
    const issues = await importIssues(await editedSample((wb) => sheet(wb, 'Framework').spliceRows(5, 1)))
    expect(issues).toEqual([
      { path: 'Framework!A:A', message: 'Missing row "version label" (column "field") on sheet "Framework"' },
    ])
  })

  it('reports an unknown area code at its cell', async () => {
    const issues = await importIssues(await editedSample((wb) => (sheet(wb, 'Indicators').getCell('B2').value = 'XYZ')))
    expect(issues).toEqual([
      { path: 'Indicators!B2', message: "area: unknown area code 'XYZ' (not on the Areas sheet)" },
    ])
  })

  it('reports a duplicate indicator code', async () => {
    const issues = await importIssues(
      await editedSample((wb) => (sheet(wb, 'Indicators').getCell('A4').value = 'IDN-2')),
    )
    expect(issues).toContainEqual({
      path: 'Indicators!A4',
      message: 'code: duplicate indicator code IDN-2 (also on row 3)',
    })
  })

  it('reports a rubric with a missing level at its measurement type, and the orphaned translation', async () => {
    const issues = await importIssues(await editedSample((wb) => sheet(wb, 'Scales').spliceRows(4, 1)))
    expect(issues.map((i) => i.path)).toEqual(['Indicators!G2', expect.stringMatching(/^Translations!A\d+$/)])
    expect(issues[0]?.message).toBe(
      'measurement type: rubric IDN-1 needs levels 0, 1, 2, 3, 4 on sheet "Scales"; missing: 2',
    )
  })

  it('reports bad values, bad numbers and empty required cells all at once', async () => {
    const issues = await importIssues(
      await editedSample((wb) => {
        const indicators = sheet(wb, 'Indicators')
        indicators.getCell('F2').value = 'structur'
        indicators.getCell('N2').value = 'heavy'
        indicators.getCell('K3').value = 'maybe'
        indicators.getCell('B5').value = null
        indicators.getCell('J4').value = 'sex, height'
        sheet(wb, 'Scales').getCell('F11').value = 'high'
        sheet(wb, 'Legal references').getCell('B2').value = 'treaty'
      }),
    )
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'Indicators!F2',
        'Indicators!N2',
        'Indicators!K3',
        'Indicators!B5',
        'Indicators!J4',
        'Scales!F11',
        'Legal references!B2',
      ].sort(),
    )
    expect(issues).toContainEqual({
      path: 'Indicators!F2',
      message: "kind: unknown value 'structur' (expected one of structure, process, outcome)",
    })
    expect(issues).toContainEqual({ path: 'Indicators!N2', message: "weight: 'heavy' is not a number" })
    expect(issues).toContainEqual({ path: 'Indicators!B5', message: 'area: required, but the cell is empty' })
  })

  it('maps schema problems back to cells, including a translation', async () => {
    const issues = await importIssues(
      await editedSample((wb) => {
        sheet(wb, 'Framework').getCell('B2').value = 'thb'
        sheet(wb, 'Translations').getCell('E2').value = 'x'.repeat(20_001)
      }),
    )
    expect(issues.map((i) => i.path)).toEqual(['Framework!B2', 'Translations!E2'])
    expect(issues[0]?.message).toMatch(/^value: Use an upper-case code/)
    expect(issues[1]?.message).toMatch(/^sq: /)
  })

  it('keeps a formula as its text, flattens rich text and keeps HTML literally', async () => {
    const doc = await readFrameworkXlsx(
      await editedSample((wb) => {
        const indicators = sheet(wb, 'Indicators')
        indicators.getCell('C2').value = { formula: 'SUM(A1)', result: 3 }
        indicators.getCell('D2').value = { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }] }
        indicators.getCell('E2').value = '<script>alert(1)</script>'
      }),
    )
    expect(doc.indicators[0]?.title.en).toBe('=SUM(A1)')
    expect(doc.indicators[0]?.definition.en).toBe('Bold plain')
    expect(doc.indicators[0]?.guidance.en).toBe('<script>alert(1)</script>')
  })

  it('refuses a zip that is not a workbook, and corrupt files', async () => {
    const notXlsx = await importIssues(zipOf([{ name: 'hello.txt', data: Buffer.from('hello') }]))
    expect(notXlsx).toEqual([
      { path: 'file', message: 'The zip file is not an XLSX workbook (it has no xl/workbook.xml)' },
    ])

    const garbage = await importIssues(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]))
    expect(garbage).toEqual([{ path: 'file', message: 'The file is not a readable zip (XLSX) file' }])

    const damaged = await writeFrameworkXlsx(sampleDoc())
    damaged.fill(0, 2_000, 2_400)
    expect((await importIssues(damaged)).map((i) => i.path)).toEqual(['file'])

    const fakeWorkbook = zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<not-xml') }])
    expect((await importIssues(fakeWorkbook)).map((i) => i.path)).toEqual(['file'])
  })

  it('refuses sheets with too many rows or columns', async () => {
    const sparse = await importIssues(
      await editedSample((wb) => {
        sheet(wb, 'Indicators').getCell('A20001').value = 'x'
        sheet(wb, 'Areas').getCell(2, 201).value = 'x'
      }),
    )
    expect(sparse).toEqual([
      { path: 'Areas', message: 'Sheet "Areas" has 201 columns; the limit is 200' },
      { path: 'Indicators', message: 'Sheet "Indicators" has 20001 rows; the limit is 20000' },
    ])
    const full = await importIssues(
      await editedSample((wb) => {
        const notes = sheet(wb, 'Instructions')
        for (let row = 1; row <= 20_001; row++) notes.getCell(row, 1).value = row
      }),
    )
    expect(full).toEqual([{ path: 'file', message: 'A sheet has more than 20000 rows or 200 columns' }])
  }, 30_000)
})

import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { importIssues, sampleDoc, zipOf } from './test-fixtures.ts'
import { writeFrameworkXlsx } from './write-framework-xlsx.ts'
import { checkXlsxZip, MAX_UNZIPPED_BYTES } from './zip-guard.ts'

const workbookXml = (body = '') => Buffer.from(`<workbook>${body}</workbook>`)

describe('checkXlsxZip', () => {
  it('accepts a workbook written by writeFrameworkXlsx', async () => {
    expect(checkXlsxZip(await writeFrameworkXlsx(sampleDoc()))).toBeNull()
  })

  it('refuses a zip whose directory declares more than the limit', () => {
    const zip = zipOf([
      { name: 'xl/workbook.xml', data: workbookXml() },
      { name: 'xl/big.bin', data: deflateRawSync(Buffer.alloc(10)), method: 8, size: MAX_UNZIPPED_BYTES },
    ])
    expect(checkXlsxZip(zip)).toMatch(/^The workbook would unpack to \d+ bytes; the limit is 104857600$/)
  })

  it('refuses an entry that inflates to more than it declares (a zip bomb that lies)', () => {
    const bomb = deflateRawSync(Buffer.alloc(5 * 1024 * 1024))
    const zip = zipOf([
      { name: 'xl/workbook.xml', data: workbookXml() },
      { name: 'xl/sharedStrings.xml', data: bomb, method: 8, size: 1000 },
    ])
    expect(bomb.length).toBeLessThan(10_000)
    expect(checkXlsxZip(zip)).toBe('xl/sharedStrings.xml is larger than it declares')
  })

  it('refuses defined names that would make exceljs visit millions of cells', () => {
    const names = '<definedNames><definedName name="all">Indicators!$A$1:$XFD$1048576</definedName></definedNames>'
    expect(checkXlsxZip(zipOf([{ name: 'xl/workbook.xml', data: workbookXml(names) }]))).toBe(
      'The workbook defines names over too many cells',
    )
    const small =
      '<definedNames><definedName name="_xlnm._FilterDatabase">Indicators!$A$1:$R$40</definedName></definedNames>'
    expect(checkXlsxZip(zipOf([{ name: 'xl/workbook.xml', data: workbookXml(small) }]))).toBeNull()
  })

  it('refuses unsupported compression, truncation and non-zip data', () => {
    expect(checkXlsxZip(zipOf([{ name: 'xl/workbook.xml', data: workbookXml(), method: 12 }]))).toBe(
      'xl/workbook.xml uses an unsupported compression method',
    )
    const zip = zipOf([{ name: 'xl/workbook.xml', data: workbookXml() }])
    expect(checkXlsxZip(zip.subarray(0, 20))).toBe('The file is not a readable zip (XLSX) file')
    expect(checkXlsxZip(Buffer.from('{"schema": "thbm.framework"}'))).toBe('The file is not a readable zip (XLSX) file')
  })

  it('makes the import fail with a 400 at path "file", before exceljs sees the data', async () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', data: workbookXml() },
      { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(Buffer.alloc(1024 * 1024)), method: 8, size: 10 },
    ])
    expect(await importIssues(bomb)).toEqual([
      { path: 'file', message: 'xl/worksheets/sheet1.xml is larger than it declares' },
    ])
  })
})

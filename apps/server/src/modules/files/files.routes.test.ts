import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import { asUser, buildOrganisation } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp

/** A multipart body with the country field first, then the file. */
function upload(content: Buffer, filename: string, country = 'RS') {
  const boundary = `----thbm${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="country"\r\n\r\n${country}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function post(cookie: string, content: Buffer, filename: string, country = 'RS') {
  const { payload, headers } = upload(content, filename, country)
  return t.app.inject({ method: 'POST', url: '/api/files', payload, headers: { ...headers, cookie } })
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('evidence files', () => {
  it('stores a PDF and an XLSX by their content and serves them back to those who may read them', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS' })
    const provider = await asUser(t.app, 'data_provider', 'RS', { organisationId: org.id })
    const res = await post(provider.cookie, PDF, 'report.pdf')
    expect(res.statusCode, res.body).toBe(201)
    const file = res.json().data
    expect(file).toMatchObject({ name: 'report.pdf', mediaType: 'application/pdf', size: PDF.length })
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/files/${file.id}`,
      headers: { cookie: provider.cookie },
    })
    expect(back.statusCode).toBe(200)
    expect(back.rawPayload.equals(PDF)).toBe(true)
    expect(back.headers['content-disposition']).toContain('attachment')

    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Data').addRow(['victims', 12])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    expect((await post(provider.cookie, xlsx, 'figures.xlsx')).json().data.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    // The type comes from the content; a name that claims another type is refused (issue 9: mismatched extension).
    expect((await post(provider.cookie, xlsx, 'named-wrongly.pdf')).statusCode).toBe(400)

    const otherProvider = await asUser(t.app, 'data_provider', 'RS')
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: { cookie: otherProvider.cookie } }))
        .statusCode,
    ).toBe(404)
    const leadAl = await asUser(t.app, 'country_lead', 'AL')
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: { cookie: leadAl.cookie } }))
        .statusCode,
    ).toBe(404)
    const expert = await asUser(t.app, 'expert', 'RS')
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: { cookie: expert.cookie } }))
        .statusCode,
    ).toBe(200)
  })

  it('refuses an executable renamed to .pdf, an unknown type and a file over 20 MB, storing nothing', async () => {
    const lead = await asUser(t.app, 'country_lead', 'RS')
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
    const renamed = await expectNoChange(t.db, () => post(lead.cookie, exe, 'invoice.pdf'))
    expect(renamed.statusCode).toBe(400)
    expect(renamed.json().error.details.issues[0].path).toBe('file')
    expect(
      (await expectNoChange(t.db, () => post(lead.cookie, Buffer.from('just text'), 'notes.txt'))).statusCode,
    ).toBe(400)
    const big = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)])
    expect((await expectNoChange(t.db, () => post(lead.cookie, big, 'big.pdf'))).statusCode).toBe(413)
  })

  it('takes evidence only from those who work on the country', async () => {
    const observer = await asUser(t.app, 'observer', 'RS')
    expect((await expectNoChange(t.db, () => post(observer.cookie, PDF, 'x.pdf'))).statusCode).toBe(403)
    const leadAl = await asUser(t.app, 'country_lead', 'AL')
    expect((await expectNoChange(t.db, () => post(leadAl.cookie, PDF, 'x.pdf', 'RS'))).statusCode).toBe(404)
  })
})

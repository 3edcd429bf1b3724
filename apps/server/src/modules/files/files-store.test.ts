import fs from 'node:fs'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows, expectNoChange } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { type FakeS3, startFakeS3 } from '../../../test/fake-s3.ts'
import { multipart } from '../../../test/reliability/multipart.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { createFileStore, withFileWrites } from '../../files-store/file-store.ts'
import { evidenceKey, uploadFile } from './upload-file.ts'

/** Evidence files in an S3-compatible store (FILES_S3_*), and the guarantee that no file outlives a rolled-back row. */

let s3: FakeS3
let t: TestApp
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

async function upload(app: TestApp, cookie: string, filename: string) {
  const { payload, headers } = multipart({ data: PDF, filename }, { country: 'RS' })
  return app.app.inject({ method: 'POST', url: '/api/files', payload, headers: { ...headers, cookie } })
}

beforeAll(async () => {
  s3 = await startFakeS3()
  t = await createTestApp(s3.env)
})
afterAll(async () => {
  await t.close()
  await s3.close()
})

describe('evidence files in S3', () => {
  it('uploads into the bucket under the folder layout and downloads from it; nothing lands in FILES_DIR', async () => {
    const lead = await asUser(t.app, 'country_lead', 'RS')
    const res = await upload(t, lead.cookie, 'Извештај о жртвама.pdf')
    expect(res.statusCode, res.body).toBe(201)
    const id = res.json().data.id as string
    expect(s3.objects.get(evidenceKey(id))?.equals(PDF)).toBe(true)
    expect(evidenceKey(id)).toBe(`${id.slice(0, 2)}/${id}`)
    const back = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: lead.cookie } })
    expect(back.statusCode).toBe(200)
    expect(back.rawPayload.equals(PDF)).toBe(true)
    expect(back.headers['content-disposition']).toContain(encodeURIComponent('Извештај о жртвама.pdf'))
    expect(fs.readdirSync(t.config.filesDir)).toEqual([])

    // An object lost from the bucket is a plain 503 naming the file store, not a crash.
    s3.objects.delete(evidenceKey(id))
    const lost = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: lead.cookie } })
    expect(lost.statusCode).toBe(503)
    expect(lost.json().error.message).toMatch(/missing from the file store/)
  })

  it('answers 503 naming the file store when S3 cannot be reached, and keeps no row', async () => {
    const probe = net.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as net.AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    const down = await createTestApp({ ...s3.env, FILES_S3_ENDPOINT: `http://127.0.0.1:${port}` })
    try {
      const lead = await asUser(down.app, 'country_lead', 'RS')
      const res = await expectNoChange(down.db, () => upload(down, lead.cookie, 'Raporti për viktimat.pdf'))
      expect(res.statusCode, res.body).toBe(503)
      expect(res.json().error).toMatchObject({ code: 'unavailable', details: { reason: 'file_store' } })
      expect(res.json().error.message).toMatch(/file store cannot be reached/)
      expect(res.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/)
    } finally {
      await down.close()
    }
  })

  for (const kind of ['s3', 'directory'] as const)
    it(`deletes the stored file again when the transaction rolls back after the write (${kind})`, async () => {
      const store = createFileStore(kind === 's3' ? t.config : { ...t.config, filesS3: null })
      const actor = { id: (await asUser(t.app, 'country_lead', 'RS')).id, email: '', name: '', memberships: [] }
      const before = await countRows(t.db)
      let key = ''
      await expect(
        withFileWrites(store, (files) =>
          withTransaction(t.db, async (trx) => {
            const row = await uploadFile(trx, { actor: null, requestId: null }, actor, {
              files,
              countryCode: 'RS',
              name: 'Ђурђевдан.pdf',
              data: PDF,
            })
            key = evidenceKey(row.id)
            expect(await store.head(key)).toEqual({ size: PDF.length })
            throw new Error('the commit is refused')
          }),
        ),
      ).rejects.toThrow('the commit is refused')
      expect(key).not.toBe('')
      expect(await store.head(key)).toBeNull()
      expect(await countRows(t.db)).toEqual(before)
    })
})

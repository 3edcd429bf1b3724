import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
let dist: string

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-web-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>THB Monitor</title>')
  fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)')
  t = await createTestApp({ WEB_DIST: dist })
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dist, { recursive: true, force: true })
})

describe('the web app', () => {
  it('serves index.html, never cached, for the root and for any page path', async () => {
    for (const url of ['/', '/countries/RS', '/handbook/x/indicators/IDN-1']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.body).toContain('THB Monitor')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('caches hashed assets for a year, and serves files added after start (a rebuild needs no restart)', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toContain('immutable')
    fs.writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)')
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404)
  })

  it("sends the build's compressed copy to a browser that accepts it, and the plain file to one that does not", async () => {
    const script = 'console.log("a script long enough to be worth compressing")\n'.repeat(40)
    fs.writeFileSync(path.join(dist, 'assets', 'app-3.js'), script)
    fs.writeFileSync(path.join(dist, 'assets', 'app-3.js.br'), brotliCompressSync(script))
    fs.writeFileSync(path.join(dist, 'assets', 'app-3.js.gz'), gzipSync(script))
    const get = (encoding?: string) =>
      t.app.inject({ method: 'GET', url: '/assets/app-3.js', headers: encoding ? { 'accept-encoding': encoding } : {} })

    const br = await get('gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toContain('javascript')
    expect(br.headers['cache-control']).toContain('immutable')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script)

    const gz = await get('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script)

    const plain = await get()
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
    // A file the build did not compress is sent as it is, whatever the browser accepts.
    const small = await t.app.inject({ method: 'GET', url: '/assets/app-1.js', headers: { 'accept-encoding': 'br' } })
    expect(small.statusCode).toBe(200)
    expect(small.headers['content-encoding']).toBeUndefined()
  })
})

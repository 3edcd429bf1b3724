import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
})

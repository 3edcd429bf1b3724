import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeS3, startFakeS3 } from '../../test/fake-s3.ts'
import { loadConfig } from '../config.ts'
import { createFileStore, type FileStore, FileStoreError } from './file-store.ts'
import { S3FileStore } from './s3-store.ts'

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

let s3: FakeS3
let store: FileStore

const text = async (stream: Readable | null) => (stream ? Buffer.concat(await stream.toArray()) : null)
async function listed(s: FileStore, prefix?: string) {
  const all: { key: string; size: number }[] = []
  for await (const o of s.list(prefix)) all.push(o)
  return all
}
const keysOf = async (s: FileStore, prefix?: string) => (await listed(s, prefix)).map((o) => o.key)

beforeAll(async () => {
  s3 = await startFakeS3({ pageSize: 2 })
  store = createFileStore(loadConfig(s3.env))
})
afterAll(() => s3.close())
beforeEach(() => {
  s3.objects.clear()
  s3.log.length = 0
})

describe('the S3 file store against an S3 that checks every signature', () => {
  it('is chosen by the FILES_S3_* settings and stores, reads, sizes and deletes objects byte for byte', async () => {
    expect(store.kind).toBe('s3')
    const binary = randomBytes(70_000)
    await store.put('01/0190aaaa-bbbb', binary)
    await store.put('01/from-a-stream.v2', Readable.from([Buffer.from('Ђурђевдан '), Buffer.from('çështje ë')]))
    expect(s3.objects.get('01/0190aaaa-bbbb')?.equals(binary)).toBe(true)
    expect((await text(await store.get('01/0190aaaa-bbbb')))?.equals(binary)).toBe(true)
    expect((await text(await store.get('01/from-a-stream.v2')))?.toString()).toBe('Ђурђевдан çështje ë')
    expect(await store.head('01/0190aaaa-bbbb')).toEqual({ size: 70_000 })
    expect(await store.head('01/none')).toBeNull()
    expect(await store.get('01/none')).toBeNull()
    await store.delete('01/0190aaaa-bbbb')
    await store.delete('01/0190aaaa-bbbb')
    expect(await store.head('01/0190aaaa-bbbb')).toBeNull()
    expect(s3.log.every((l) => l.status !== 403)).toBe(true)
  })

  it('lists every object across pages, and only those under a prefix', async () => {
    const keys = ['ab/1', 'ab/2', 'ab/3', 'cd/1', 'cd/2', 'ef/1.pdf']
    for (const key of keys) await store.put(key, Buffer.from(key))
    // A name the app never writes (a foreign object in the bucket) is left out.
    s3.objects.set('../outside', Buffer.from('x'))
    expect(await listed(store)).toEqual(keys.map((key) => ({ key, size: key.length })))
    expect(s3.log.filter((l) => l.request.includes('list-type=2')).length).toBe(4)
    expect(await keysOf(store, 'cd/')).toEqual(['cd/1', 'cd/2'])
  })

  it('refuses keys that could leave the store and names S3 errors and outages as FileStoreError', async () => {
    await expect(store.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow(FileStoreError)
    await expect(store.get('/abs')).rejects.toThrow(FileStoreError)
    const wrongSecret = createFileStore(loadConfig({ ...s3.env, FILES_S3_SECRET_ACCESS_KEY: 'not-the-secret' }))
    await expect(wrongSecret.put('ab/x', Buffer.from('x'))).rejects.toThrow(/403 SignatureDoesNotMatch/)
    expect(s3.objects.has('ab/x')).toBe(false)
    const wrongBucket = createFileStore(loadConfig({ ...s3.env, FILES_S3_BUCKET: 'other-bucket' }))
    await expect(listed(wrongBucket)).rejects.toThrow(/404 NoSuchBucket/)
    const lateClock = new S3FileStore(loadConfig(s3.env).filesS3!, () => new Date(Date.now() - 3_600_000))
    await expect(lateClock.head('ab/1')).rejects.toThrow(/HTTP 403/)
    const down = createFileStore(loadConfig({ ...s3.env, FILES_S3_ENDPOINT: `http://127.0.0.1:${await closedPort()}` }))
    await expect(down.get('ab/1')).rejects.toThrow(/cannot be reached: ECONNREFUSED/)
  })

  it('addresses the bucket path-style or as a virtual host', () => {
    const config = loadConfig(s3.env).filesS3!
    const pathStyle = new S3FileStore(config)
    expect(pathStyle.urlOf('ab/Ђ 1')).toEqual({
      url: `${s3.url}/thbm-evidence/ab/%D0%82%201`,
      canonicalUri: '/thbm-evidence/ab/%D0%82%201',
    })
    const hosted = new S3FileStore({
      ...config,
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      forcePathStyle: false,
    })
    expect(hosted.urlOf('ab/1', 'list-type=2')).toEqual({
      url: 'https://thbm-evidence.s3.eu-central-1.amazonaws.com/ab/1?list-type=2',
      canonicalUri: '/ab/1',
    })
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'
import { createFileStore, type FileStore, FileStoreError } from './file-store.ts'

let root: string
let store: FileStore

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-store-'))
  store = createFileStore(loadConfig({ FILES_DIR: root }))
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const read = async (stream: Readable | null) => (stream ? Buffer.concat(await stream.toArray()).toString() : null)
const filesUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()

describe('the folder file store', () => {
  it('keeps the layout of earlier versions: a file an older version wrote is served, new ones land beside it', async () => {
    expect(store.kind).toBe('directory')
    fs.mkdirSync(path.join(root, '01'))
    fs.writeFileSync(path.join(root, '01', '0190aaaa-old'), 'from an older version')
    expect(await read(await store.get('01/0190aaaa-old'))).toBe('from an older version')
    await store.put('01/0190bbbb-new', Buffer.from('Извештај'))
    await store.put('02/0290cccc-stream', Readable.from([Buffer.from('Raporti '), Buffer.from('për viktimat')]))
    expect(fs.readFileSync(path.join(root, '01', '0190bbbb-new'), 'utf8')).toBe('Извештај')
    expect(await read(await store.get('02/0290cccc-stream'))).toBe('Raporti për viktimat')
    expect(await store.head('01/0190bbbb-new')).toEqual({ size: Buffer.byteLength('Извештај') })
    expect(filesUnder(root)).toEqual(['01/0190aaaa-old', '01/0190bbbb-new', '02/0290cccc-stream'])
  })

  it('lists stored files only (no temporary or foreign files), deletes, and answers null for what is not there', async () => {
    await store.put('ab/1', Buffer.from('one'))
    await store.put('cd/2', Buffer.from('two!'))
    fs.writeFileSync(path.join(root, 'ab', '.1.abc.tmp'), 'half a file')
    fs.mkdirSync(path.join(root, 'lost+found'))
    fs.writeFileSync(path.join(root, 'lost+found', 'x'), 'not ours')
    const all: { key: string; size: number }[] = []
    for await (const o of store.list()) all.push(o)
    expect(all).toEqual([
      { key: 'ab/1', size: 3 },
      { key: 'cd/2', size: 4 },
    ])
    const under: string[] = []
    for await (const o of store.list('cd/')) under.push(o.key)
    expect(under).toEqual(['cd/2'])
    await store.delete('ab/1')
    await store.delete('ab/1')
    expect(await store.get('ab/1')).toBeNull()
    expect(await store.head('ab/1')).toBeNull()
    const empty = createFileStore(loadConfig({ FILES_DIR: path.join(root, 'not-yet-created') }))
    for await (const _ of empty.list()) throw new Error('an empty store lists nothing')
  })

  it('leaves nothing behind when a write fails half-way, and refuses keys that leave the folder', async () => {
    async function* failing() {
      yield Buffer.from('the first half')
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    await expect(store.put('ab/broken', Readable.from(failing()))).rejects.toThrow(/ENOSPC/)
    expect(filesUnder(root)).toEqual([])
    for (const key of ['../outside', '/etc/passwd', 'ab//c', '.hidden/x', 'a\\b', ''])
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(FileStoreError)
    expect(fs.existsSync(path.join(root, '..', 'outside'))).toBe(false)
  })
})

describe('the file store settings', () => {
  it('asks for the four S3 settings together and checks each, naming every problem', () => {
    const error = (env: Record<string, string>) => {
      try {
        loadConfig(env)
      } catch (err) {
        if (err instanceof ConfigError) return err.message
      }
      throw new Error('accepted')
    }
    const alone = error({ FILES_S3_BUCKET: 'evidence' })
    for (const name of ['FILES_S3_ENDPOINT', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'])
      expect(alone).toContain(`${name}: Required with the S3 file store`)
    const bad = error({
      FILES_S3_ENDPOINT: 'ftp://s3.example.org/path',
      FILES_S3_BUCKET: 'Bad_Bucket',
      FILES_S3_ACCESS_KEY_ID: 'AK',
      FILES_S3_SECRET_ACCESS_KEY: '',
      FILES_S3_FORCE_PATH_STYLE: 'yes',
    })
    expect(bad).toMatch(/FILES_S3_ENDPOINT: .*S3 endpoint URL/)
    expect(bad).toMatch(/FILES_S3_BUCKET: .*bucket name/)
    expect(bad).toMatch(/FILES_S3_SECRET_ACCESS_KEY: .*\(got a hidden value\)/)
    expect(bad).toMatch(/FILES_S3_FORCE_PATH_STYLE/)
    expect(error({ ...s3Env, FILES_S3_ENDPOINT: 'https://s3.example.org/some/path' })).toMatch(/without a path/)
    expect(loadConfig(s3Env).filesS3).toEqual({
      endpoint: 'https://s3.example.org',
      bucket: 'thbm-evidence',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    })
    expect(loadConfig({}).filesS3).toBeNull()
  })
})

const s3Env = {
  FILES_S3_ENDPOINT: 'https://s3.example.org/',
  FILES_S3_BUCKET: 'thbm-evidence',
  FILES_S3_ACCESS_KEY_ID: 'AKID',
  FILES_S3_SECRET_ACCESS_KEY: 'secret',
}

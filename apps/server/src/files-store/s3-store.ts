import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { Config } from '../config.ts'
import { amzDateOf, canonicalQuery, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from './sigv4.ts'
import { assertKey, type FileStore, FileStoreError, isValidKey } from './store.ts'

export type S3Config = NonNullable<Config['filesS3']>

/** How long a request may wait for the answer's headers (an upload includes sending its body). */
const TIMEOUT_MS = 60_000

const decodeXml = (text: string) =>
  text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)
  return m ? decodeXml(m[1] as string) : undefined
}

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  if ((err as { name?: string }).name === 'AbortError') return `no answer within ${TIMEOUT_MS / 1000} s`
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))
}

/**
 * Files as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, …), spoken to with plain fetch and
 * Signature Version 4: PUT, GET, HEAD and DELETE Object, ListObjectsV2. The key is the object name, as in the folder.
 * Uploads are buffered in memory (S3 needs the length and the body's hash up front; evidence files are at most 20 MB).
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const

  constructor(
    private readonly s3: S3Config,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get location(): string {
    return `s3://${this.s3.bucket} at ${this.s3.endpoint}`
  }

  /** The URL of an object (or of the bucket, for key null) and its canonical path, path-style or virtual-hosted. */
  urlOf(key: string | null, query = ''): { url: string; canonicalUri: string } {
    const base = new URL(this.s3.endpoint)
    const encoded = key === null ? '' : key.split('/').map(uriEncode).join('/')
    const host = this.s3.forcePathStyle ? base.host : `${this.s3.bucket}.${base.host}`
    const canonicalUri = this.s3.forcePathStyle
      ? `/${this.s3.bucket}${key === null ? '' : `/${encoded}`}`
      : `/${encoded}`
    return { url: `${base.protocol}//${host}${canonicalUri}${query ? `?${query}` : ''}`, canonicalUri }
  }

  private async request(
    method: 'GET' | 'PUT' | 'HEAD' | 'DELETE',
    key: string | null,
    options: { query?: Record<string, string>; body?: Buffer } = {},
  ): Promise<Response> {
    const query = options.query ? canonicalQuery(options.query) : ''
    const { url, canonicalUri } = this.urlOf(key, query)
    const payloadHash = options.body ? sha256Hex(options.body) : EMPTY_SHA256
    const amzDate = amzDateOf(this.clock())
    const signed = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate }
    const { authorization } = signRequest({
      method,
      canonicalUri,
      query,
      headers: { host: new URL(url).host, ...signed },
      payloadHash,
      accessKeyId: this.s3.accessKeyId,
      secretAccessKey: this.s3.secretAccessKey,
      region: this.s3.region,
      amzDate,
    })
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
    try {
      return await fetch(url, {
        method,
        headers: {
          ...signed,
          authorization,
          ...(options.body ? { 'content-type': 'application/octet-stream' } : {}),
        },
        body: options.body ? new Uint8Array(options.body.buffer, options.body.byteOffset, options.body.length) : null,
        signal: controller.signal,
      })
    } catch (err) {
      throw new FileStoreError(`The file store ${this.location} cannot be reached: ${reason(err)}`, { cause: err })
    } finally {
      clearTimeout(timer)
    }
  }

  /** Throws the S3 error of an answer that is not a success (its code and message from the XML body). */
  private async fail(res: Response, what: string): Promise<never> {
    const body = await res.text().catch(() => '')
    const code = tag(body, 'Code')
    const message = tag(body, 'Message')
    throw new FileStoreError(
      `S3 ${what} in ${this.location} failed: HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
    )
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    assertKey(key)
    const bytes = Buffer.isBuffer(body) ? body : Buffer.concat(await body.toArray())
    const res = await this.request('PUT', key, { body: bytes })
    if (!res.ok) await this.fail(res, `PUT ${key}`)
    await res.body?.cancel()
  }

  async get(key: string): Promise<Readable | null> {
    assertKey(key)
    const res = await this.request('GET', key)
    if (res.status === 404) {
      await res.body?.cancel()
      return null
    }
    if (!res.ok || !res.body) return this.fail(res, `GET ${key}`)
    return Readable.fromWeb(res.body as WebReadableStream)
  }

  async head(key: string): Promise<{ size: number } | null> {
    assertKey(key)
    const res = await this.request('HEAD', key)
    await res.body?.cancel()
    if (res.status === 404) return null
    if (!res.ok) throw new FileStoreError(`S3 HEAD ${key} in ${this.location} failed: HTTP ${res.status}`)
    return { size: Number(res.headers.get('content-length') ?? 0) }
  }

  async delete(key: string): Promise<void> {
    assertKey(key)
    const res = await this.request('DELETE', key)
    if (!res.ok && res.status !== 404) await this.fail(res, `DELETE ${key}`)
    await res.body?.cancel()
  }

  async *list(prefix = ''): AsyncIterable<{ key: string; size: number }> {
    let token: string | undefined
    do {
      const query: Record<string, string> = { 'list-type': '2', 'max-keys': '1000', prefix }
      if (token) query['continuation-token'] = token
      const res = await this.request('GET', null, { query })
      if (!res.ok) await this.fail(res, 'ListObjectsV2')
      const xml = await res.text()
      for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = tag(m[1] as string, 'Key')
        const size = Number(tag(m[1] as string, 'Size'))
        if (key !== undefined && isValidKey(key)) yield { key, size }
      }
      token = tag(xml, 'IsTruncated') === 'true' ? tag(xml, 'NextContinuationToken') : undefined
    } while (token)
  }
}

import { createHash, createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A small S3 in the test process (node:http, path-style requests): PUT, GET, HEAD and DELETE Object and
 * ListObjectsV2 (paginated, `pageSize` keys per page), objects in memory. Every request must carry a valid Signature
 * Version 4 Authorization header, which the server recomputes from the request as received — written here step by
 * step from the specification, independently of src/files-store/sigv4.ts — and refuses with 403 otherwise.
 */
export interface FakeS3 {
  /** The endpoint, for FILES_S3_ENDPOINT. */
  url: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  objects: Map<string, Buffer>
  /** Requests answered, as `METHOD path?query` with their status. */
  log: { request: string; status: number }[]
  /** The environment that points the app at this server. */
  env: Record<string, string>
  close(): Promise<void>
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()
/** RFC 3986 encoding: encodeURIComponent leaves !'()* as they are, which SigV4 encodes. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`

export async function startFakeS3(options: { pageSize?: number; bucket?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? 'thbm-evidence'
  const accessKeyId = 'AKIDFAKES3TEST'
  const secretAccessKey = 'fake/secret+key=with/odd+characters'
  const region = 'eu-test-1'
  const objects = new Map<string, Buffer>()
  const log: FakeS3['log'] = []

  /** Why the request's signature is not valid, or null when it is. */
  function signatureProblem(req: http.IncomingMessage, body: Buffer): string | null {
    const auth =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        req.headers.authorization ?? '',
      )
    if (!auth) return 'no or malformed Authorization header'
    const [, key, day, authRegion, signedHeaders, signature] = auth as unknown as string[]
    if (key !== accessKeyId) return 'unknown access key'
    if (authRegion !== region) return `wrong region ${authRegion}`
    const amzDate = String(req.headers['x-amz-date'] ?? '')
    if (!amzDate.startsWith(day as string)) return 'x-amz-date and the credential scope differ'
    const when = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
    if (!(Math.abs(Date.now() - when) < 15 * 60_000)) return 'request time too skewed'
    const names = (signedHeaders as string).split(';')
    for (const needed of ['host', 'x-amz-date', 'x-amz-content-sha256'])
      if (!names.includes(needed)) return `${needed} is not signed`
    const payloadHash = String(req.headers['x-amz-content-sha256'])
    if (payloadHash !== sha256(body)) return 'x-amz-content-sha256 does not match the body'
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?')
    const query = rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [k, v = ''] = pair.split('=')
        return `${rfc3986(decodeURIComponent(k as string))}=${rfc3986(decodeURIComponent(v))}`
      })
      .sort()
      .join('&')
    const headerLines = names
      .map(
        (n) =>
          `${n}:${String(req.headers[n] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('')
    const canonical = `${req.method}\n${rawPath}\n${query}\n${headerLines}\n${signedHeaders}\n${payloadHash}`
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${day}/${region}/s3/aws4_request\n${sha256(canonical)}`
    let signingKey = hmac(`AWS4${secretAccessKey}`, day as string)
    for (const part of [region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part)
    const expected = createHmac('sha256', signingKey).update(toSign).digest('hex')
    return expected === signature ? null : 'signature does not match'
  }

  function list(params: URLSearchParams): string {
    const prefix = params.get('prefix') ?? ''
    const max = Math.min(Number(params.get('max-keys') ?? 1000), options.pageSize ?? 1000)
    const after = params.get('continuation-token')
    const start = after ? Buffer.from(after, 'base64url').toString('utf8') : ''
    const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > start).sort()
    const page = keys.slice(0, max)
    const truncated = keys.length > max
    const contents = page
      .map((k) => `<Contents><Key>${xml(k)}</Key><Size>${objects.get(k)?.length}</Size></Contents>`)
      .join('')
    const next = truncated
      ? `<NextContinuationToken>${Buffer.from(page.at(-1) as string).toString('base64url')}</NextContinuationToken>`
      : ''
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>${bucket}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const answer = (status: number, text = '', headers: Record<string, string> = {}) => {
      log.push({ request: `${req.method} ${req.url}`, status })
      res.writeHead(status, { 'content-type': 'application/xml', ...headers })
      res.end(req.method === 'HEAD' ? undefined : text)
    }
    const problem = signatureProblem(req, body)
    if (problem) return answer(403, error('SignatureDoesNotMatch', problem))
    const url = new URL(req.url ?? '/', 'http://fake')
    const [, first, ...rest] = url.pathname.split('/')
    if (first !== bucket) return answer(404, error('NoSuchBucket', 'The specified bucket does not exist'))
    const key = rest.map(decodeURIComponent).join('/')
    if (!key) {
      if (req.method !== 'GET' || url.searchParams.get('list-type') !== '2')
        return answer(400, error('InvalidRequest', 'Only ListObjectsV2 on the bucket'))
      return answer(200, list(url.searchParams))
    }
    const stored = objects.get(key)
    if (req.method === 'PUT') {
      if (req.headers['content-length'] !== String(body.length))
        return answer(411, error('MissingContentLength', 'Content-Length is required'))
      objects.set(key, body)
      return answer(200, '', { etag: `"${createHash('md5').update(body).digest('hex')}"` })
    }
    if (req.method === 'DELETE') {
      objects.delete(key)
      return answer(204)
    }
    if (!stored) return answer(404, error('NoSuchKey', 'The specified key does not exist.'))
    if (req.method === 'HEAD') return answer(200, '', { 'content-length': String(stored.length) })
    log.push({ request: `${req.method} ${req.url}`, status: 200 })
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(stored.length) })
    res.end(stored)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    bucket,
    accessKeyId,
    secretAccessKey,
    region,
    objects,
    log,
    env: {
      FILES_S3_ENDPOINT: url,
      FILES_S3_BUCKET: bucket,
      FILES_S3_REGION: region,
      FILES_S3_ACCESS_KEY_ID: accessKeyId,
      FILES_S3_SECRET_ACCESS_KEY: secretAccessKey,
      FILES_S3_FORCE_PATH_STYLE: 'true',
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

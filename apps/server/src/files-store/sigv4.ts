import { createHash, createHmac } from 'node:crypto'

/** SHA-256 of the empty payload, the body hash of GET, HEAD and DELETE requests. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex')

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ (upper-case hex). */
export function uriEncode(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'), (byte) => {
    const ch = String.fromCharCode(byte)
    return /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }).join('')
}

/** The canonical query string: parameters encoded, sorted by name (then value), joined with `&`. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

export interface SignatureInput {
  method: string
  /** The path as sent, already URI-encoded once (S3 does not encode it twice). */
  canonicalUri: string
  /** The query as sent, from canonicalQuery (empty for none). */
  query: string
  /** Every header to sign, host and x-amz-content-sha256 included; names in any case. */
  headers: Record<string, string>
  payloadHash: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  service?: string
  /** x-amz-date, `YYYYMMDDTHHMMSSZ`; it must also be among the headers. */
  amzDate: string
}

/** `YYYYMMDDTHHMMSSZ` of a moment. */
export const amzDateOf = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest()

/**
 * AWS Signature Version 4 for one request with the Authorization header (docs.aws.amazon.com, "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk"). Returns the intermediate
 * strings too, so tests can compare them with the published examples.
 */
export function signRequest(input: SignatureInput): {
  authorization: string
  canonicalRequest: string
  stringToSign: string
  signature: string
  signedHeaders: string
} {
  const service = input.service ?? 's3'
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const signedHeaders = headers.map(([name]) => name).join(';')
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.canonicalUri || '/',
    input.query,
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    input.payloadHash,
  ].join('\n')
  const day = input.amzDate.slice(0, 8)
  const scope = `${day}/${input.region}/${service}/aws4_request`
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request')
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex')
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`
  return { authorization, canonicalRequest, stringToSign, signature, signedHeaders }
}

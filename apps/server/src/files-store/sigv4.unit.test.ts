import { describe, expect, it } from 'vitest'
import { canonicalQuery, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from './sigv4.ts'

/**
 * The examples of the Amazon S3 API reference, "Signature Calculations for the Authorization Header: Transferring
 * Payload in a Single Chunk (AWS Signature Version 4)", with its example credentials.
 */
const EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  amzDate: '20130524T000000Z',
}
const HOST = 'examplebucket.s3.amazonaws.com'

describe('Signature Version 4', () => {
  it('signs the published GET Object example (first 10 bytes of test.txt) to the published signature', () => {
    const signed = signRequest({
      ...EXAMPLE,
      method: 'GET',
      canonicalUri: '/test.txt',
      query: '',
      headers: { Host: HOST, Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': EXAMPLE.amzDate },
      payloadHash: EMPTY_SHA256,
    })
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        `host:${HOST}`,
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    )
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n' +
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    )
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })

  it('signs the published PUT Object example (a key with $, a body) to the published signature', () => {
    const body = 'Welcome to Amazon S3.'
    const payloadHash = sha256Hex(body)
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072')
    const signed = signRequest({
      ...EXAMPLE,
      method: 'PUT',
      canonicalUri: `/${uriEncode('test$file.text')}`,
      query: '',
      headers: {
        Host: HOST,
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-date': EXAMPLE.amzDate,
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': payloadHash,
      },
      payloadHash,
    })
    expect(signed.canonicalRequest.split('\n').slice(0, 2)).toEqual(['PUT', '/test%24file.text'])
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd')
  })

  it('signs the published GET Bucket (List Objects) example with its query to the published signature', () => {
    const query = canonicalQuery({ prefix: 'J', 'max-keys': '2' })
    expect(query).toBe('max-keys=2&prefix=J')
    const signed = signRequest({
      ...EXAMPLE,
      method: 'GET',
      canonicalUri: '/',
      query,
      headers: { Host: HOST, 'x-amz-date': EXAMPLE.amzDate, 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
    })
    expect(signed.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7')
  })

  it('encodes as RFC 3986 wants, including the characters encodeURIComponent leaves alone', () => {
    expect(uriEncode("a b!'()*~._-")).toBe('a%20b%21%27%28%29%2A~._-')
    expect(uriEncode('Ђурђевдан ë/+=')).toBe('%D0%82%D1%83%D1%80%D1%92%D0%B5%D0%B2%D0%B4%D0%B0%D0%BD%20%C3%AB%2F%2B%3D')
    expect(canonicalQuery({ b: '2', a: 'x y', 'continuation-token': '1/2+3=' })).toBe(
      'a=x%20y&b=2&continuation-token=1%2F2%2B3%3D',
    )
  })
})

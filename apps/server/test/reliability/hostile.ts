/** Hand-picked hostile input for the fuzz tests: strings, values and whole raw bodies. */

/** Strings that break naive code: SQL and path metacharacters, prototype keys, control bytes, scripts, long text. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '%_\\',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\u202etxt.exe',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  'Ђорђе Ћирић, Љубљана, Џеп',
  'Përshëndetje, Gjirokastër, çështje',
  '👩‍👩‍👧‍👦🇷🇸🇦🇱',
  'NaN',
  '-0',
  '1e309',
  '',
  ' ',
  'x'.repeat(100_000),
]

/** The texts that most often break storage and rendering: sent in every free-text field of every route. */
export const STORED_TEXTS: readonly string[] = [
  "'; DROP TABLE users; --",
  'a\u0000b',
  '\ud800',
  '\u202etxt.exe',
  '<script>alert(1)</script>',
  'Ђорђе Ћирић, Љубљана, Џеп',
  'Përshëndetje, Gjirokastër, çështje',
  '👩‍👩‍👧‍👦🇷🇸🇦🇱',
  '',
  'x'.repeat(100_000),
]

/** Values of the wrong shape or at the edges of numbers. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  2 ** 31,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e-308,
  0.1,
  [],
  {},
  [[[[[]]]]],
  Array.from({ length: 10_000 }, (_, i) => i),
  JSON.parse('{"__proto__":{"polluted":true}}'),
]

const nested = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth)

/** Whole request bodies, as raw text or bytes with their content type. */
export const HOSTILE_BODIES: readonly { name: string; type: string; body: string | Buffer }[] = [
  { name: '__proto__ key', type: 'application/json', body: '{"__proto__":{"polluted":true},"version":1}' },
  {
    name: 'constructor.prototype key',
    type: 'application/json',
    body: '{"constructor":{"prototype":{"polluted":true}},"version":1}',
  },
  { name: 'nested __proto__', type: 'application/json', body: '{"a":{"b":{"__proto__":{"polluted":true}}}}' },
  { name: 'arrays 10,000 deep', type: 'application/json', body: nested(10_000, '[', ']', '1') },
  { name: 'objects 10,000 deep', type: 'application/json', body: nested(10_000, '{"a":', '}', '1') },
  {
    name: 'deep value in a field',
    type: 'application/json',
    body: `{"version":1,"name":${nested(10_000, '{"a":', '}', '1')}}`,
  },
  {
    name: 'invalid UTF-8',
    type: 'application/json',
    body: Buffer.concat([
      Buffer.from('{"version":1,"name":"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from('"}'),
    ]),
  },
  { name: 'raw NUL byte', type: 'application/json', body: Buffer.from('{"version":1,"name":"a\u0000b"}') },
  { name: 'escaped NUL', type: 'application/json', body: '{"version":1,"name":"a\\u0000b","text":"\\u0000"}' },
  { name: 'lone surrogate escape', type: 'application/json', body: '{"version":1,"name":"\\ud800"}' },
  { name: 'truncated JSON', type: 'application/json', body: '{"version":1,"name":"abc' },
  { name: 'JSON null', type: 'application/json', body: 'null' },
  { name: 'JSON string', type: 'application/json', body: '"text"' },
  { name: 'huge number', type: 'application/json', body: '{"version":1e400}' },
  { name: 'duplicate keys', type: 'application/json', body: '{"version":1,"version":"x"}' },
  { name: 'plain text', type: 'text/plain', body: 'version=1' },
  { name: 'form encoded', type: 'application/x-www-form-urlencoded', body: 'version=1&__proto__[polluted]=1' },
  {
    name: 'XML',
    type: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  },
  { name: 'multipart without boundary', type: 'multipart/form-data', body: '--x\r\n\r\n' },
  {
    name: 'multipart with junk',
    type: 'multipart/form-data; boundary=zz',
    body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004junk\r\n--zz--',
  },
]

/** Path and query values: encoded bytes, traversal, very long, non-Latin. */
export const HOSTILE_URL_PARTS: readonly string[] = [
  '%00',
  '%ff%fe',
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201=1--",
  encodeURIComponent('Ђорђе'),
  encodeURIComponent('çështje'),
  encodeURIComponent('👩‍👩‍👧'),
  'a'.repeat(5000),
  '__proto__',
  'constructor',
]

/** A 10 MB JSON body: above every body limit. */
export const TEN_MB_BODY = `{"version":1,"name":"${'x'.repeat(10 * 1024 * 1024)}"}`

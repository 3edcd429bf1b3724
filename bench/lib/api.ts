/** Signs in through the API; returns the session cookie (`thbm_session=…`). */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`Sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('thbm_session='))
  if (!cookie) throw new Error('Sign-in set no session cookie')
  return cookie.split(';')[0] as string
}

export interface Timed {
  ms: number
  status: number
  bytes: number
  body: Buffer
}

/** One request, timed until the whole body has arrived. */
export async function timed(url: string, init: RequestInit & { cookie: string }): Promise<Timed> {
  const { cookie, ...rest } = init
  const started = performance.now()
  const res = await fetch(url, { ...rest, headers: { ...(rest.headers ?? {}), cookie } })
  const body = Buffer.from(await res.arrayBuffer())
  return { ms: Math.round(performance.now() - started), status: res.status, bytes: body.length, body }
}

/** A checked GET: throws with the body when the status is not 200. */
export async function getOk(url: string, cookie: string): Promise<Timed> {
  const r = await timed(url, { cookie })
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.body.toString('utf8').slice(0, 500)}`)
  return r
}

import { expect } from 'vitest'
import { TABLES } from '../../src/db/tables.ts'
import { seedDefaultHandbook } from '../../src/seed/handbook.ts'
import { asUser, buildOrganisation } from '../factories.ts'
import { createTestApp, type TestApp } from '../test-app.ts'
import { multipart } from './multipart.ts'

/**
 * The installation the fuzz tests run against: the default Handbook, a collecting round in RS with an answer, a
 * comment, a narrative, a recommendation and an evidence file, a framework draft, an invitation — whose ids the
 * fuzzer puts into paths, so generated bodies reach the code behind the lookups — and the same kind of data in MK,
 * which no fuzzed request names: those rows must never change.
 */
export interface FuzzFixture {
  t: TestApp
  admin: { id: string; email: string; password: string; cookie: string }
  /** Real values for path parameters, by parameter name (and, for `id`, by the URL's first segment). */
  pool: Record<string, string[]>
  /** Primary keys of the MK rows per table, to compare before and after. */
  sentinel(): Promise<Record<string, unknown[]>>
}

type Send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => Promise<{ id?: string } & object>

function sender(t: TestApp, cookie: string): Send {
  return async (method, url, payload) => {
    const res = await t.app.inject({ method, url, payload, headers: { cookie } })
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300)
    return (res.json() as { data?: object }).data ?? (res.json() as object)
  }
}

/** A round of one country, collecting, with the organisation assigned to the indicators. */
async function collectingRound(
  as: { coordinator: Send; lead: Send },
  versionId: string,
  country: string,
  organisationId: string,
  codes: string[],
): Promise<string> {
  const { id } = await as.coordinator('POST', '/api/rounds', {
    name: `Fuzz round ${country}`,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    frameworkVersionId: versionId,
    countries: [country],
  })
  for (const code of codes)
    await as.lead('PUT', `/api/rounds/${id}/countries/${country}/assignments/${code}`, {
      version: 0,
      expertId: null,
      providers: [{ organisationId, userId: null }],
      dueOn: null,
    })
  await as.coordinator('POST', `/api/rounds/${id}/transition`, { to: 'collecting', version: 1 })
  return id as string
}

/** Answer, comment and narrative in a round of the country; returns the comment id. */
async function roundActivity(as: { lead: Send; provider: Send }, roundId: string, country: string, orgId: string) {
  const base = `/api/rounds/${roundId}/countries/${country}`
  await as.provider('PUT', `${base}/indicators/IDN-1/answers/${orgId}`, { version: 0, value: { choice: '2' } })
  const comment = await as.lead('POST', `${base}/indicators/IDN-1/comments`, { body: 'Please check the source.' })
  await as.lead('PUT', `${base}/narratives`, { version: 0, kind: 'conclusion', areaCode: '', html: '<p>Fine.</p>' })
  return (comment as { id?: string; comments?: { id: string }[] }).comments?.[0]?.id ?? comment.id ?? ''
}

async function upload(t: TestApp, cookie: string, country: string): Promise<string> {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
  const { payload, headers } = multipart({ data: pdf, filename: 'evidence.pdf' }, { country })
  const res = await t.app.inject({ method: 'POST', url: '/api/files', payload, headers: { ...headers, cookie } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().data.id
}

export async function createFuzzFixture(): Promise<FuzzFixture> {
  // Many failed sign-ins from one address are part of the fuzzing; the throttle would end it early.
  const t = await createTestApp({ LOGIN_MAX_FAILURES: '1000', LOGIN_MAX_FAILURES_PER_IP: '100000' })
  await seedDefaultHandbook(t.db)
  const rsOrg = await buildOrganisation(t.db, { countryCode: 'RS' })
  const mkOrg = await buildOrganisation(t.db, { countryCode: 'MK' })
  const users = {
    coordinator: await asUser(t.app, 'regional_coordinator'),
    lead: await asUser(t.app, 'country_lead', 'RS'),
    provider: await asUser(t.app, 'data_provider', 'RS', { organisationId: rsOrg.id }),
    mkLead: await asUser(t.app, 'country_lead', 'MK'),
    mkProvider: await asUser(t.app, 'data_provider', 'MK', { organisationId: mkOrg.id }),
    admin: await asUser(t.app, 'admin'),
  }
  const as = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, sender(t, u.cookie)])) as Record<
    keyof typeof users,
    Send
  >
  const frameworks = (await as.lead('GET', '/api/frameworks')) as unknown as { versions: { id: string }[] }[]
  const versionId = frameworks[0]?.versions[0]?.id as string
  const codes = ['IDN-1', 'JUS-5']

  const rsRound = await collectingRound(as, versionId, 'RS', rsOrg.id, codes)
  const commentId = await roundActivity(as, rsRound, 'RS', rsOrg.id)
  const recommendation = await as.lead('POST', `/api/rounds/${rsRound}/countries/RS/recommendations`, {
    text: 'Fund shelters for several years.',
    priority: 'urgent',
  })
  const fileId = await upload(t, users.provider.cookie, 'RS')
  const draft = await as.admin('POST', `/api/framework-versions/${versionId}/drafts`, { label: '2026.9' })
  await as.admin('POST', '/api/invitations', { email: 'invited@example.test', role: 'expert', countryCode: 'RS' })
  const invitations = (await as.admin('GET', '/api/invitations')) as unknown as { id: string }[]

  const mkRound = await collectingRound(
    { coordinator: as.coordinator, lead: as.mkLead },
    versionId,
    'MK',
    mkOrg.id,
    codes,
  )
  await roundActivity({ lead: as.mkLead, provider: as.mkProvider }, mkRound, 'MK', mkOrg.id)
  await upload(t, users.mkProvider.cookie, 'MK')

  const rsUsers = [users.coordinator, users.lead, users.provider].map((u) => u.id)
  const ids = {
    users: rsUsers,
    organisations: [rsOrg.id],
    files: [fileId],
    recommendations: [recommendation.id as string],
    invitations: invitations.map((i) => i.id),
    publications: [] as string[],
  }
  const pool: Record<string, string[]> = {
    roundId: [rsRound],
    country: ['RS', 'AL'],
    countryCode: ['RS', 'AL'],
    indicator: codes,
    versionId: [versionId, draft.id as string],
    organisationId: [rsOrg.id],
    commentId: [commentId],
    membershipId: users.lead.membershipId ? [users.lead.membershipId] : [],
    areaCode: ['IDN', 'JUS'],
    ...Object.fromEntries(Object.entries(ids).map(([segment, list]) => [`id:${segment}`, list])),
    id: Object.values(ids).flat(),
  }

  const mkUsers = [users.mkLead.id, users.mkProvider.id]
  const auditBefore = await t.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  const lastSeq = Number(auditBefore?.seq ?? 0)
  const columns = new Map(
    (await t.db.introspection.getTables()).map((table) => [table.name, new Set(table.columns.map((c) => c.name))]),
  )
  /** The rows that belong to MK (or to its round and people), and every audit row written so far. */
  const sentinel = async () => {
    const out: Record<string, unknown[]> = {}
    for (const table of TABLES) {
      const cols = columns.get(table.name) ?? new Set<string>()
      // biome-ignore lint/suspicious/noExplicitAny: table names come from TABLES, not from the typed schema
      let q = (t.db as any).withoutPlugins().selectFrom(table.name).selectAll()
      if (table.name === 'countries') q = q.where('code', '=', 'MK')
      else if (table.name === 'rounds') q = q.where('id', '=', mkRound)
      else if (table.name === 'users') q = q.where('id', 'in', mkUsers)
      else if (table.name === 'audit_events') q = q.where('seq', '<=', lastSeq)
      else if (cols.has('country_code')) q = q.where('country_code', '=', 'MK')
      else if (cols.has('round_id')) q = q.where('round_id', '=', mkRound)
      else if (cols.has('user_id')) q = q.where('user_id', 'in', mkUsers)
      else continue
      for (const key of table.key) q = q.orderBy(key)
      out[table.name] = await q.execute()
    }
    return out
  }
  return { t, admin: users.admin, pool, sentinel }
}

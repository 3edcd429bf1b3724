import { type OrganisationType, REGION_ROLES, type Role } from '@thbm/shared'
import type { Database } from '../src/db/database.ts'
import { newId, nowIso } from '../src/ids.ts'
import { hashPassword } from '../src/modules/auth/passwords.ts'
import { SESSION_COOKIE } from '../src/modules/auth/sessions.ts'
import type { App } from './test-app.ts'

/** The password of every factory-built user unless a test picks another. It passes the password policy. */
export const TEST_PASSWORD = 'Tidy-Lantern-Orbit-42'

// argon2 costs ~20 ms per hash: hash each distinct password once per test file.
const hashes = new Map<string, Promise<string>>()
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password)
  if (!hash) {
    hash = hashPassword(password)
    hashes.set(password, hash)
  }
  return hash
}

let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`

export interface BuiltOrganisation {
  id: string
  name: string
  type: OrganisationType
  countryCode: string
}

/** Inserts an organisation (default: an NGO in RS with a unique name). */
export async function buildOrganisation(
  db: Database,
  overrides: { countryCode?: string; type?: OrganisationType; name?: string; active?: boolean } = {},
): Promise<BuiltOrganisation> {
  const now = nowIso()
  const org = {
    id: newId(),
    name: overrides.name ?? unique('Organisation'),
    type: overrides.type ?? 'ngo',
    countryCode: overrides.countryCode ?? 'RS',
  }
  await db
    .insertInto('organisations')
    .values({ ...org, active: overrides.active === false ? 0 : 1, version: 1, createdAt: now, updatedAt: now })
    .execute()
  return org
}

export interface UserOverrides {
  /** The user's one role; null builds a user without any membership. Default: expert. */
  role?: Role | null
  /** Default: null for region-only roles (admin, regional coordinator), RS for the others; null means region-wide. */
  countryCode?: string | null
  /** For data providers; default: a new organisation in the membership's country. */
  organisationId?: string | null
  email?: string
  name?: string
  password?: string
  active?: boolean
}

export interface BuiltUser {
  id: string
  email: string
  name: string
  password: string
  role: Role | null
  countryCode: string | null
  organisationId: string | null
  membershipId: string | null
}

function defaultCountry(role: Role): string | null {
  return role === 'admin' || role === 'regional_coordinator' ? null : 'RS'
}

/** Inserts a user with one membership, creating the organisation a data provider needs. */
export async function buildUser(db: Database, overrides: UserOverrides = {}): Promise<BuiltUser> {
  const role = overrides.role === undefined ? 'expert' : overrides.role
  const countryCode =
    overrides.countryCode !== undefined ? overrides.countryCode : role === null ? null : defaultCountry(role)
  if (role && countryCode === null && !REGION_ROLES.includes(role)) throw new Error(`${role} needs a country`)
  let organisationId = overrides.organisationId ?? null
  if (role === 'data_provider' && overrides.organisationId === undefined) {
    organisationId = (await buildOrganisation(db, { countryCode: countryCode ?? 'RS' })).id
  }
  const password = overrides.password ?? TEST_PASSWORD
  const now = nowIso()
  const id = newId()
  const email = overrides.email ?? `${unique(role ?? 'user').replaceAll('_', '-')}@example.test`.toLowerCase()
  const name = overrides.name ?? `Test ${role ?? 'user'} ${counter}`
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name,
      passwordHash: await cachedHash(password),
      locale: null,
      active: overrides.active === false ? 0 : 1,
      isDemo: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    })
    .execute()
  let membershipId: string | null = null
  if (role) {
    membershipId = newId()
    await db
      .insertInto('memberships')
      .values({ id: membershipId, userId: id, role, countryCode, organisationId, createdAt: now })
      .execute()
  }
  return { id, email, name, password, role, countryCode, organisationId, membershipId }
}

/** Adds another membership to a user built earlier. */
export async function addMembership(
  db: Database,
  userId: string,
  grant: { role: Role; countryCode: string | null; organisationId?: string | null },
): Promise<string> {
  const id = newId()
  await db
    .insertInto('memberships')
    .values({
      id,
      userId,
      role: grant.role,
      countryCode: grant.countryCode,
      organisationId: grant.organisationId ?? null,
      createdAt: nowIso(),
    })
    .execute()
  return id
}

/** The session cookie from a response's Set-Cookie header, as a Cookie request header. */
export function sessionCookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)
  if (!cookie) throw new Error('The response sets no session cookie')
  return `${SESSION_COOKIE}=${cookie.value}`
}

/** Signs in through the API and returns the Cookie header for later requests. */
export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`)
  return sessionCookieOf(res)
}

/** A new user with the role (in the country, default as in buildUser), signed in. */
export async function asUser(
  app: App,
  role: Role | null,
  countryCode?: string | null,
  overrides: Omit<UserOverrides, 'role' | 'countryCode'> = {},
): Promise<BuiltUser & { cookie: string }> {
  const user = await buildUser(app.db, { ...overrides, role, ...(countryCode === undefined ? {} : { countryCode }) })
  return { ...user, cookie: await login(app, user.email, user.password) }
}

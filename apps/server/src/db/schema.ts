import type { Generated } from 'kysely'

/**
 * The database as TypeScript sees it (camelCase; columns are snake_case through CamelCasePlugin).
 * Portable column types on both engines: text ids (UUIDv7), ISO 8601 text timestamps, 0/1 integers for booleans,
 * JSON as text. Changes here go in the same commit as the migration that makes them.
 */
export interface DB {
  appMeta: { key: string; value: string }
  countries: { code: string; names: string; sortOrder: number; version: number; createdAt: string; updatedAt: string }
  organisations: {
    id: string
    name: string
    type: string
    countryCode: string
    active: number
    version: number
    createdAt: string
    updatedAt: string
  }
  users: {
    id: string
    email: string
    name: string
    passwordHash: string | null
    locale: string | null
    active: number
    isDemo: number
    version: number
    createdAt: string
    updatedAt: string
    lastLoginAt: string | null
  }
  memberships: {
    id: string
    userId: string
    role: string
    countryCode: string | null
    organisationId: string | null
    createdAt: string
  }
  sessions: {
    id: string
    userId: string
    createdAt: string
    lastSeenAt: string
    expiresAt: string
    userAgent: string | null
    ip: string | null
  }
  oneTimeTokens: {
    id: string
    kind: string
    email: string
    userId: string | null
    name: string | null
    role: string | null
    countryCode: string | null
    organisationId: string | null
    createdBy: string | null
    createdAt: string
    expiresAt: string
    usedAt: string | null
  }
  loginFailures: { key: string; failures: number; firstAt: string; lastAt: string }
  auditEvents: {
    id: string
    seq: Generated<number>
    at: string
    actorId: string | null
    action: string
    subjectType: string
    subjectId: string
    countryCode: string | null
    summary: string
    requestId: string | null
  }
  frameworks: { id: string; code: string; name: string; baseLocale: string; createdAt: string; updatedAt: string }
  frameworkVersions: {
    id: string
    frameworkId: string
    label: string
    status: string
    basedOnId: string | null
    notes: string
    createdBy: string | null
    publishedAt: string | null
    publishedBy: string | null
    retiredAt: string | null
    createdAt: string
    updatedAt: string
    version: number
  }
  frameworkAreas: {
    id: string
    versionId: string
    code: string
    position: number
    title: string
    description: string
    version: number
  }
  adaptations: {
    id: string
    versionId: string
    countryCode: string
    notes: string
    createdAt: string
    updatedAt: string
    version: number
  }
  indicators: {
    id: string
    versionId: string
    areaId: string
    adaptationId: string | null
    code: string
    position: number
    title: string
    definition: string
    guidance: string
    kind: string
    measurement: string
    unit: string | null
    disaggregations: string
    customDimensions: string
    legalReferences: string
    sources: string
    topics: string
    isCore: number
    isFramework: number
    isRedFlag: number
    weight: number
    lineageType: string
    lineageFrom: string
    version: number
  }
  versionRetirements: { versionId: string; code: string; note: string }
  adaptationItems: {
    adaptationId: string
    indicatorCode: string
    excluded: number
    nationalNote: string
    nationalLegalReferences: string
    nationalSources: string
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_LOCALE, LOCALES } from '@thbm/shared'
import { z } from 'zod'

/** The repository root, for default paths that do not depend on the working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

const LOCALE_LIST = new RegExp(`^\\s*(${LOCALES.join('|')})(\\s*,\\s*(${LOCALES.join('|')}))*\\s*$`)
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .min(1)
      .default('./data/thbm.sqlite')
      .describe('PostgreSQL URL (postgres://…) or a SQLite file path'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url().optional().describe('External URL, used in invitation links and for the Origin check'),
    TRUST_PROXY: bool.default(false),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43200).default(480),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
    INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(2160).default(168),
    RESET_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100000).default(50),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1000000).default(1200),
    BODY_LIMIT_MB: z.coerce.number().min(0.1).max(200).default(1),
    DEFAULT_LOCALE: z.enum(LOCALES).default(DEFAULT_LOCALE),
    DEMO: z
      .enum(['auto', 'false'])
      .default('auto')
      .describe('auto: seed demo data on the first start of an empty embedded (SQLite) database; false: never'),
    WEB_DIST: z.string().optional().describe('Folder of the built web app'),
    FILES_DIR: z
      .string()
      .min(1)
      .default('./data/files')
      .describe('Folder where evidence files are stored (unless FILES_S3_BUCKET names an S3 bucket)'),
    FILES_S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: 'Use the S3 endpoint URL, e.g. https://s3.eu-central-1.amazonaws.com' })
      .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), 'Give only the scheme and host (and port), without a path')
      .optional()
      .describe('S3-compatible endpoint of the evidence file store, e.g. https://s3.eu-central-1.amazonaws.com'),
    FILES_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'Use a bucket name: 3-63 lower-case letters, digits, dots, hyphens')
      .optional()
      .describe('Bucket of the evidence file store; with it, files go to S3 instead of FILES_DIR'),
    FILES_S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'Use a region name such as eu-central-1 (us-east-1 for most S3-compatible servers)')
      .default('us-east-1'),
    FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    FILES_S3_FORCE_PATH_STYLE: bool
      .default(false)
      .describe(
        'true: https://endpoint/bucket/key (MinIO and most self-hosted servers); false: https://bucket.endpoint/key',
      ),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'Use smtp://user:password@host:port or smtps://…')
      .optional()
      .describe('Send notification e-mails through this SMTP server; without it, notifications stay in the app'),
    MAIL_FROM: z.string().min(3).default('THB Monitor <no-reply@localhost>').describe('Sender of notification e-mails'),
    DISCLOSURE_THRESHOLD: z.coerce
      .number()
      .int()
      .min(2)
      .max(100)
      .default(5)
      .describe('In anything public, counts of persons from 1 to this value minus one show as "<N"'),
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium').describe('Headless Chromium, for PDF reports'),
    PRERENDER_LOCALES: z
      .string()
      .regex(LOCALE_LIST, `Use a comma-separated list of ${LOCALES.join(', ')}`)
      .optional()
      .describe(
        'Comma-separated UI locales whose documents a publication renders and stores (default: en and DEFAULT_LOCALE)',
      ),
    TEMPLATE_JOB_ROWS: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(2000)
      .describe('An uploaded template with more Data rows than this is imported by a background job (202 + progress)'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((e, ctx) => {
    // The S3 file store takes four settings together; one of them alone is a mistake, not a request for the folder.
    const s3 = ['FILES_S3_ENDPOINT', 'FILES_S3_BUCKET', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'] as const
    if (!s3.some((name) => e[name] !== undefined)) return
    for (const name of s3)
      if (e[name] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `Required with the S3 file store (set all of ${s3.join(', ')})`,
        })
  })

export type Config = {
  env: 'development' | 'production' | 'test'
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }
  port: number
  host: string
  publicUrl: string | undefined
  trustProxy: boolean
  cookieSecure: 'auto' | boolean
  sessionIdleMs: number
  sessionAbsoluteMs: number
  invitationTtlMs: number
  resetTtlMs: number
  login: { maxFailures: number; maxFailuresPerIp: number; lockMs: number }
  rateLimitPerMinute: number
  bodyLimitBytes: number
  defaultLocale: (typeof LOCALES)[number]
  demo: 'auto' | false
  webDist: string
  filesDir: string
  /** The S3-compatible bucket evidence files are stored in, instead of filesDir; null for the folder. */
  filesS3: {
    endpoint: string
    bucket: string
    region: string
    accessKeyId: string
    secretAccessKey: string
    forcePathStyle: boolean
  } | null
  logLevel: string
  /** Disclosure control: counts of persons below this are withheld in public outputs. */
  disclosureThreshold: number
  chromiumPath: string
  /** UI locales whose public documents a publication's report.render job stores (the others render on download). */
  prerenderLocales: (typeof LOCALES)[number][]
  /** Notification e-mail; null when no SMTP server is configured. */
  smtp: { url: string; from: string } | null
  /** Template uploads with more Data rows than this are imported by a background job. */
  templateJobRows: number
  version: string
}

export class ConfigError extends Error {}

/** The locales of a comma-separated list (checked by the schema), or all of them. */
const localeList = (value: string | undefined): (typeof LOCALES)[number][] =>
  value ? (value.split(',').map((v) => v.trim()) as (typeof LOCALES)[number][]) : [...LOCALES]

/** Parses the environment once; a bad value throws a ConfigError that lists every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) =>
        `  ${i.path.join('.')}: ${i.message} (got ${/SECRET/.test(String(i.path[0])) ? 'a hidden value' : JSON.stringify(env[String(i.path[0])])})`,
    )
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const isPg = /^postgres(ql)?:\/\//.test(e.DATABASE_URL)
  return Object.freeze({
    env: e.NODE_ENV,
    database: isPg
      ? { kind: 'postgres' as const, url: e.DATABASE_URL }
      : { kind: 'sqlite' as const, file: e.DATABASE_URL === ':memory:' ? ':memory:' : path.resolve(e.DATABASE_URL) },
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
    resetTtlMs: e.RESET_TTL_HOURS * 3_600_000,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: Math.round(e.BODY_LIMIT_MB * 1024 * 1024),
    defaultLocale: e.DEFAULT_LOCALE,
    demo: e.DEMO === 'auto' ? 'auto' : false,
    webDist: path.resolve(e.WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist')),
    filesDir: path.resolve(e.FILES_DIR),
    filesS3:
      e.FILES_S3_ENDPOINT && e.FILES_S3_BUCKET && e.FILES_S3_ACCESS_KEY_ID && e.FILES_S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.FILES_S3_ENDPOINT.replace(/\/$/, ''),
            bucket: e.FILES_S3_BUCKET,
            region: e.FILES_S3_REGION,
            accessKeyId: e.FILES_S3_ACCESS_KEY_ID,
            secretAccessKey: e.FILES_S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.FILES_S3_FORCE_PATH_STYLE,
          }
        : null,
    logLevel: e.LOG_LEVEL,
    disclosureThreshold: e.DISCLOSURE_THRESHOLD,
    chromiumPath: e.CHROMIUM_PATH,
    // Rendering runs in the app process: by default only English and the installation's language are rendered ahead;
    // other languages render on their first download.
    prerenderLocales: e.PRERENDER_LOCALES
      ? localeList(e.PRERENDER_LOCALES)
      : [...new Set(['en' as const, e.DEFAULT_LOCALE])],
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
    templateJobRows: e.TEMPLATE_JOB_ROWS,
    version: APP_VERSION,
  })
}

export const APP_VERSION = '0.1.0'

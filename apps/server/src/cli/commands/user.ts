import { CreateInvitationBodySchema, EmailSchema, MembershipInputSchema, nameText } from '@thbm/shared'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { createPasswordReset } from '../../modules/users/create-password-reset.ts'
import { createUser } from '../../modules/users/create-user.ts'
import { inviteUser } from '../../modules/users/invite-user.ts'
import { type Command, optionalString, requireString, UsageError } from '../command.ts'
import { cliContext, withDatabase } from '../context.ts'

const grantOptions = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  country: { type: 'string' },
  organisation: { type: 'string' },
} as const

const grantUsage = [
  "  --email         the person's email address",
  '  --role          admin | regional_coordinator | country_lead | expert | data_provider | observer',
  '  --country       ISO code (AL, BA, XK, ME, MK, RS); omit for a region-wide role',
  '  --organisation  organisation id (required for data_provider)',
]

/** Parses options with a zod schema; problems become a UsageError naming each option. */
function parseOptions<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input)
  if (!r.success)
    throw new UsageError(r.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('\n'))
  return r.data
}

function grantInput(values: Record<string, unknown>) {
  return {
    role: requireString(values, 'role'),
    countryCode: optionalString(values, 'country')?.toUpperCase() ?? null,
    organisationId: optionalString(values, 'organisation') ?? null,
  }
}

export const userCreateCommand: Command = {
  name: 'user create',
  summary: 'Create an account with a role; without --password, print a link to set one',
  usage: [
    'thbm user create --email EMAIL --name NAME --role ROLE [--country CC] [--organisation ID] [--password PW]',
    ...grantUsage,
  ],
  options: { ...grantOptions, password: { type: 'string' } },
  async run(values) {
    const input = parseOptions(
      MembershipInputSchema.extend({ email: EmailSchema, name: nameText(), password: z.string().optional() }),
      {
        ...grantInput(values),
        email: requireString(values, 'email'),
        name: requireString(values, 'name'),
        password: optionalString(values, 'password'),
      },
    )
    await withDatabase(async (handle, config) => {
      const ctx = cliContext('user create')
      const result = await withTransaction(handle.db, async (trx) => {
        const id = await createUser(trx, ctx, input)
        if (input.password) return null
        return createPasswordReset(trx, ctx, config, {
          id,
          email: input.email.toLowerCase(),
          countryCode: input.countryCode,
        })
      })
      console.log(`Created ${input.email} (${input.role}${input.countryCode ? `, ${input.countryCode}` : ''}).`)
      if (result) console.log(`Link to set the password (valid until ${result.expiresAt}):\n${result.link}`)
    })
  },
}

export const userInviteCommand: Command = {
  name: 'user invite',
  summary: 'Create a one-time invitation link for a role',
  usage: ['thbm user invite --email EMAIL --role ROLE [--country CC] [--organisation ID] [--name NAME]', ...grantUsage],
  options: grantOptions,
  async run(values) {
    const body = parseOptions(CreateInvitationBodySchema, {
      ...grantInput(values),
      email: requireString(values, 'email'),
      name: optionalString(values, 'name'),
    })
    await withDatabase(async (handle, config) => {
      const link = await withTransaction(handle.db, (trx) => inviteUser(trx, cliContext('user invite'), config, body))
      console.log(`Invitation for ${body.email} (valid until ${link.expiresAt}):\n${link.link}`)
    })
  },
}

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  summary: 'Create a one-time password-reset link for an account',
  usage: ['thbm user reset-password --email EMAIL'],
  options: { email: { type: 'string' } },
  async run(values) {
    const email = requireString(values, 'email').toLowerCase()
    await withDatabase(async (handle, config) => {
      const user = await handle.db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('email', '=', email)
        .executeTakeFirst()
      if (!user) throw new AppError('not_found', `No account with the email ${email}`)
      const link = await withTransaction(handle.db, (trx) =>
        createPasswordReset(trx, cliContext('user reset-password'), config, {
          id: user.id,
          email: user.email,
          countryCode: null,
        }),
      )
      console.log(`Password-reset link for ${email} (valid until ${link.expiresAt}):\n${link.link}`)
    })
  },
}

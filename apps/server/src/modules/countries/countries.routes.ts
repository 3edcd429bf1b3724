import { type Country, CountryParamsSchema, CountrySchema, UpdateCountryBodySchema } from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { parseJson } from '../../db/portable.ts'
import { withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { abilitiesFor, authorize, can } from '../../policies.ts'
import { updateCountry } from './update-country.ts'

type CountryRow = { code: string; names: string; version: number }

function presentCountry(actor: Actor, row: CountryRow): Country {
  return {
    code: row.code,
    names: parseJson<Record<string, string>>(row.names, {}),
    version: row.version,
    abilities: abilitiesFor(actor, ['country.update'], row),
  }
}

export const countriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reference data']
  const getCountryOrThrow = async (actor: Actor, code: string) => {
    const row = await app.db
      .selectFrom('countries')
      .select(['code', 'names', 'version'])
      .where('code', '=', code)
      .executeTakeFirst()
    if (!row || !can(actor, 'country.read', row)) throw notFound('Country not found')
    return row
  }

  app.get(
    '/api/countries',
    { schema: { tags, response: { 200: z.object({ data: z.array(CountrySchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      const rows = await app.db
        .selectFrom('countries')
        .select(['code', 'names', 'version'])
        .orderBy('sortOrder')
        .orderBy('code')
        .execute()
      return { data: rows.filter((r) => can(actor, 'country.read', r)).map((r) => presentCountry(actor, r)) }
    },
  )

  app.get(
    '/api/countries/:code',
    { schema: { tags, params: CountryParamsSchema, response: { 200: z.object({ data: CountrySchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      return { data: presentCountry(actor, await getCountryOrThrow(actor, request.params.code)) }
    },
  )

  app.patch(
    '/api/countries/:code',
    {
      schema: {
        tags,
        params: CountryParamsSchema,
        body: UpdateCountryBodySchema,
        response: { 200: z.object({ data: CountrySchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const country = await getCountryOrThrow(actor, request.params.code)
      authorize(actor, 'country.update', country)
      await withTransaction(app.db, (trx) => updateCountry(trx, contextOf(request), country, request.body))
      return { data: presentCountry(actor, await getCountryOrThrow(actor, country.code)) }
    },
  )
}

import type { Trx } from '../../db/transaction.ts'
import { conflict } from '../../errors.ts'

/** An organisation's name is unique within its country, ignoring case. */
export async function assertUniqueName(
  trx: Trx,
  countryCode: string,
  name: string,
  exceptId: string | null,
): Promise<void> {
  let query = trx
    .selectFrom('organisations')
    .select('id')
    .where('countryCode', '=', countryCode)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
  if (exceptId) query = query.where('id', '!=', exceptId)
  if (await query.executeTakeFirst()) {
    throw conflict('An organisation with this name exists in this country', {
      issues: [{ path: 'body.name', message: 'Name already used' }],
    })
  }
}

import { type Actor, canSeeCountry, isAdmin } from '../../actor.ts'

export const countriesPolicy = {
  'country.read': (actor: Actor, country: { code: string }) => canSeeCountry(actor, country.code),
  'country.update': (actor: Actor, _country: { code: string }) => isAdmin(actor),
}

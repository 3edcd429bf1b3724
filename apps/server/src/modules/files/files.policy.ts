import { type Actor, canSeeCountry, hasRole, isAdmin } from '../../actor.ts'

const onlyProvider = (actor: Actor, countryCode: string) =>
  actor.memberships.every(
    (m) => m.role === 'data_provider' || (m.countryCode !== null && m.countryCode !== countryCode),
  )

/**
 * Evidence files belong to a country: those who write answers or assessments there upload them; whoever sees the
 * country reads them, except that a data provider reads only its own organisation's files.
 */
export const filesPolicy = {
  'file.upload': (actor: Actor, f: { countryCode: string }) =>
    isAdmin(actor) ||
    (['country_lead', 'expert', 'data_provider'] as const).some((role) => hasRole(actor, role, f.countryCode)),
  'file.read': (actor: Actor, f: { countryCode: string; organisationId: string | null }) =>
    onlyProvider(actor, f.countryCode)
      ? f.organisationId !== null &&
        actor.memberships.some(
          (m) => m.role === 'data_provider' && m.countryCode === f.countryCode && m.organisationId === f.organisationId,
        )
      : canSeeCountry(actor, f.countryCode),
}

/** Roles a membership can grant. A membership gives a role in one country or, with no country, the whole region. */
export const ROLES = ['admin', 'regional_coordinator', 'country_lead', 'expert', 'data_provider', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may be given region-wide (no country). */
export const REGION_ROLES: readonly Role[] = ['admin', 'regional_coordinator', 'expert', 'observer']
/** Roles that must name a country. */
export const COUNTRY_ROLES: readonly Role[] = ['country_lead', 'expert', 'data_provider', 'observer']

export const ORGANISATION_TYPES = ['government', 'ngo', 'international', 'ombudsman', 'judiciary', 'other'] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

/** The Western Balkans countries seeded as reference data (ISO 3166-1 alpha-2; XK is the user-assigned code for Kosovo). */
export const SEED_COUNTRY_CODES = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'] as const

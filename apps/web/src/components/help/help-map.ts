import type { Role } from '@thbm/shared'
import type { GuideChapter } from '@thbm/shared/guide'

/** A section of the user guide: `chapter#anchor` (docs/user-guide/<language>/<chapter>.md, heading `{#anchor}`). */
export type GuideTarget = `${GuideChapter}#${string}`

/** Where a page's help leads: a section for anyone, and sections for particular roles. */
export type HelpEntry = { default: GuideTarget } & Partial<Record<Role, GuideTarget>>

/** The role whose chapter a person with several roles reads first: the one that steers most. */
export const ROLE_PRIORITY: readonly Role[] = [
  'regional_coordinator',
  'country_lead',
  'admin',
  'expert',
  'data_provider',
  'observer',
]

const perRole = (anchor: string, fallback: GuideTarget): HelpEntry => ({
  default: fallback,
  admin: `administrator#${anchor}`,
  regional_coordinator: `regional-coordinator#${anchor}`,
  country_lead: `country-lead#${anchor}`,
  expert: `expert#${anchor}`,
  data_provider: `data-provider#${anchor}`,
  observer: `observer#${anchor}`,
})

const handbookRead: HelpEntry = {
  default: 'index#handbook',
  admin: 'administrator#handbook',
  regional_coordinator: 'regional-coordinator#handbook',
}

const recommendations: HelpEntry = {
  default: 'observer#recommendations',
  regional_coordinator: 'regional-coordinator#recommendations',
  country_lead: 'country-lead#recommendations',
}

const dashboards: HelpEntry = {
  default: 'index#dashboards',
  regional_coordinator: 'regional-coordinator#dashboards',
  observer: 'observer#dashboards',
}

const portal: HelpEntry = { default: 'index#public-portal' }

/**
 * Every page of the app (the router's path patterns, without the leading slash) and the guide section that explains
 * it. A web test checks that every route of the router is listed here, and a script test that every target exists.
 */
export const HELP_MAP: Record<string, HelpEntry> = {
  '': perRole('overview', 'index#home'),
  account: { default: 'index#account' },
  notifications: { default: 'index#notifications' },
  'sign-in': { default: 'index#sign-in' },
  invitation: { default: 'index#invitation' },
  'reset-password': { default: 'index#forgot-password' },
  '*': { default: 'index#troubleshooting' },

  countries: {
    default: 'index#countries',
    admin: 'administrator#countries',
    country_lead: 'country-lead#organisations',
  },
  'countries/:code': {
    default: 'index#countries',
    admin: 'administrator#countries',
    country_lead: 'country-lead#organisations',
  },
  'countries/:code/recommendations': recommendations,
  'recommendations/:id': recommendations,
  people: { default: 'administrator#people', country_lead: 'country-lead#people' },
  'people/:id': { default: 'administrator#people', country_lead: 'country-lead#people' },
  audit: {
    default: 'administrator#audit',
    regional_coordinator: 'regional-coordinator#audit',
    country_lead: 'country-lead#audit',
  },

  handbook: handbookRead,
  'handbook/:versionId': handbookRead,
  'handbook/:versionId/diff': handbookRead,
  'handbook/:versionId/indicators/:code': handbookRead,
  'handbook/:versionId/indicators/new': {
    default: 'regional-coordinator#edit-draft',
    admin: 'administrator#handbook',
  },
  'handbook/:versionId/adaptations/:country': {
    default: 'index#handbook',
    regional_coordinator: 'regional-coordinator#adaptations',
    country_lead: 'country-lead#adaptation',
  },
  // The side-by-side translation of a Handbook version (both address forms, whichever the router uses).
  'handbook/:versionId/translations': { default: 'regional-coordinator#translations' },
  'handbook/versions/:versionId/translations': { default: 'regional-coordinator#translations' },

  rounds: perRole('year', 'index#year'),
  'rounds/new': { default: 'regional-coordinator#plan-round', admin: 'administrator#rounds' },
  'rounds/:roundId': {
    default: 'observer#read-round',
    admin: 'administrator#rounds',
    regional_coordinator: 'regional-coordinator#stages',
    country_lead: 'country-lead#follow-progress',
    expert: 'expert#your-work',
    data_provider: 'data-provider#your-work',
  },
  'rounds/:roundId/reports': {
    default: 'observer#reports',
    regional_coordinator: 'regional-coordinator#reports',
    country_lead: 'country-lead#reports',
    expert: 'expert#reports',
  },
  'rounds/:roundId/countries/:country': {
    default: 'observer#read-round',
    admin: 'administrator#rounds',
    regional_coordinator: 'regional-coordinator#follow-progress',
    country_lead: 'country-lead#assign',
    expert: 'expert#your-work',
    data_provider: 'data-provider#your-work',
  },
  'rounds/:roundId/countries/:country/indicators/:code': {
    default: 'observer#read-indicator',
    admin: 'administrator#rounds',
    regional_coordinator: 'regional-coordinator#unlock',
    country_lead: 'country-lead#validate',
    expert: 'expert#assess',
    data_provider: 'data-provider#enter-data',
  },
  'rounds/:roundId/countries/:country/imports': {
    default: 'country-lead#offline-template',
    data_provider: 'data-provider#offline-template',
  },

  dashboards,
  'dashboards/rounds/:roundId': dashboards,
  'dashboards/countries/:code': dashboards,
  'dashboards/indicators': dashboards,

  reviews: { default: 'expert#indicator-review', regional_coordinator: 'regional-coordinator#indicator-review' },
  'reviews/new': { default: 'regional-coordinator#indicator-review' },
  'reviews/:id': { default: 'expert#indicator-review', regional_coordinator: 'regional-coordinator#indicator-review' },

  public: portal,
  'public/:lang': portal,
  'public/:lang/rounds/:roundId': portal,
  'public/:lang/countries/:code': portal,
  'public/:lang/*': portal,
}

/** The section for a page pattern and a person's roles (their first role in ROLE_PRIORITY with a section of its own). */
export function helpTarget(pattern: string, roles: readonly Role[]): GuideTarget {
  const entry = HELP_MAP[pattern] ?? HELP_MAP['*']
  if (!entry) return 'index#home'
  for (const role of ROLE_PRIORITY) {
    const target = roles.includes(role) ? entry[role] : undefined
    if (target) return target
  }
  return entry.default
}

/** Splits a target into chapter and anchor. */
export function splitTarget(target: GuideTarget): { chapter: GuideChapter; anchor: string } {
  const [chapter, anchor] = target.split('#') as [GuideChapter, string]
  return { chapter, anchor }
}

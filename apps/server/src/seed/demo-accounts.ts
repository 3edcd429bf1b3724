import type { Role } from '@thbm/shared'

/** The demo password of every demo account. It is public: only the demo seed uses it. */
export const DEMO_PASSWORD = 'Demo-Password-2026'

export interface DemoAccount {
  email: string
  name: string
  role: Role
  countryCode: string | null
  /** Key of a demo organisation (see demo.ts), for data providers. */
  organisation?: string
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@example.org', name: 'Ana Admin (demo)', role: 'admin', countryCode: null },
  { email: 'coordinator@example.org', name: 'Rea Coordinator (demo)', role: 'regional_coordinator', countryCode: null },
  { email: 'lead.rs@example.org', name: 'Milica Lead (demo)', role: 'country_lead', countryCode: 'RS' },
  { email: 'lead.al@example.org', name: 'Arta Lead (demo)', role: 'country_lead', countryCode: 'AL' },
  { email: 'expert.rs@example.org', name: 'Stefan Expert (demo)', role: 'expert', countryCode: 'RS' },
  { email: 'expert.al@example.org', name: 'Elira Expert (demo)', role: 'expert', countryCode: 'AL' },
  {
    email: 'provider.rs@example.org',
    name: 'Jelena Provider (demo)',
    role: 'data_provider',
    countryCode: 'RS',
    organisation: 'rs-ngo',
  },
  { email: 'observer@example.org', name: 'Omer Observer (demo)', role: 'observer', countryCode: null },
]

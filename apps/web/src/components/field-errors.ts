import type { Issue } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { ApiError, issuesByField } from '../api/client.ts'

/**
 * Known server messages mapped to catalog keys, so field errors read in the person's language.
 * Issue codes are preferred where the server sends them (password rules); anything unknown gets a generic sentence.
 */
const KNOWN_MESSAGES: Record<string, string> = {
  'This role needs a country': 'common:fieldErrors.roleNeedsCountry',
  'This role covers the whole region; leave the country empty': 'common:fieldErrors.roleIsRegional',
  'Unknown country': 'common:fieldErrors.unknownCountry',
  'A data provider belongs to an organisation': 'common:fieldErrors.providerNeedsOrganisation',
  'Unknown organisation': 'common:fieldErrors.unknownOrganisation',
  'The organisation is not in this country': 'common:fieldErrors.organisationNotInCountry',
  'An account with this email exists: enter its current password': 'common:fieldErrors.existingAccountPassword',
  'The current password is not correct': 'common:fieldErrors.currentPasswordWrong',
  'Name already used': 'common:fieldErrors.nameTaken',
  'An English name is required': 'common:fieldErrors.englishNameRequired',
}

const PASSWORD_CODES = new Set([
  'password.too_short',
  'password.too_long',
  'password.same_as_email',
  'password.too_common',
])

/** Catalog key for one server issue. */
export function issueKey(issue: Issue): string {
  if (issue.code && PASSWORD_CODES.has(issue.code)) return `auth:password.problem.${issue.code.slice(9)}`
  return KNOWN_MESSAGES[issue.message] ?? 'common:fieldErrors.invalid'
}

export type FieldErrors = Record<string, string>

/** Turns a failed request into translated messages per form field (`body.email` → `email`). */
export function useServerFieldErrors() {
  const { t } = useTranslation()
  return (error: unknown, prefix = 'body'): FieldErrors => {
    if (!(error instanceof ApiError)) return {}
    const out: FieldErrors = {}
    for (const [field, issue] of Object.entries(issuesByField(error.issues, prefix))) out[field] = t(issueKey(issue))
    return out
  }
}

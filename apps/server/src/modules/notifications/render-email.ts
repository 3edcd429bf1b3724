import type { Locale, NotificationKind } from '@thbm/shared'
import { type Catalog, resources } from '@thbm/shared/i18n'
import { IntlMessageFormat } from 'intl-messageformat'

export interface EmailFacts {
  kind: NotificationKind
  roundId: string
  roundName: string
  countryCode: string
  indicatorCode: string | null
  organisationName: string | null
  actorName: string | null
  role: string | null
  comment: string | null
  dueOn: string | null
}

/** A message of the catalogs (`ns:dotted.key`) in the reader's locale, formatted with ICU. */
function t(locale: Locale, key: string, values: Record<string, string>): string {
  const [ns, dotted] = key.split(':') as [string, string]
  let node: Catalog | string | undefined = resources[locale][ns as 'notifications']
  for (const part of dotted.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`No message ${key}`)
  return String(new IntlMessageFormat(node, locale).format(values))
}

/**
 * The plain-text e-mail for one notification in the reader's language: the same sentence as in the app, the comment
 * or due date, a link to the indicator, and a footer. It names rounds, indicators and organisations only.
 */
export function renderEmail(facts: EmailFacts, locale: Locale, baseUrl: string): { subject: string; text: string } {
  const code = facts.indicatorCode ?? ''
  const values = {
    actor: facts.actorName ?? t(locale, 'notifications:someone', {}),
    organisation: facts.organisationName ?? '',
    code,
    round: facts.roundName,
    country: facts.countryCode,
    role: facts.role ?? 'provider',
    due: facts.dueOn ?? '',
    comment: facts.comment ?? '',
  }
  const path = `/rounds/${facts.roundId}/countries/${facts.countryCode}${code ? `/indicators/${encodeURIComponent(code)}` : ''}`
  const lines = [t(locale, `notifications:message.${facts.kind}`, values)]
  if (facts.comment) lines.push('', t(locale, 'notifications:email.comment', values))
  if (facts.dueOn && facts.kind !== 'deadline') lines.push('', t(locale, 'notifications:email.due', values))
  lines.push(
    '',
    t(locale, 'notifications:email.open', { url: `${baseUrl}${path}` }),
    '',
    '--',
    t(locale, 'notifications:email.footer', {}),
  )
  return { subject: t(locale, `notifications:email.subject.${facts.kind}`, values), text: lines.join('\n') }
}

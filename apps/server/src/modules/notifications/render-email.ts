import type { Locale, NotificationKind } from '@thbm/shared'
import { translate as t } from '../../i18n/translate.ts'

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

/**
 * The plain-text e-mail for one notification in the reader's language: the same sentence as in the app, the comment
 * (a reminder's personal note) or due date, a link to the indicator, and a footer. It names rounds, indicators and organisations only.
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
  // A reminder's comment is the personal note of the person who sent it.
  if (facts.comment)
    lines.push(
      '',
      t(locale, facts.kind === 'reminder' ? 'notifications:email.note' : 'notifications:email.comment', values),
    )
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

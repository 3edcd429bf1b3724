import type { Notification } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useCountryName } from '../../components/country-name.ts'
import { useDates } from '../rounds/dates.ts'

/** Where a notification leads: the indicator's entry page (on the organisation's answer), else the workspace. */
export function notificationHref(n: Notification): string {
  const workspace = `/rounds/${n.round.id}/countries/${n.countryCode}`
  if (!n.indicatorCode) return workspace
  const source = n.organisation ? `?source=${encodeURIComponent(n.organisation.id)}` : ''
  return `${workspace}/indicators/${encodeURIComponent(n.indicatorCode)}${source}`
}

/**
 * The words of a notification in the active locale: the sentence, a short description that names it in the labels
 * of its buttons, and its due date when it has one.
 */
export function useNotificationText() {
  const { t } = useTranslation()
  const countryName = useCountryName()
  const dates = useDates()
  return (n: Notification) => {
    const country = countryName(n.countryCode)
    const code = n.indicatorCode ?? country
    const due = n.dueOn ? dates.date(n.dueOn) : ''
    const sentence = t(`notifications:message.${n.kind}`, {
      actor: n.actor?.name ?? t('notifications:someone'),
      organisation: n.organisation?.name ?? '',
      code,
      round: n.round.name,
      country,
      role: n.role ?? 'other',
      due,
    })
    const about = t('notifications:about', { kind: n.kind, code, round: n.round.name })
    return { sentence, about, due }
  }
}

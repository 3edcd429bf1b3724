import type { Issue } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useCheckMessage } from './checks.ts'

/** The indicator (and organisation) a problem of an answer starts with: `IDN-3: …`, `IDN-1 · Victim Support NGO: …`. */
const ANSWER_PREFIX = /^([A-Z][A-Z0-9]*-[0-9A-Za-z.]+(?: · [^:]+)?): /

/**
 * A problem or warning of an uploaded template in the reader's language: by its code (the form's own check sentences,
 * and the template's cell and row problems), after the indicator it belongs to. A problem without a known code (the
 * workbook's signature, sheets and headers) keeps the server's message.
 */
export function useTemplateIssueText(): (issue: Issue, severity?: 'error' | 'warning') => string {
  const { t } = useTranslation()
  const checkMessage = useCheckMessage()
  const sentence = (code: string | undefined, rest: string, severity: 'error' | 'warning'): string | null => {
    switch (code) {
      case 'number': {
        const value = /^"(.*)" is not a number/s.exec(rest)?.[1]
        if (value === undefined) return t('rounds:checks.required.number')
        return value.startsWith('=')
          ? t('rounds:templates.issue.numberFormula', { value })
          : t('rounds:templates.issue.number', { value })
      }
      case 'noData':
        return t('rounds:templates.issue.noData')
      case 'forbidden':
        return t('rounds:templates.issue.forbidden')
      case 'conflict':
        return /validated/.test(rest) ? t('rounds:templates.issue.locked') : t('rounds:templates.issue.conflict')
      case 'indicator.removed': {
        const indicator = /^(\S+) is no longer/.exec(rest)?.[1]
        return indicator === undefined ? null : t('rounds:templates.issue.removed', { code: indicator })
      }
      case 'row.added':
        return t('rounds:templates.issue.rowAdded')
      case 'row.changed':
        return t('rounds:templates.issue.rowChanged')
      case 'number.range':
        return t('rounds:templates.issue.numberRange')
      case 'text.tooLong':
        return t('rounds:templates.issue.textTooLong')
      case undefined:
      case 'required':
        return null
      default: {
        // The form's own check sentences; a code they do not know gets their generic sentence, and then the
        // server's message says more.
        const text = checkMessage({ field: 'value', severity, code, message: rest })
        return text === t('rounds:checks.invalid') ? null : text
      }
    }
  }
  return (issue, severity: 'error' | 'warning' = 'error') => {
    const prefix = ANSWER_PREFIX.exec(issue.message)
    const rest = prefix ? issue.message.slice(prefix[0].length) : issue.message
    const text = sentence(issue.code, rest, severity)
    if (text === null) return issue.message
    return prefix ? `${prefix[1]}: ${text}` : text
  }
}

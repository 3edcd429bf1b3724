import { Alert, List, Text } from '@mantine/core'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AlertIcon } from './icons.tsx'

interface FormErrorSummaryProps {
  /** Field errors by field name; each links to its input (`{idPrefix}-{field}`). */
  errors: Record<string, string | undefined>
  labels: Record<string, string>
  idPrefix: string
  /** A problem that belongs to no single field. */
  message?: string | null
}

/**
 * The announced summary at the top of a form after a failed submit: screen readers hear it at once (role=alert),
 * and each entry moves focus to its field. Fields also carry their own message via aria-describedby.
 */
export function FormErrorSummary({ errors, labels, idPrefix, message }: FormErrorSummaryProps) {
  const { t } = useTranslation()
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]))
  if (entries.length === 0 && !message) return null
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={t('common:form.errorSummaryTitle')}>
      {message && <Text size="sm">{message}</Text>}
      {entries.length > 0 && (
        <List size="sm" spacing={2}>
          {entries.map(([field, text]) => (
            <List.Item key={field}>
              <a href={`#${fieldId(idPrefix, field)}`} onClick={(e) => focusField(e, fieldId(idPrefix, field))}>
                {labels[field] ?? field}
              </a>
              : {text}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}

/** Moves focus to the field itself (a plain fragment link would only scroll, and would change the URL). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id)
  if (!target) return
  event.preventDefault()
  target.focus()
}

/** The id an input gets so the summary can link to it. */
export const fieldId = (idPrefix: string, field: string) => `${idPrefix}-${field.replace(/\./g, '-')}`

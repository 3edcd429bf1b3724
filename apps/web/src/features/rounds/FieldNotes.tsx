import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { AlertIcon } from '../../components/icons.tsx'
import { type EntryField, type FieldCheck, useCheckMessage } from './checks.ts'

/** The checks of one field, split for an input: errors (shown as its error) and warnings (shown with its hint). */
export function useFieldChecks(checks: ReadonlyMap<EntryField, FieldCheck[]>) {
  const message = useCheckMessage()
  return (field: EntryField) => {
    const list = checks.get(field) ?? []
    const errors = list.filter((c) => c.severity === 'error').map(message)
    const warnings = list.filter((c) => c.severity === 'warning').map(message)
    return { error: errors.length ? errors.join(' ') : undefined, warnings }
  }
}

/**
 * An input's description: its hint, then each warning with an icon and the word "Warning", so it is not told by
 * colour alone. Inputs tie their description to themselves with aria-describedby.
 */
export function FieldNote({ hint, warnings }: { hint?: ReactNode; warnings: string[] }) {
  if (!hint && warnings.length === 0) return null
  return (
    <>
      {hint && <span className="block-line">{hint}</span>}
      {warnings.map((w) => (
        <WarningLine key={w} text={w} />
      ))}
    </>
  )
}

/** One warning line in words and colour. */
export function WarningLine({ text }: { text: string }) {
  const { t } = useTranslation()
  return (
    <Box component="span" className="block-line field-warning">
      <AlertIcon size={14} /> <strong>{t('rounds:checks.warning')}</strong> {text}
    </Box>
  )
}

/** A warning or error shown on its own (not under an input), e.g. under a group of inputs. */
export function CheckLine({ text, severity, id }: { text: string; severity: 'error' | 'warning'; id?: string }) {
  const { t } = useTranslation()
  return (
    <Text id={id} size="sm" c={severity === 'error' ? 'red.9' : 'orange.9'}>
      <AlertIcon size={14} style={{ verticalAlign: '-2px' }} />{' '}
      <strong>{severity === 'error' ? t('rounds:checks.error') : t('rounds:checks.warning')}</strong> {text}
    </Text>
  )
}

import { Group, Text } from '@mantine/core'
import type { DiffEntry, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { DiffCodes } from './DiffCodes.tsx'
import { LocalText } from './LocalText.tsx'

interface DiffEntryLineProps {
  entry: DiffEntry
  /** The older and newer versions, to show titles and link codes; either may still be loading. */
  from?: VersionDetail
  to?: VersionDetail
}

/** One change: old code(s) → new code(s), the title, and for changed indicators the fields that differ. */
export function DiffEntryLine({ entry, from, to }: DiffEntryLineProps) {
  const { t } = useTranslation()
  const titleSource = entry.to.length === 1 ? to : from
  const titleCode = entry.to.length === 1 ? entry.to[0] : entry.from[0]
  const indicator = titleSource?.indicators.find((i) => i.code === titleCode)
  const retiredTitle = to?.retired.find((r) => r.code === titleCode)?.title
  const base = (titleSource ?? to ?? from)?.framework.baseLocale ?? 'en'
  const moved = entry.from.length > 0 && entry.to.length > 0 && entry.change !== 'changed'
  return (
    <li>
      <Group gap={6} wrap="wrap" align="baseline">
        {moved ? (
          <>
            <DiffCodes codes={entry.from} version={from} />
            <span aria-hidden="true">→</span>
            <span className="visually-hidden">{t('handbook:diff.becomes')}</span>
            <DiffCodes codes={entry.to} version={to} />
          </>
        ) : (
          <DiffCodes codes={entry.to.length ? entry.to : entry.from} version={entry.to.length ? to : from} />
        )}
        <LocalText text={indicator?.title ?? retiredTitle} baseLocale={base} size="sm" inline />
      </Group>
      {entry.fields.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('handbook:diff.fields', {
            fields: entry.fields.map((f) => t(`enums:indicatorField.${f}`)).join(', '),
          })}
        </Text>
      )}
    </li>
  )
}

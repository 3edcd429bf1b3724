import { Anchor, List, Text } from '@mantine/core'
import type { EvidenceInput } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

/** The evidence of a follow-up: links open in a new tab, citations as text, files to download. */
export function EvidenceList({ evidence }: { evidence: EvidenceInput[] }) {
  const { t } = useTranslation()
  if (evidence.length === 0) return <Text size="sm">{t('recommendations:none')}</Text>
  return (
    <List size="sm" spacing={2}>
      {evidence.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: saved evidence has no id; the list is shown, not edited
        <List.Item key={i}>
          {e.kind === 'link' && e.url ? (
            <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" className="break-all">
              {e.title}
            </Anchor>
          ) : e.kind === 'file' && e.fileId ? (
            <Anchor href={`/api/files/${e.fileId}`} size="sm" download>
              {e.title}
            </Anchor>
          ) : (
            <Text span size="sm">
              {e.title}
              {e.citation ? ` — ${e.citation}` : ''}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  )
}

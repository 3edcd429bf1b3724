import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState.tsx'
import { AddEvidence } from './AddEvidence.tsx'
import type { EvidenceDraft } from './answer-draft.ts'
import { formatSize } from './upload.ts'

interface Props {
  country: string
  evidence: EvidenceDraft[]
  onChange: (evidence: EvidenceDraft[]) => void
  readOnly: boolean
}

/** The evidence of an answer (files, links, legal citations; internal ones marked) and a form to add more. */
export function EvidenceFields({ country, evidence, onChange, readOnly }: Props) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap="sm">
      {evidence.length === 0 && (
        <EmptyState>{readOnly ? t('rounds:evidence.none') : t('rounds:evidence.emptyCanAdd')}</EmptyState>
      )}
      {evidence.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {evidence.map((e) => (
            <Paper key={e.key} component="li" withBorder radius="sm" p="xs">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" variant="light" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
                      {t(`rounds:evidence.kind.${e.kind}`)}
                    </Badge>
                    {e.internal && (
                      <Badge size="sm" variant="outline" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
                        {t('rounds:evidence.internalBadge')}
                      </Badge>
                    )}
                    <Text size="sm" fw={600} className="break-all">
                      {e.title}
                    </Text>
                  </Group>
                  {e.kind === 'link' && e.url && (
                    <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="sm" className="break-all">
                      {e.url}
                    </Anchor>
                  )}
                  {e.kind === 'citation' && e.citation && (
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {e.citation}
                    </Text>
                  )}
                  {e.kind === 'file' && e.file && (
                    <Anchor href={`/api/files/${e.file.id}`} size="sm" className="break-all" download>
                      {t('rounds:evidence.download', {
                        name: e.file.name,
                        size: formatSize(e.file.size, i18n.language),
                      })}
                    </Anchor>
                  )}
                </Stack>
                {!readOnly && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onChange(evidence.filter((x) => x.key !== e.key))}
                    aria-label={t('rounds:evidence.removeNamed', { title: e.title })}
                  >
                    {t('rounds:evidence.remove')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {!readOnly && <AddEvidence country={country} onAdd={(item) => onChange([...evidence, item])} />}
    </Stack>
  )
}

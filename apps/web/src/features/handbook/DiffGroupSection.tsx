import { Stack, Text, Title } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DiffEntryLine } from './DiffEntryLine.tsx'
import type { DiffGroup } from './diff-groups.ts'

/** One kind of change (its name and count as an <h3>) with its entries. */
export function DiffGroupSection({ group, from, to }: { group: DiffGroup; from?: VersionDetail; to?: VersionDetail }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb={4}>
        {t(`enums:diffChange.${group.change}`)}{' '}
        <Text component="span" c="dimmed" fw={400}>
          ({group.entries.length})
        </Text>
      </Title>
      <Stack gap={6} component="ul" m={0} pl="md">
        {group.entries.map((entry) => (
          <DiffEntryLine key={`${entry.from.join()}>${entry.to.join()}`} entry={entry} from={from} to={to} />
        ))}
      </Stack>
    </section>
  )
}

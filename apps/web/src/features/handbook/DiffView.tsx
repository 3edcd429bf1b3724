import { Alert, Stack, Text, Title } from '@mantine/core'
import type { VersionDetail, VersionDiff } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { InfoIcon } from '../../components/icons.tsx'
import { DiffGroupSection } from './DiffGroupSection.tsx'
import { groupDiff, isEmptyDiff } from './diff-groups.ts'

interface DiffViewProps {
  diff: VersionDiff
  from?: VersionDetail
  to?: VersionDetail
}

/** A diff grouped by kind of change (renamed, merged, split, retired, added, changed), area changes and the rest. */
export function DiffView({ diff, from, to }: DiffViewProps) {
  const { t } = useTranslation()
  const groups = groupDiff(diff)
  const { added, removed, changed } = diff.areas
  return (
    <Stack gap="md">
      <Text size="sm" fw={500} role="status">
        {t('handbook:diff.summary', { changes: diff.entries.length })}
      </Text>
      {isEmptyDiff(diff) && (
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          {t('handbook:diff.none')}
        </Alert>
      )}
      {groups.map((group) => (
        <DiffGroupSection key={group.change} group={group} from={from} to={to} />
      ))}
      {added.length + removed.length + changed.length > 0 && (
        <section aria-labelledby="diff-areas">
          <Title order={3} size="h5" id="diff-areas" mb={4}>
            {t('handbook:diff.areasTitle')}
          </Title>
          <Stack gap={2} component="ul" m={0} pl="md">
            {added.length > 0 && <li>{t('handbook:diff.areasAdded', { codes: added.join(', ') })}</li>}
            {removed.length > 0 && <li>{t('handbook:diff.areasRemoved', { codes: removed.join(', ') })}</li>}
            {changed.length > 0 && <li>{t('handbook:diff.areasChanged', { codes: changed.join(', ') })}</li>}
          </Stack>
        </section>
      )}
      <Text size="sm" c="dimmed">
        {t('handbook:diff.unchanged', { count: diff.unchanged })}
      </Text>
    </Stack>
  )
}

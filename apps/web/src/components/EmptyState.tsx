import { Group, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { InfoIcon } from './icons.tsx'

/**
 * What an empty list or table shows: that there is nothing yet, and what to do next (or, for someone who cannot act,
 * whom to ask). One sentence or two, from the catalogs.
 */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" style={{ borderStyle: 'dashed' }} data-empty-state>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text component="span" c="blue.8" lh={1} mt={2}>
          <InfoIcon size={16} />
        </Text>
        <Text size="sm" c="gray.8">
          {children}
        </Text>
      </Group>
    </Paper>
  )
}

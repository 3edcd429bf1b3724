import { Alert, List, Text } from '@mantine/core'
import type { Issue } from '@thbm/shared'
import { AlertIcon } from '../../components/icons.tsx'

interface IssueListProps {
  title: string
  intro?: string
  issues: Issue[]
}

/**
 * Every problem the server found, each with its location (a JSON path such as `indicators[3].area`, or a sheet cell
 * such as `Indicators!F12`). Announced at once (role=alert).
 */
export function IssueList({ title, intro, issues }: IssueListProps) {
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} title={title} role="alert">
      {intro && (
        <Text size="sm" mb="xs">
          {intro}
        </Text>
      )}
      <List size="sm" spacing={4} type="ordered" withPadding>
        {issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same path can carry several problems
          <List.Item key={`${issue.path}-${i}`}>
            <Text component="code" size="xs" ff="monospace" fw={600} className="break-all">
              {issue.path || '—'}
            </Text>{' '}
            <Text component="span" size="sm">
              {issue.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}

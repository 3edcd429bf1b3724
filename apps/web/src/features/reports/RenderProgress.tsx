import { Alert, Progress, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { isJobFinished, type JobView } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'

/** How often a running job's progress is asked for. */
const POLL_MS = 1000

/** A background job's progress (GET /api/jobs/:id), asked for every second until it is done or failed. */
export function useJob(jobId: string) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) =>
      api<{ data: JobView }>(`/jobs/${encodeURIComponent(jobId)}`, { signal }).then((r) => r.data),
    refetchInterval: (query) => (query.state.data && isJobFinished(query.state.data.status) ? false : POLL_MS),
  })
}

/**
 * After a publication: the rendering of its documents, as a progress bar until they are ready. A failure is not an
 * error for the reader: downloads are then prepared when asked for.
 */
export function RenderProgress({ jobId, name }: { jobId: string; name: string }) {
  const { t } = useTranslation()
  const job = useJob(jobId).data
  if (!job) return null
  if (job.status === 'done')
    return (
      <Text size="sm" data-testid="render-progress">
        {t('reports:render.ready', { name })}
      </Text>
    )
  if (job.status === 'failed')
    return (
      <Alert color="orange" variant="light" data-testid="render-progress">
        <Text size="sm">{t('reports:render.failed', { name })}</Text>
      </Alert>
    )
  const percent = Math.round(job.progress * 100)
  return (
    <Stack gap={4} data-testid="render-progress">
      <Text size="sm">{t('reports:render.progress', { name, percent })}</Text>
      <Progress.Root size="md">
        <Progress.Section value={percent} animated aria-label={t('reports:render.label', { name })} />
      </Progress.Root>
    </Stack>
  )
}

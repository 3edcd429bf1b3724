import { Progress, Stack, Text } from '@mantine/core'
import type { TemplateImportJob, TemplateImportPhase } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

const PHASES: Record<TemplateImportPhase | 'queued', string> = {
  queued: 'rounds:templates.upload.phase.queued',
  reading: 'rounds:templates.upload.phase.reading',
  checking: 'rounds:templates.upload.phase.checking',
  saving: 'rounds:templates.upload.phase.saving',
}

/** A large upload imported in the background: what it is doing and how far it got, until its result arrives. */
export function TemplateImportProgress({ job }: { job: TemplateImportJob }) {
  const { t } = useTranslation()
  const percent = Math.round(job.progress * 100)
  const phase = t(PHASES[job.status === 'queued' ? 'queued' : (job.phase ?? 'reading')])
  return (
    <Stack gap={4} data-testid="template-import-progress">
      <Text size="sm" role="status" aria-live="polite">
        {t('rounds:templates.upload.progress', { phase, percent })}
      </Text>
      <Progress.Root size="md">
        <Progress.Section value={percent} animated aria-label={t('rounds:templates.upload.progressLabel')} />
      </Progress.Root>
    </Stack>
  )
}

import { Center, Loader, Skeleton, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A centred spinner that screen readers announce as loading. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" size="md" />
      <span className="visually-hidden">{label ?? t('common:status.loading')}</span>
    </Center>
  )
}

/** Placeholder rows while a table or list loads; announced once as loading. */
export function ListSkeleton({ rows = 4, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label ?? t('common:status.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders without identity
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  )
}

import { Box, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The HTML report shown in a frame of the app's own origin (the server allows no script in it). The heading takes
 * the focus when the preview opens, so keyboard and screen-reader users land on it.
 */
export function ReportPreview({ name, src, onClose }: { name: string; src: string; onClose: () => void }) {
  const { t } = useTranslation()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs" data-testid="report-preview">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Stack gap={2}>
          <Title order={3} size="h5" id={headingId} ref={heading} tabIndex={-1}>
            {t('reports:preview.title', { name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports:preview.hint')}
          </Text>
        </Stack>
        <Button size="xs" variant="default" onClick={onClose}>
          {t('reports:preview.close')}
        </Button>
      </Group>
      <Box
        component="iframe"
        title={t('reports:preview.frame', { name })}
        src={src}
        w="100%"
        h="75vh"
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' }}
        bg="white"
      />
    </Stack>
  )
}

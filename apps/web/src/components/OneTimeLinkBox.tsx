import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../i18n/format.ts'
import { CheckIcon, InfoIcon } from './icons.tsx'

interface OneTimeLinkBoxProps {
  link: string
  expiresAt: string
  /** What the link is for, e.g. "Invitation link". */
  label: string
  /** Who to send it to and how. */
  instructions: string
}

/** A secret link shown once: read-only field, copy button, expiry, and the warning that it will not be shown again. */
export function OneTimeLinkBox({ link, expiresAt, label, instructions }: OneTimeLinkBoxProps) {
  const { t } = useTranslation()
  const fmt = useFormat()
  return (
    <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('common:oneTimeLink.title')} role="status">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('common:oneTimeLink.shownOnce')}
        </Text>
        <Text size="sm">{instructions}</Text>
        <TextInput
          label={label}
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Group gap="sm" wrap="wrap">
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button
                size="sm"
                onClick={copy}
                color={copied ? 'teal' : 'blue'}
                leftSection={copied ? <CheckIcon size={14} /> : null}
              >
                {copied ? t('common:oneTimeLink.copied') : t('common:oneTimeLink.copy')}
              </Button>
            )}
          </CopyButton>
          <Text size="sm" c="dimmed">
            {t('common:oneTimeLink.expires', { date: fmt.dateTime(expiresAt) })}
          </Text>
        </Group>
      </Stack>
    </Alert>
  )
}

import { Anchor, Badge, Box, Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { Role } from '@thbm/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePublicConfig } from '../app/queries.ts'
import { InfoIcon } from './icons.tsx'

interface DemoBannerProps {
  /** On the sign-in page: fills the form with the chosen account. The list is then always open. */
  onPick?: (email: string, password: string) => void
}

/** Says this is a demonstration installation and lists its accounts and their shared password. */
export function DemoBanner({ onPick }: DemoBannerProps) {
  const { t } = useTranslation()
  const config = usePublicConfig()
  const [open, setOpen] = useState(false)
  const listId = useId()
  const data = config.data
  if (!data?.demo) return null
  const password = data.demoPassword ?? ''
  const expanded = Boolean(onPick) || open
  return (
    <Paper
      component="section"
      aria-label={t('common:demo.label')}
      withBorder
      radius="md"
      p="sm"
      bg="yellow.0"
      style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box c="yellow.9" mt={2}>
          <InfoIcon />
        </Box>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t('common:demo.title')}
          </Text>
          <Text size="sm">
            {t('common:demo.password')} <code>{password}</code>
          </Text>
          {!onPick && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="start"
              style={{ alignSelf: 'flex-start' }}
              aria-expanded={open}
              aria-controls={listId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('common:demo.hideAccounts') : t('common:demo.showAccounts')}
            </Anchor>
          )}
          <Collapse expanded={expanded} id={listId}>
            {onPick && (
              <Text size="sm" mb={4}>
                {t('common:demo.pickHint')}
              </Text>
            )}
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {data.demoAccounts.map((a) => (
                <li key={a.email}>
                  {onPick ? (
                    <UnstyledButton
                      onClick={() => onPick(a.email, password)}
                      aria-label={t('common:demo.useAccount', { email: a.email })}
                      className="demo-account"
                    >
                      <AccountLine email={a.email} role={a.role} countryCode={a.countryCode} />
                    </UnstyledButton>
                  ) : (
                    <AccountLine email={a.email} role={a.role} countryCode={a.countryCode} />
                  )}
                </li>
              ))}
            </Stack>
          </Collapse>
        </Stack>
      </Group>
    </Paper>
  )
}

function AccountLine({ email, role, countryCode }: { email: string; role: string; countryCode: string | null }) {
  const { t } = useTranslation()
  const roleName = t(`enums:role.${role as Role}`)
  return (
    <Group gap="xs" wrap="wrap">
      <Text component="span" size="sm" ff="monospace" className="break-all">
        {email}
      </Text>
      <Badge size="sm" variant="light" color="gray">
        {countryCode ? t('common:demo.roleInCountry', { role: roleName, country: countryCode }) : roleName}
      </Badge>
    </Group>
  )
}

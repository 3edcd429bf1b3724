import { Alert, Anchor, Stack, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AlertIcon } from '../../components/icons.tsx'

/** A used, revoked, expired or malformed one-time link: what happened and what to do. */
export function InvalidLink({ kind }: { kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('auth:invalidLink.title')}
      </Title>
      <Alert color="orange" icon={<AlertIcon />} role="status">
        {kind === 'invitation' ? t('auth:invalidLink.invitation') : t('auth:invalidLink.reset')}
      </Alert>
      <Anchor component={Link} to="/sign-in">
        {t('auth:invalidLink.toSignIn')}
      </Anchor>
    </Stack>
  )
}

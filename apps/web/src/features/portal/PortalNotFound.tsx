import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { portalPath } from './portal-data.ts'
import { usePortalLang } from './usePortalLang.ts'

/** "Not published": an unknown or unpublished round or country, or an address the portal does not have. */
export default function PortalNotFound() {
  const { t } = useTranslation()
  const lang = usePortalLang()
  usePageTitle(t('portal:notFound.title'))
  return (
    <Paper withBorder radius="md" p="xl" bg="white" maw={40 * 16}>
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {t('portal:notFound.title')}
        </Title>
        <Text>{t('portal:notFound.text')}</Text>
        <Anchor component={Link} to={portalPath(lang)}>
          {t('portal:notFound.back')}
        </Anchor>
      </Stack>
    </Paper>
  )
}

import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../components/usePageTitle.ts'

/** "Not found": used for unknown addresses and for records the person may not see (the API answers 404). */
export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation()
  usePageTitle(t('common:notFound.title'))
  return (
    <Paper withBorder radius="md" p="xl" bg="white">
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {t('common:notFound.title')}
        </Title>
        <Text>{message ?? t('common:notFound.text')}</Text>
        <Anchor component={Link} to="/">
          {t('common:notFound.home')}
        </Anchor>
      </Stack>
    </Paper>
  )
}

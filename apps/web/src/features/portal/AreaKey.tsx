import { Stack, Text, Title } from '@mantine/core'
import type { PublicReportView } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { localized } from './portal-data.ts'

/** The area codes charts use, each with its title (a title not translated keeps the language it is in). */
export function AreaKey({ areas }: { areas: Pick<PublicReportView['areas'][number], 'code' | 'title'>[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('portal:round.areas')}
      </Title>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px' }}>
        {areas.map((a) => {
          const title = localized(a.title, i18n.language)
          return (
            <div key={a.code} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" fw={600}>
                {a.code}
              </Text>
              <Text component="dd" size="sm" m={0} lang={title.lang}>
                {title.text}
              </Text>
            </div>
          )
        })}
      </dl>
    </Stack>
  )
}

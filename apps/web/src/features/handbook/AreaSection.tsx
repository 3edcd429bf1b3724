import { Button, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core'
import type { Area, Indicator, VersionDetail } from '@thbm/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../../components/EmptyState.tsx'
import { AreaDeleteConfirm } from './AreaDeleteConfirm.tsx'
import { AreaFormModal } from './AreaFormModal.tsx'
import { IndicatorRow } from './IndicatorRow.tsx'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'

interface AreaSectionProps {
  version: VersionDetail
  area: Area
  /** The area's indicators that pass the filters, in order. */
  indicators: Indicator[]
  filtering: boolean
}

/** An area: its title and description, its indicators, and for editors of a draft the area's own actions. */
export function AreaSection({ version, area, indicators, filtering }: AreaSectionProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const pick = useContentText(version.framework.baseLocale)
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const title = pick(area.title)
  const description = pick(area.description)
  const editable = version.abilities.includes('version.edit')
  const total = version.indicators.filter((i) => i.area === area.code).length
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            <Text component="span" ff="monospace" fw={700} inherit>
              {area.code}
            </Text>{' '}
            <span lang={title.lang}>{title.text}</span>
            {title.missing && <NotTranslatedBadge baseLocale={version.framework.baseLocale} />}
          </Title>
          {editable && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                component={Link}
                to={`/handbook/${version.id}/indicators/new?area=${area.code}`}
              >
                {t('handbook:area.addIndicator')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => setDialog('edit')}
                aria-label={t('handbook:area.editNamed', { code: area.code })}
              >
                {t('common:actions.edit')}
              </Button>
              {total === 0 && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  onClick={() => setDialog('delete')}
                  aria-label={t('handbook:area.deleteNamed', { code: area.code })}
                >
                  {t('handbook:area.delete')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {description.text && !filtering && (
          <Spoiler maxHeight={44} showLabel={t('handbook:area.showMore')} hideLabel={t('handbook:area.showLess')}>
            <Text size="sm" c="dimmed" lang={description.lang}>
              {description.text}
            </Text>
          </Spoiler>
        )}
        {indicators.length === 0 ? (
          <EmptyState>{editable && !filtering ? t('handbook:area.emptyCanAdd') : t('handbook:area.empty')}</EmptyState>
        ) : (
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {indicators.map((ind) => (
              <IndicatorRow key={ind.id} version={version} indicator={ind} />
            ))}
          </Stack>
        )}
      </Stack>
      {dialog === 'edit' && <AreaFormModal version={version} area={area} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <AreaDeleteConfirm version={version} area={area} onClose={() => setDialog(null)} />}
    </Paper>
  )
}

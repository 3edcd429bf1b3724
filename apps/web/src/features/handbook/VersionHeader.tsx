import { Button, Group, Menu } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronDownIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { exportUrl } from './api.ts'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'
import { VersionStatusBadge } from './VersionStatusBadge.tsx'

/** The version's title (framework name), code, label and status, with comparing and exporting. */
export function VersionHeader({ version }: { version: VersionDetail }) {
  const { t } = useTranslation()
  const pick = useContentText(version.framework.baseLocale)
  const name = pick(version.framework.name)
  return (
    <PageHeader
      title={name.text || version.framework.code}
      subtitle={
        <Group component="span" gap="xs" wrap="wrap">
          <span>{t('handbook:version.subtitle', { code: version.framework.code, label: version.label })}</span>
          <VersionStatusBadge status={version.status} />
          {name.missing && <NotTranslatedBadge baseLocale={version.framework.baseLocale} />}
        </Group>
      }
      actions={
        <>
          {version.basedOn && (
            <Button component={Link} to={`/handbook/${version.id}/diff`} variant="default">
              {t('handbook:version.compareWith', { label: version.basedOn.label })}
            </Button>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<ChevronDownIcon size={14} />}>
                {t('handbook:version.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={exportUrl(version.id, 'json')} download>
                {t('handbook:version.exportJson')}
              </Menu.Item>
              <Menu.Item component="a" href={exportUrl(version.id, 'xlsx')} download>
                {t('handbook:version.exportXlsx')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </>
      }
    />
  )
}

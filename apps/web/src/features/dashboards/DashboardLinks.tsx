import { Anchor, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

type Current = 'overview' | 'explorer' | 'profile'

/** Links between the dashboards, as a small navigation landmark at the top of each dashboard page. */
export function DashboardLinks({ current }: { current: Current }) {
  const { t } = useTranslation()
  const links: { key: Current; to: string; label: string }[] = [
    { key: 'overview', to: '/dashboards', label: t('dashboards:links.overview') },
    { key: 'explorer', to: '/dashboards/indicators', label: t('dashboards:links.explorer') },
  ]
  return (
    <Group component="nav" aria-label={t('dashboards:links.label')} gap="lg">
      {links.map((l) => (
        <Anchor
          key={l.key}
          component={Link}
          to={l.to}
          size="sm"
          fw={l.key === current ? 700 : 500}
          aria-current={l.key === current ? 'page' : undefined}
        >
          {l.label}
        </Anchor>
      ))}
    </Group>
  )
}

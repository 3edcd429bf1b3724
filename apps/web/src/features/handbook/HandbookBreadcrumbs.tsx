import { Anchor, Breadcrumbs } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

interface HandbookBreadcrumbsProps {
  /** The version the page belongs to; null while it loads. */
  version: Pick<VersionDetail, 'id' | 'label' | 'framework'> | null
  /** The current page below the version (an indicator, the diff, an adaptation); omit on the version page. */
  current?: string
}

/** Handbook › framework version › page, with the current page marked. */
export function HandbookBreadcrumbs({ version, current }: HandbookBreadcrumbsProps) {
  const { t } = useTranslation()
  const versionName = version
    ? t('handbook:version.crumb', { code: version.framework.code, label: version.label })
    : t('common:status.loading')
  return (
    <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')} separatorMargin={6} style={{ flexWrap: 'wrap' }}>
      <Anchor component={Link} to="/handbook" size="sm">
        {t('handbook:list.title')}
      </Anchor>
      {current && version ? (
        <Anchor component={Link} to={`/handbook/${version.id}`} size="sm">
          {versionName}
        </Anchor>
      ) : (
        <span aria-current={current ? undefined : 'page'}>{versionName}</span>
      )}
      {current && <span aria-current="page">{current}</span>}
    </Breadcrumbs>
  )
}

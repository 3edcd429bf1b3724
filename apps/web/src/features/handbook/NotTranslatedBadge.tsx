import { Badge } from '@mantine/core'
import type { ContentLocale } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

/** The words "not translated" (and the language shown instead, for screen readers and on hover). */
export function NotTranslatedBadge({ baseLocale }: { baseLocale: ContentLocale }) {
  const { t } = useTranslation()
  const language = t(`enums:contentLocale.${baseLocale}`)
  return (
    <Badge
      component="span"
      size="xs"
      variant="outline"
      color="gray"
      ml={6}
      title={t('handbook:text.fallbackHint', { language })}
      style={{ verticalAlign: 'middle', color: 'var(--mantine-color-gray-8)' }}
    >
      {t('handbook:text.notTranslated')}
      <span className="visually-hidden">{t('handbook:text.shownIn', { language })}</span>
    </Badge>
  )
}

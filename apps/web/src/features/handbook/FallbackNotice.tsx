import { Alert } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { InfoIcon } from '../../components/icons.tsx'
import { contentLocale } from './localized.ts'

/** Says once, at the top, that texts missing in the UI language are shown in the framework's language. */
export function FallbackNotice({ version }: { version: Pick<VersionDetail, 'framework' | 'translations'> }) {
  const { t, i18n } = useTranslation()
  const ui = contentLocale(i18n.language)
  const base = version.framework.baseLocale
  const counts = ui ? version.translations[ui] : undefined
  if (!ui || ui === base || !counts || counts.missing === 0) return null
  return (
    <Alert color="gray" variant="light" icon={<InfoIcon />}>
      {t('handbook:text.fallbackNotice', {
        missing: counts.missing,
        total: counts.total,
        language: t(`enums:contentLocale.${ui}`),
        base: t(`enums:contentLocale.${base}`),
      })}
    </Alert>
  )
}

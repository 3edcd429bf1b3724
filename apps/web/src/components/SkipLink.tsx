import { useTranslation } from 'react-i18next'

/** The first focusable element of every page: jumps past the header and navigation to the main content. */
export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a className="skip-link" href="#main">
      {t('common:a11y.skipToContent')}
    </a>
  )
}

import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets the document title to `Page · THB Monitor`, so tabs and screen readers name the page. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation()
  const app = t('common:app.name')
  useEffect(() => {
    document.title = title ? t('common:app.documentTitle', { page: title, app }) : app
  }, [title, app, t])
}

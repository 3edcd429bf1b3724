import { Anchor, Group } from '@mantine/core'
import { REPORT_FORMATS } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { reportUrl } from './api.ts'

/**
 * Links to one published report in every format, in the portal's language. Each link names the report, so a page
 * with many of them reads well in a screen reader's list of links. HTML opens in the browser; the rest download.
 */
export function ReportDownloads({
  publicationId,
  report,
  lang,
}: {
  publicationId: string
  report: string
  lang: string
}) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {REPORT_FORMATS.map((format) => {
        const label = t(`portal:downloads.format.${format}`)
        return (
          <li key={format}>
            <Anchor
              href={reportUrl(publicationId, format, lang)}
              download={format === 'html' ? undefined : ''}
              aria-label={t('portal:downloads.link', { report, format: label })}
              size="sm"
              data-format={format}
            >
              {label}
            </Anchor>
          </li>
        )
      })}
    </Group>
  )
}

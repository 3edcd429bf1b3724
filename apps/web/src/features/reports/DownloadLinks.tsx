import { Anchor, Group } from '@mantine/core'
import type { ReportFormat } from '@thbm/shared'

/** The document formats offered for download, in this order (HTML last: it is also previewed). */
const FORMATS: readonly ReportFormat[] = ['docx', 'pdf', 'xlsx', 'html']

/**
 * Download links for a report in every format. Each link's name says what it downloads ("… for Serbia as DOCX");
 * the server names the file. `download` keeps the page in place even for HTML.
 */
export function DownloadLinks({
  href,
  label,
}: {
  href: (f: ReportFormat) => string
  label: (format: string) => string
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      {FORMATS.map((format) => {
        const text = format.toUpperCase()
        return (
          <Anchor key={format} href={href(format)} download aria-label={label(text)} size="sm" fw={500}>
            {text}
          </Anchor>
        )
      })}
    </Group>
  )
}

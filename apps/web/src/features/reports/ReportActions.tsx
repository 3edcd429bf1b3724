import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import type { ReportPublication } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDates } from '../rounds/dates.ts'
import { REGION, type ReportChoice, reportUrl } from './api.ts'
import { DownloadLinks } from './DownloadLinks.tsx'

export interface ReportActionsProps {
  roundId: string
  /** A country code, or REGION. */
  scope: string
  name: string
  choice: ReportChoice
  previewing: boolean
  onPreview: () => void
  /** Offered when the user may publish and the round is in review or later. */
  onPublish?: () => void
  latest: ReportPublication | null
}

/** Preview, downloads in every format, and publish (or publish a correction) for one report as it stands. */
export function ReportActions(props: ReportActionsProps) {
  const { t } = useTranslation()
  const { name, latest } = props
  const regional = props.scope === REGION
  const publishLabel = latest
    ? regional
      ? t('reports:publish.correctionLabelRegional')
      : t('reports:publish.correctionLabel', { name })
    : regional
      ? t('reports:publish.buttonLabelRegional')
      : t('reports:publish.buttonLabel', { name })
  return (
    <Group gap="md" wrap="wrap">
      <Button
        size="xs"
        variant={props.previewing ? 'filled' : 'light'}
        aria-pressed={props.previewing}
        aria-label={t('reports:preview.label', { name })}
        onClick={props.onPreview}
      >
        {t('reports:preview.button')}
      </Button>
      <DownloadLinks
        href={(format) => reportUrl(props.roundId, props.scope, format, props.choice)}
        label={(format) => t('reports:download.label', { name, format })}
      />
      {props.onPublish && (
        <Button size="xs" variant="outline" aria-label={publishLabel} onClick={props.onPublish}>
          {latest ? t('reports:publish.correction') : t('reports:publish.button')}
        </Button>
      )}
    </Group>
  )
}

/** Names a report's latest publication: "Version 2, 3 Mar 2026" or "Not published". */
export function usePublicationStatus(): (latest: ReportPublication | null) => string {
  const { t } = useTranslation()
  const fmt = useDates()
  return (latest) =>
    latest
      ? t('reports:status.published', { number: latest.number, date: fmt.date(latest.publishedAt) })
      : t('reports:status.notPublished')
}

/** Nothing is validated yet: say so, and where to go to change that. */
export function NothingValidated({ text, link, to }: { text: string; link: string; to: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm">{text}</Text>
      <Anchor component={Link} to={to} size="sm">
        {link}
      </Anchor>
    </Stack>
  )
}

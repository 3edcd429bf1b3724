import './templates.css'
import { Alert, Anchor, Button, Group, Input, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  LOCALE_NAMES,
  type Me,
  type RoundStatus,
  TEMPLATE_UPLOAD_MAX_BYTES,
  type TemplateImportJob,
} from '@thbm/shared'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { leadsCountry } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { activeLocale } from '../../i18n/i18n.ts'
import { useOrganisations } from '../countries/api.ts'
import { roundKeys } from './api.ts'
import { providerOrganisations } from './permissions.ts'
import { TemplateImportProgress } from './TemplateImportProgress.tsx'
import { TemplateUploadResult, type UploadOutcome } from './TemplateUploadResult.tsx'
import {
  downloadTemplate,
  mayReadImports,
  mayUseTemplates,
  TEMPLATE_ACCEPT,
  templateKeys,
  uploadTemplate,
} from './templates-api.ts'
import { formatSize } from './upload.ts'

interface Props {
  roundId: string
  country: string
  status: RoundStatus
}

const ALL = 'all'

/** The path of a country's Imports page. */
export const importsPath = (roundId: string, country: string) => `/rounds/${roundId}/countries/${country}/imports`

/**
 * "Work offline" on a country's workspace while the round collects data: download an XLSX template (for one
 * organisation or all the user answers for, in the page's language) and upload it filled in. The country lead also
 * gets the link to the import history, which stays reachable after collection ends.
 */
export function TemplatePanel({ roundId, country, status }: Props) {
  const { t } = useTranslation()
  const me = useMe().data?.data
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null)
  if (!me) return null
  const importsLink = mayReadImports(me, country) ? (
    <Anchor component={Link} to={importsPath(roundId, country)} size="sm">
      {t('rounds:templates.importsLink')}
    </Anchor>
  ) : null
  if (status !== 'collecting' || !mayUseTemplates(me, country)) return importsLink ? <Group>{importsLink}</Group> : null
  return (
    <Section
      title={t('rounds:templates.title')}
      description={t('rounds:templates.intro')}
      actions={importsLink ?? undefined}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <DownloadTemplate roundId={roundId} country={country} me={me} />
        <UploadTemplate roundId={roundId} country={country} onOutcome={setOutcome} />
      </SimpleGrid>
      {outcome && <TemplateUploadResult outcome={outcome} />}
    </Section>
  )
}

/** The organisations a user may pick a template for: `all` plus each one, or nothing to pick when there is one. */
function useOrganisationChoices(me: Me, country: string): { value: string; label: string }[] {
  const { t } = useTranslation()
  const lead = leadsCountry(me, country)
  const orgs = useOrganisations(lead ? country : null)
  const own = providerOrganisations(me, country)
  const list = lead
    ? (orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))
    : me.memberships
        .filter((m) => m.organisationId && own.includes(m.organisationId))
        .map((m) => ({ value: m.organisationId as string, label: m.organisationName ?? '' }))
  const unique = list.filter((o, i) => list.findIndex((x) => x.value === o.value) === i)
  if (!lead && unique.length < 2) return []
  return [{ value: ALL, label: t('rounds:templates.allOrganisations') }, ...unique]
}

function DownloadTemplate({ roundId, country, me }: { roundId: string; country: string; me: Me }) {
  const { t, i18n } = useTranslation()
  const choices = useOrganisationChoices(me, country)
  const [organisation, setOrganisation] = useState(ALL)
  const [saved, setSaved] = useState<string | null>(null)
  const locale = activeLocale(i18n)
  const download = useMutation({
    mutationFn: () =>
      downloadTemplate(roundId, country, { organisation: organisation === ALL ? null : organisation, lang: locale }),
    onMutate: () => setSaved(null),
    onSuccess: (name) => setSaved(name),
  })
  const notCollecting = download.error instanceof ApiError && download.error.code === 'invalid_state'
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('rounds:templates.download.title')}
      </Title>
      <Text size="sm">{t('rounds:templates.download.hint', { language: LOCALE_NAMES[locale] })}</Text>
      {choices.length > 0 && (
        <Select
          label={t('rounds:templates.download.organisation')}
          data={choices}
          value={organisation}
          onChange={(v) => setOrganisation(v ?? ALL)}
          allowDeselect={false}
          searchable={choices.length > 8}
        />
      )}
      <Group>
        <Button onClick={() => download.mutate()} loading={download.isPending}>
          {t('rounds:templates.download.button')}
        </Button>
      </Group>
      <Text size="sm" role="status" aria-live="polite">
        {saved ? t('rounds:templates.download.done', { name: saved }) : ''}
      </Text>
      {download.error &&
        (notCollecting ? (
          <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('rounds:templates.notCollectingTitle')}>
            {t('rounds:templates.notCollecting')}
          </Alert>
        ) : (
          <ErrorAlert error={download.error} title={t('rounds:templates.download.failed')} />
        ))}
    </Stack>
  )
}

interface UploadProps {
  roundId: string
  country: string
  /** Called with null when an upload starts, then with how it ended. */
  onOutcome: (outcome: UploadOutcome | null) => void
}

function UploadTemplate({ roundId, country, onOutcome }: UploadProps) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [job, setJob] = useState<TemplateImportJob | null>(null)
  const clearFile = () => {
    setFile(null)
    if (input.current) input.current.value = ''
  }
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadTemplate(roundId, country, chosen, setJob),
    onMutate: () => {
      onOutcome(null)
      setJob(null)
    },
    onSettled: () => setJob(null),
    onSuccess: async (result, chosen) => {
      onOutcome({ ok: true, fileName: chosen.name, result })
      clearFile()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: roundKeys.progress(roundId, country) }),
        queryClient.invalidateQueries({ queryKey: ['rounds', 'work', roundId, country] }),
        queryClient.invalidateQueries({ queryKey: ['rounds', 'my-work'] }),
        queryClient.invalidateQueries({ queryKey: templateKeys.batches(roundId, country) }),
      ])
    },
    onError: (error, chosen) => {
      onOutcome({ ok: false, fileName: chosen.name, error })
      clearFile()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setFileError(t('rounds:templates.upload.required'))
      input.current?.focus()
      return
    }
    if (file.size > TEMPLATE_UPLOAD_MAX_BYTES) {
      setFileError(t('rounds:templates.upload.tooLarge', { size: formatSize(file.size, i18n.language) }))
      input.current?.focus()
      return
    }
    setFileError(null)
    upload.mutate(file)
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('rounds:templates.upload.title')}
        </Title>
        <Text size="sm">{t('rounds:templates.upload.hint')}</Text>
        <Stack gap={4}>
          <Input.Label htmlFor={inputId}>{t('rounds:templates.upload.file')}</Input.Label>
          <Input.Description id={hintId}>{t('rounds:templates.upload.fileHint')}</Input.Description>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={TEMPLATE_ACCEPT}
            className="file-input"
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null)
              setFileError(null)
            }}
          />
          {fileError && <Input.Error id={errorId}>{fileError}</Input.Error>}
        </Stack>
        <Group>
          <Button type="submit" loading={upload.isPending}>
            {t('rounds:templates.upload.button')}
          </Button>
        </Group>
        {upload.isPending && job && <TemplateImportProgress job={job} />}
      </Stack>
    </form>
  )
}

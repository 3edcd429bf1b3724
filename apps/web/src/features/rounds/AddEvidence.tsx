import {
  Button,
  Checkbox,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { EVIDENCE_KINDS, EvidenceInputSchema } from '@thbm/shared'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import type { EvidenceDraft } from './answer-draft.ts'
import { EVIDENCE_ACCEPT, formatSize, MAX_EVIDENCE_BYTES, type UploadedFile, uploadEvidence } from './upload.ts'

type Kind = (typeof EVIDENCE_KINDS)[number]
type Field = 'title' | 'url' | 'citation' | 'fileId'
const isField = (f: string): f is Field => ['title', 'url', 'citation', 'fileId'].includes(f)

/**
 * Adds one piece of evidence: a file (uploaded at once, with its progress shown), a link or a legal citation, with a
 * title and the "internal" flag (internal evidence never reaches the public portal).
 */
export function AddEvidence({ country, onAdd }: { country: string; onAdd: (item: EvidenceDraft) => void }) {
  const { t, i18n } = useTranslation()
  const errorMessage = useErrorMessage()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<Kind>('link')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [citation, setCitation] = useState('')
  const [internal, setInternal] = useState(false)
  const [file, setFile] = useState<UploadedFile | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const abort = useRef<AbortController | null>(null)

  const reset = () => {
    abort.current?.abort()
    setTitle('')
    setUrl('')
    setCitation('')
    setInternal(false)
    setFile(null)
    setProgress(null)
    setErrors({})
  }
  const upload = async (chosen: File | null) => {
    setFile(null)
    setErrors({})
    if (!chosen) return
    if (chosen.size > MAX_EVIDENCE_BYTES) {
      setErrors({ fileId: t('rounds:evidence.tooLarge', { size: formatSize(chosen.size, i18n.language) }) })
      return
    }
    abort.current = new AbortController()
    setProgress(0)
    try {
      const uploaded = await uploadEvidence(country, chosen, setProgress, abort.current.signal)
      setFile(uploaded)
      setTitle((current) => current || uploaded.name)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      setErrors({ fileId: errorMessage(error) })
    } finally {
      setProgress(null)
    }
  }
  const add = () => {
    const parsed = EvidenceInputSchema.safeParse({
      kind,
      title,
      url: kind === 'link' ? url.trim() || null : null,
      citation: kind === 'citation' ? citation.trim() || null : null,
      fileId: kind === 'file' ? (file?.id ?? null) : null,
      internal,
    })
    const found: Partial<Record<Field, string>> = {}
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0])
        if (isField(f)) found[f] ??= t(`rounds:evidence.errors.${f}`)
      }
    if (kind === 'link' && !url.trim()) found.url = t('rounds:evidence.errors.url')
    if (kind === 'citation' && !citation.trim()) found.citation = t('rounds:evidence.errors.citation')
    if (kind === 'file' && !file) found.fileId = t('rounds:evidence.errors.fileId')
    setErrors(found)
    if (!parsed.success || Object.keys(found).length) return
    onAdd({ ...parsed.data, key: crypto.randomUUID(), file: kind === 'file' ? file : null })
    reset()
    setOpen(false)
  }

  if (!open) {
    return (
      <Group>
        <Button variant="light" size="sm" onClick={() => setOpen(true)}>
          {t('rounds:evidence.add')}
        </Button>
      </Group>
    )
  }
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" component="fieldset" m={0}>
      <Text component="legend" fw={600} size="sm" px={4}>
        {t('rounds:evidence.addTitle')}
      </Text>
      <Stack gap="sm">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`rounds:evidence.kind.${k}`) }))}
          aria-label={t('rounds:evidence.kindLabel')}
          fullWidth
        />
        {kind === 'file' && (
          <Stack gap={4}>
            <FileInput
              label={t('rounds:evidence.file')}
              description={t('rounds:evidence.fileHint')}
              placeholder={t('rounds:evidence.choose')}
              accept={EVIDENCE_ACCEPT}
              onChange={(f) => void upload(f)}
              error={errors.fileId}
              clearable
            />
            {progress !== null && (
              <Stack gap={2} role="status" aria-live="polite">
                <Progress value={Math.round(progress * 100)} aria-label={t('rounds:evidence.uploading')} />
                <Text size="xs">{t('rounds:evidence.uploadProgress', { percent: Math.round(progress * 100) })}</Text>
              </Stack>
            )}
            {file && (
              <Text size="xs" role="status">
                {t('rounds:evidence.uploaded', { name: file.name, size: formatSize(file.size, i18n.language) })}
              </Text>
            )}
          </Stack>
        )}
        {kind === 'link' && (
          <TextInput
            type="url"
            label={t('rounds:evidence.url')}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            required
          />
        )}
        {kind === 'citation' && (
          <Textarea
            label={t('rounds:evidence.citation')}
            description={t('rounds:evidence.citationHint')}
            value={citation}
            onChange={(e) => setCitation(e.currentTarget.value)}
            error={errors.citation}
            autosize
            minRows={2}
            required
          />
        )}
        <TextInput
          label={t('rounds:evidence.titleField')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
        />
        <Checkbox
          label={t('rounds:evidence.internal')}
          description={t('rounds:evidence.internalHint')}
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
        />
        <Group gap="sm">
          <Button size="sm" onClick={add} disabled={progress !== null}>
            {t('rounds:evidence.addConfirm')}
          </Button>
          <Button
            size="sm"
            variant="default"
            onClick={() => {
              reset()
              setOpen(false)
            }}
          >
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

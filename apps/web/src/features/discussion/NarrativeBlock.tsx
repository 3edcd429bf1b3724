import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core'
import type { Narrative, NarrativeKind } from '@thbm/shared'
import { lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useDates } from '../rounds/dates.ts'
import { narrativesPath } from './api.ts'
import { SafeHtml } from './SafeHtml.tsx'
import { cleanHtml, isBlankHtml } from './safe-html.ts'

const RichTextEditor = lazy(() => import('./RichTextEditor.tsx'))

export interface NarrativeBlockProps {
  roundId: string
  country: string
  kind: NarrativeKind
  /** The finding's area; empty for a conclusion or summary. */
  areaCode: string
  /** The block's heading (may hold Handbook text in its own language). */
  heading: ReactNode
  /** The heading as plain text, for button and editor names. */
  name: string
  narrative: Narrative | null
  /** Whether to offer editing (the server still decides: 403 is shown). */
  writable: boolean
  /** The list the server answered after a save. */
  onSaved: (list: Narrative[]) => void
  /** Loads the current texts again (after a conflict); resolves with the fresh list. */
  onReload: () => Promise<Narrative[] | undefined>
}

type Status = 'idle' | 'saving' | 'saved'

/**
 * One finding, conclusion or summary: the saved text (read-only, re-sanitised) and, for writers, an editor saved with
 * the version it started from. A 409 never overwrites: the person is told and may load the current text.
 */
export function NarrativeBlock(props: NarrativeBlockProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const headingId = useId()
  const { narrative } = props
  const [editing, setEditing] = useState(false)
  const [base, setBase] = useState<{ html: string; version: number }>({ html: '', version: 0 })
  const [draft, setDraft] = useState('')
  const [editorKey, setEditorKey] = useState(0)
  const [status, setStatus] = useState<Status>('idle')
  const [error, setError] = useState<unknown>(null)
  const [conflict, setConflict] = useState(false)
  const [reloading, setReloading] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const problem = useRef<HTMLDivElement>(null)
  const [focusEdit, setFocusEdit] = useState(false)

  useEffect(() => {
    if (focusEdit && !editing) {
      editButton.current?.focus()
      setFocusEdit(false)
    }
  }, [focusEdit, editing])
  useEffect(() => {
    if (conflict || error) problem.current?.focus()
  }, [conflict, error])

  const start = () => {
    const current = { html: narrative?.html ?? '', version: narrative?.version ?? 0 }
    setBase(current)
    setDraft(current.html)
    setError(null)
    setConflict(false)
    setStatus('idle')
    setEditing(true)
  }
  const stop = () => {
    setEditing(false)
    setError(null)
    setConflict(false)
    setFocusEdit(true)
  }
  const save = async () => {
    setStatus('saving')
    setError(null)
    setConflict(false)
    try {
      const html = isBlankHtml(draft) ? '' : cleanHtml(draft)
      const res = await api<{ data: Narrative[] }>(narrativesPath(props.roundId, props.country), {
        method: 'PUT',
        body: { version: base.version, kind: props.kind, areaCode: props.areaCode, html },
      })
      props.onSaved(res.data)
      setStatus('saved')
      stop()
    } catch (e) {
      setStatus('idle')
      if (e instanceof ApiError && e.status === 409 && e.code === 'conflict') setConflict(true)
      else setError(e)
    }
  }
  const reload = async () => {
    setReloading(true)
    try {
      const list = await props.onReload()
      const fresh = list?.find((n) => n.kind === props.kind && n.areaCode === props.areaCode) ?? null
      const current = { html: fresh?.html ?? '', version: fresh?.version ?? 0 }
      setBase(current)
      setDraft(current.html)
      setEditorKey((k) => k + 1)
      setConflict(false)
    } finally {
      setReloading(false)
    }
  }

  const errorText = (e: unknown): string | null => {
    if (!(e instanceof ApiError)) return null
    if (e.status === 403) return t('discussion:narratives.forbidden')
    if (e.issues.some((i) => i.path === 'body.areaCode')) return t('discussion:narratives.invalidArea')
    return null
  }
  const shown = narrative && !isBlankHtml(narrative.html) ? narrative : null
  const label = narrative ? t('discussion:narratives.editLabel', { title: props.name }) : null

  return (
    <Stack
      component="article"
      gap="xs"
      aria-labelledby={headingId}
      data-testid={`narrative-${props.kind}-${props.areaCode}`}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {props.heading}
        </Title>
        {props.writable && !editing && (
          <Button
            ref={editButton}
            size="xs"
            variant="light"
            aria-label={label ?? t('discussion:narratives.writeLabel', { title: props.name })}
            onClick={start}
          >
            {narrative ? t('discussion:narratives.edit') : t('discussion:narratives.write')}
          </Button>
        )}
      </Group>
      {!editing &&
        (shown ? (
          <SafeHtml html={shown.html} testId="narrative-text" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('discussion:narratives.empty')}
          </Text>
        ))}
      {!editing && narrative && (
        <Text size="xs" c="dimmed">
          {narrative.updatedBy
            ? t('discussion:narratives.lastSaved', {
                who: narrative.updatedBy.name,
                when: fmt.dateTime(narrative.updatedAt),
              })
            : t('discussion:narratives.lastSavedUnknown', { when: fmt.dateTime(narrative.updatedAt) })}
        </Text>
      )}
      {editing && (
        <Stack gap="xs">
          <Suspense fallback={<Skeleton height={180} radius="sm" />}>
            <RichTextEditor
              key={editorKey}
              initialHtml={base.html}
              label={t('discussion:editor.label', { title: props.name })}
              onChange={setDraft}
              autoFocus
            />
          </Suspense>
          <div ref={problem} tabIndex={-1}>
            {conflict && <ConflictAlert onReload={() => void reload()} reloading={reloading} />}
            {Boolean(error) &&
              (errorText(error) ? (
                <Text size="sm" c="red.8" role="alert">
                  {errorText(error)}
                </Text>
              ) : (
                <ErrorAlert error={error} />
              ))}
          </div>
          <Group gap="xs">
            <Button size="sm" onClick={() => void save()} loading={status === 'saving'}>
              {t('discussion:narratives.save')}
            </Button>
            <Button size="sm" variant="default" onClick={stop} disabled={status === 'saving'}>
              {t('discussion:narratives.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      <Text size="xs" role="status" aria-live="polite" data-testid="narrative-save-status">
        {status === 'saving'
          ? t('discussion:narratives.saving')
          : status === 'saved'
            ? t('discussion:narratives.saved')
            : ''}
      </Text>
    </Stack>
  )
}

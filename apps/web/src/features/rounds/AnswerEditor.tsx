import { Alert, Button, Stack, Text } from '@mantine/core'
import {
  type Answer,
  type ContentLocale,
  checkAnswer,
  type IndicatorDoc,
  type IndicatorWork,
  type Issue,
} from '@thbm/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { AnswerForm } from './AnswerForm.tsx'
import { type AnswerDraft, draftFromAnswer, emptyDraft, toSaveBody } from './answer-draft.ts'
import { indicatorPath } from './api.ts'
import { ConflictChoice } from './ConflictChoice.tsx'
import { checksByField, openIssues, useCheckMessage } from './checks.ts'
import { useDates } from './dates.ts'
import { SaveBar } from './SaveBar.tsx'
import { useStoreAnswer } from './useAnswerWork.ts'
import { useAutosave } from './useAutosave.ts'
import { useEntryLabels } from './useEntryLabels.ts'

export interface AnswerEditorProps {
  roundId: string
  country: string
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  organisationId: string
  answer: Answer | null
  /** The user may write this organisation's answer and the round is collecting. */
  writable: boolean
  previous: IndicatorWork['previous'][number] | null
  changeThreshold: number
}

class NotReady extends Error {}

/**
 * One organisation's answer, edited with autosave: drafts save 1.5 s after typing stops and when a field loses focus.
 * Checks run live (the shared rules the server applies); errors block saving, warnings never do. A save refused
 * because someone else saved first shows both versions to choose from. Submit lists every problem the server finds.
 */
export function AnswerEditor(props: AnswerEditorProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const checkMessage = useCheckMessage()
  const labels = useEntryLabels(props.indicator, props.baseLocale)
  const { roundId, country, indicator, organisationId } = props
  const path = indicatorPath(roundId, country, indicator.code, `/answers/${organisationId}`)
  const storeAnswer = useStoreAnswer(roundId, country, indicator.code)
  const [initial] = useState(() => (props.answer ? draftFromAnswer(props.answer) : emptyDraft()))
  const [draft, setDraft] = useState<AnswerDraft>(initial)
  const [base, setBase] = useState<Answer | null>(props.answer)
  const version = useRef(props.answer?.version ?? 0)
  const [unlocked, setUnlocked] = useState(false)
  const [conflict, setConflict] = useState<Answer | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [submitIssues, setSubmitIssues] = useState<Issue[]>([])
  // The draft as it was when the server listed those issues: an issue goes once its field changes.
  const [issuesDraft, setIssuesDraft] = useState<AnswerDraft | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)

  const status = base?.status ?? 'draft'
  const editable = props.writable && status !== 'validated' && (status !== 'submitted' || unlocked)
  const previousNumber = props.previous?.number ?? null
  const live = useMemo(
    () =>
      checkAnswer(indicator, toSaveBody(draft, 0), {
        previous: previousNumber,
        changeThreshold: props.changeThreshold,
        complete: attempted,
      }),
    [indicator, draft, attempted, previousNumber, props.changeThreshold],
  )
  const invalid = live.some((c) => c.severity === 'error' && c.code !== 'required')

  const saveDraft = async (d: AnswerDraft) => {
    try {
      const res = await api<{ data: Answer }>(path, { method: 'PUT', body: toSaveBody(d, version.current) })
      version.current = res.data.version
      setBase(res.data)
      storeAnswer(res.data)
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) void openConflict()
      throw error
    }
  }
  const autosave = useAutosave(draft, initial, {
    save: saveDraft,
    enabled: editable && !conflict && !invalid,
    shouldRetry: (e) => e instanceof ApiError && (e.code === 'network' || e.status >= 500),
  })

  const openConflict = async () => {
    const work = await api<{ data: IndicatorWork }>(indicatorPath(roundId, country, indicator.code))
    const current = work.data.answers.find((a) => a.organisation.id === organisationId)
    if (current) setConflict(current)
  }
  const keepMine = () => {
    if (!conflict) return
    version.current = conflict.version
    setBase(conflict)
    setConflict(null)
    setTimeout(() => void autosave.flush(), 0)
  }
  const takeTheirs = () => {
    if (!conflict) return
    const theirs = draftFromAnswer(conflict)
    version.current = conflict.version
    autosave.markSaved(theirs)
    setDraft(theirs)
    setBase(conflict)
    storeAnswer(conflict)
    setConflict(null)
  }

  // Leaving the page with unsaved changes asks first (the browser's own dialog).
  useEffect(() => {
    if (!autosave.dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [autosave.dirty])

  const submit = async () => {
    setAttempted(true)
    setSubmitError(null)
    setSubmitting(true)
    try {
      if (!(await autosave.flush())) throw new NotReady()
      if (version.current === 0) await saveDraft(draft)
      const res = await api<{ data: Answer }>(`${path}/submit`, { method: 'POST', body: { version: version.current } })
      version.current = res.data.version
      setBase(res.data)
      storeAnswer(res.data)
      setSubmitIssues([])
      setUnlocked(false)
    } catch (error) {
      if (error instanceof NotReady) setSubmitError(t('rounds:submit.fixFirst'))
      else if (error instanceof ApiError && error.issues.length) {
        setSubmitIssues(error.issues)
        setIssuesDraft(draft)
      } else setSubmitError(error instanceof ApiError ? error.message : t('rounds:submit.failed'))
    } finally {
      setSubmitting(false)
    }
  }

  const saveIssues = autosave.error instanceof ApiError ? autosave.error.issues : []
  const stillOpen = openIssues(submitIssues, issuesDraft, draft)
  const checks = checksByField([...live, ...saveIssues, ...stillOpen])
  // The summary names every error the form shows (live checks included), each linked to its field by its label.
  const summary = Object.fromEntries(
    [...checks]
      .map(([f, list]) => [f, list.filter((c) => c.severity === 'error')] as const)
      .filter(([, list]) => list.length > 0)
      .map(([f, list]) => [f, list.map(checkMessage).join(' ')]),
  )
  const onChange = (patch: Partial<AnswerDraft>) => setDraft((d) => ({ ...d, ...patch }))

  return (
    <Stack gap="md" onBlur={() => editable && void autosave.flush()}>
      {status === 'returned' && base?.returnComment && (
        <Alert color="orange" variant="light" icon={<InfoIcon />} title={t('rounds:entry.returnedTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="return-comment">
            {base.returnComment}
          </Text>
        </Alert>
      )}
      {status === 'submitted' && !unlocked && (
        <Alert color="teal" variant="light" icon={<InfoIcon />} title={t('rounds:entry.submittedTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {props.writable
                ? t('rounds:entry.submittedText', { when: fmt.dateTime(base?.submittedAt) })
                : t('rounds:entry.submittedReadOnly', { when: fmt.dateTime(base?.submittedAt) })}
            </Text>
            {props.writable && (
              <Button size="xs" variant="default" onClick={() => setUnlocked(true)}>
                {t('rounds:entry.editAgain')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {status === 'validated' && (
        <Alert color="green" variant="light" icon={<InfoIcon />} title={t('rounds:entry.validatedTitle')}>
          <Text size="sm">{t('rounds:entry.validatedText')}</Text>
        </Alert>
      )}
      {conflict && (
        <ConflictChoice
          indicator={indicator}
          mine={draft}
          theirs={conflict}
          onKeepMine={keepMine}
          onUseTheirs={takeTheirs}
        />
      )}
      {(submitIssues.length > 0 || submitError) && (
        <FormErrorSummary errors={summary} labels={labels} idPrefix="answer" message={submitError} />
      )}
      <AnswerForm
        indicator={indicator}
        baseLocale={props.baseLocale}
        country={country}
        draft={draft}
        onChange={onChange}
        readOnly={!editable}
        checks={checks}
        previous={props.previous}
      />
      {editable && (
        <SaveBar
          state={autosave.state}
          savedAt={autosave.savedAt}
          error={autosave.error}
          waiting={conflict ? 'conflict' : invalid ? 'invalid' : null}
          hasAnswer={Boolean(base)}
          onRetry={() => void autosave.flush()}
          onSubmit={() => void submit()}
          submitting={submitting}
        />
      )}
    </Stack>
  )
}

import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import {
  type Answer,
  type Assessment,
  assessmentSubmitProblems,
  type ContentLocale,
  type Discrepancy,
  type IndicatorDoc,
  type Issue,
  type Scorer,
} from '@thbm/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { AlertIcon, CheckIcon, InfoIcon } from '../../components/icons.tsx'
import { useDates } from '../rounds/dates.ts'
import { AssessmentForm } from './AssessmentForm.tsx'
import { assessmentPath, useStoreAssessment } from './api.ts'
import {
  type AssessmentDraft,
  type AssessmentField,
  draftFromAssessment,
  emptyAssessmentDraft,
  fieldOfIssue,
  issuesByAssessmentField,
  previewScore,
  sameAssessment,
  toAssessmentBody,
} from './assessment-draft.ts'
import { useIssueMessage, useRequirements } from './checks.ts'

export interface AssessmentEditorProps {
  roundId: string
  country: string
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  scorer: Scorer
  /** The saved assessment (draft or returned), or null before the first save. */
  assessment: Assessment | null
  answers: Answer[]
  discrepancy: Discrepancy
  /** Loads the assessment as saved now, replacing the form (after a stale-version refusal). */
  onReload: () => void
  /** Called once submitted (with double scoring, the other expert's score may now be visible). */
  onSubmitted?: () => void
}

/** Field labels for the error summary. */
const FIELD_LABELS: Record<AssessmentField, string> = {
  noDataReason: 'assessments:form.noDataReason',
  sourceAnswerIds: 'assessments:sources.legend',
  consolidationNote: 'assessments:form.consolidationNote',
  discrepancyResolution: 'assessments:form.discrepancyResolution',
  'value.number': 'assessments:value.number',
  'value.numerator': 'assessments:value.numerator',
  'value.denominator': 'assessments:value.denominator',
  'value.text': 'assessments:value.text',
  score: 'assessments:fields.score',
  justification: 'assessments:form.justification',
  evidence: 'assessments:evidence.title',
  confidence: 'assessments:form.confidence',
  dataGaps: 'assessments:form.dataGaps',
}

/**
 * The expert's form with an explicit Save and Submit. The shared submit rules run live as a checklist; Submit with
 * problems left shows them in a summary linked to the fields instead of calling the server. A save refused because
 * the assessment changed meanwhile (409) is never retried over it: the person is told and may load the current one.
 */
export function AssessmentEditor(props: AssessmentEditorProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const errorMessage = useErrorMessage()
  const issueMessage = useIssueMessage()
  const requirementsOf = useRequirements()
  const { roundId, country, indicator, scorer, assessment, discrepancy } = props
  const path = assessmentPath(roundId, country, indicator.code)
  const store = useStoreAssessment(roundId, country, indicator.code)
  const [saved, setSaved] = useState<AssessmentDraft>(() =>
    assessment ? draftFromAssessment(assessment) : emptyAssessmentDraft(),
  )
  const [draft, setDraft] = useState<AssessmentDraft>(saved)
  const [attempted, setAttempted] = useState(false)
  const [serverIssues, setServerIssues] = useState<Issue[]>([])
  const [stale, setStale] = useState<'conflict' | 'state' | null>(null)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [summaryShown, setSummaryShown] = useState(0)
  const summaryRef = useRef<HTMLDivElement>(null)

  const version = assessment?.version ?? 0
  const dirty = !sameAssessment(indicator, draft, saved)
  const problems = useMemo(
    () => assessmentSubmitProblems(indicator, toAssessmentBody(indicator, draft, 0), discrepancy),
    [indicator, draft, discrepancy],
  )
  const requirements = requirementsOf(indicator, draft, discrepancy)
  const unmetOther = problems.filter((p) => !requirements.some((r) => r.field === fieldOfIssue(p)))
  const shownIssues = attempted ? [...serverIssues, ...problems] : serverIssues
  const byField = issuesByAssessmentField(shownIssues)
  const errors = new Map([...byField].map(([field, issue]) => [field, issueMessage(issue)]))
  const preview = previewScore(indicator, draft)

  // Leaving the page with unsaved changes asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  // After a refused submit, focus moves to the summary so it is read at once and each entry leads to its field.
  useEffect(() => {
    if (summaryShown > 0) summaryRef.current?.focus()
  }, [summaryShown])

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'conflict' && error.issues.length === 0) setStale('conflict')
    else if (error instanceof ApiError && error.code === 'invalid_state') setStale('state')
    else if (error instanceof ApiError && error.issues.length > 0) {
      setServerIssues(error.issues)
      setSummaryShown((n) => n + 1)
    } else setFailure(error)
  }
  const save = async (): Promise<Assessment> => {
    const current = draft
    const res = await api<{ data: Assessment }>(path, {
      method: 'PUT',
      query: { scorer },
      body: toAssessmentBody(indicator, current, version),
    })
    store(res.data)
    setSaved(current)
    setSavedAt(new Date())
    setServerIssues([])
    return res.data
  }
  const onSave = async () => {
    setFailure(null)
    setBusy('save')
    try {
      await save()
    } catch (error) {
      fail(error)
    } finally {
      setBusy(null)
    }
  }
  const onSubmit = async () => {
    setAttempted(true)
    setFailure(null)
    if (problems.length > 0) {
      setSummaryShown((n) => n + 1)
      return
    }
    setBusy('submit')
    try {
      const current = dirty || version === 0 ? (await save()).version : version
      const res = await api<{ data: Assessment }>(`${path}/submit`, {
        method: 'POST',
        query: { scorer },
        body: { version: current },
      })
      store(res.data)
      props.onSubmitted?.()
    } catch (error) {
      fail(error)
    } finally {
      setBusy(null)
    }
  }

  const summaryErrors = Object.fromEntries(errors)
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([f, key]) => [f, t(key)]))
  const extra = shownIssues.filter((i) => fieldOfIssue(i) === null).map(issueMessage)
  let status: string
  if (busy === 'save') status = t('assessments:save.saving')
  else if (dirty) status = t('assessments:save.unsaved')
  else if (savedAt) status = t('assessments:save.savedAt', { time: fmt.time(savedAt) })
  else status = assessment ? t('assessments:save.upToDate') : t('assessments:save.empty')

  return (
    <Stack gap="md">
      {assessment?.status === 'returned' && assessment.returnComment && (
        <Alert color="orange" variant="light" icon={<InfoIcon />} title={t('assessments:returned.title')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="assessment-return-comment">
            {assessment.returnComment}
          </Text>
        </Alert>
      )}
      {stale && (
        <Alert
          color="orange"
          variant="light"
          icon={<AlertIcon />}
          title={stale === 'conflict' ? t('assessments:stale.conflictTitle') : t('assessments:stale.stateTitle')}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {stale === 'conflict' ? t('assessments:stale.conflictText') : t('assessments:stale.stateText')}
            </Text>
            <Button size="xs" variant="default" onClick={props.onReload}>
              {t('assessments:stale.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {(byField.size > 0 || extra.length > 0) && (attempted || serverIssues.length > 0) && (
        <div ref={summaryRef} tabIndex={-1}>
          <FormErrorSummary
            errors={summaryErrors}
            labels={labels}
            idPrefix="assessment"
            message={extra.length ? extra.join(' ') : null}
          />
        </div>
      )}
      <AssessmentForm
        indicator={indicator}
        baseLocale={props.baseLocale}
        country={country}
        draft={draft}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        answers={props.answers}
        discrepancy={discrepancy}
        preview={preview}
        errors={errors}
      />
      <Paper withBorder radius="md" p="sm" bg="gray.0">
        <Stack gap="xs">
          <Text size="sm" fw={600} component="h3" m={0} id="assessment-checklist-title">
            {t('assessments:checklist.title')}
          </Text>
          <List size="sm" spacing={2} aria-labelledby="assessment-checklist-title" data-testid="assessment-checklist">
            {requirements.map((r) => {
              const met = !problems.some((p) => fieldOfIssue(p) === r.field)
              return (
                <List.Item
                  key={r.field}
                  icon={met ? <CheckIcon size={14} /> : <AlertIcon size={14} />}
                  c={met ? 'teal.9' : 'red.9'}
                  data-met={met}
                >
                  <span className="visually-hidden">
                    {met ? t('assessments:checklist.met') : t('assessments:checklist.missing')}
                  </span>
                  {r.label}
                </List.Item>
              )
            })}
            {unmetOther.map((p) => (
              <List.Item key={`${p.path}-${p.code}`} icon={<AlertIcon size={14} />} c="red.9" data-met={false}>
                <span className="visually-hidden">{t('assessments:checklist.missing')}</span>
                {issueMessage(p)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" role="status" aria-live="polite">
            {problems.length === 0
              ? t('assessments:checklist.ready')
              : t('assessments:checklist.remaining', { count: problems.length })}
          </Text>
        </Stack>
      </Paper>
      {Boolean(failure) && (
        <Alert color="red" variant="light" icon={<AlertIcon />} title={t('assessments:save.failedTitle')}>
          <Text size="sm">{errorMessage(failure)}</Text>
        </Alert>
      )}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="assessment-save-status">
          {status}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void onSave()}
            loading={busy === 'save'}
            disabled={busy === 'submit' || stale !== null}
          >
            {t('assessments:save.button')}
          </Button>
          <Button
            onClick={() => void onSubmit()}
            loading={busy === 'submit'}
            disabled={busy === 'save' || stale !== null}
          >
            {t('assessments:submit.button')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

import { Alert, Code, List, Stack, Text, Title } from '@mantine/core'
import type { Issue, TemplateImportResult } from '@thbm/shared'
import { type RefObject, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { useTemplateIssueText } from './template-issues.ts'

/** What an upload ended with: what was applied, or the error (nothing applied then). */
export type UploadOutcome =
  | { ok: true; fileName: string; result: TemplateImportResult }
  | { ok: false; fileName: string; error: unknown }

/**
 * The result of uploading a filled template: a summary of the answers created, updated and left unchanged with any
 * warnings, or every problem the server found (by `Sheet!A1` location) with the statement that nothing was applied.
 * Problems are told in the page's language by their code (the server's English message only for the workbook's
 * structure).
 * Focus moves to its heading when it appears, so keyboard and screen reader users land on it.
 */
export function TemplateUploadResult({ outcome }: { outcome: UploadOutcome }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // Runs for every new outcome object: each upload lands the reader on its own result.
    if (outcome) heading.current?.focus()
  }, [outcome])
  return outcome.ok ? (
    <UploadSummary headingRef={heading} fileName={outcome.fileName} result={outcome.result} />
  ) : (
    <UploadProblems headingRef={heading} fileName={outcome.fileName} error={outcome.error} />
  )
}

interface HeadingProps {
  headingRef: RefObject<HTMLHeadingElement | null>
  fileName: string
}

function ResultHeading({ headingRef, children }: { headingRef: HeadingProps['headingRef']; children: string }) {
  return (
    <Title order={3} size="h5" ref={headingRef} tabIndex={-1}>
      {children}
    </Title>
  )
}

/** A problem's place: the cell (`Data!H12`), or the whole file. */
function IssueLocation({ path }: { path: string }) {
  const { t } = useTranslation()
  if (path === 'file') return <>{t('rounds:templates.result.wholeFile')}</>
  return <Code>{path}</Code>
}

function IssueList({
  issues,
  label,
  severity,
}: {
  issues: readonly Issue[]
  label: string
  severity: 'error' | 'warning'
}) {
  const issueText = useTemplateIssueText()
  return (
    <List size="sm" spacing={4} aria-label={label}>
      {issues.map((issue, i) => (
        // Two problems may share a cell and a message; their order is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered
        <List.Item key={i}>
          <IssueLocation path={issue.path} />: {issueText(issue, severity)}
        </List.Item>
      ))}
    </List>
  )
}

function UploadSummary({ headingRef, fileName, result }: HeadingProps & { result: TemplateImportResult }) {
  const { t } = useTranslation()
  const created = result.batch?.counts.created ?? 0
  const updated = result.batch?.counts.updated ?? 0
  return (
    <Alert color="green" variant="light" data-testid="template-result">
      <Stack gap="xs">
        <ResultHeading headingRef={headingRef}>{t('rounds:templates.result.doneTitle')}</ResultHeading>
        <Text size="sm">{t('rounds:templates.result.file', { name: fileName })}</Text>
        {result.batch ? (
          <>
            <List size="sm" spacing={2} aria-label={t('rounds:templates.result.countsLabel')}>
              <List.Item>{t('rounds:templates.result.created', { count: created })}</List.Item>
              <List.Item>{t('rounds:templates.result.updated', { count: updated })}</List.Item>
              <List.Item>{t('rounds:templates.result.unchanged', { count: result.unchanged })}</List.Item>
            </List>
            <Text size="sm">{t('rounds:templates.result.drafts')}</Text>
          </>
        ) : (
          <Text size="sm">{t('rounds:templates.result.nothingChanged', { count: result.unchanged })}</Text>
        )}
        {result.warnings.length > 0 && (
          <>
            <Title order={4} size="h6">
              {t('rounds:templates.result.warnings', { count: result.warnings.length })}
            </Title>
            <Text size="sm">{t('rounds:templates.result.warningsHint')}</Text>
            <IssueList
              issues={result.warnings}
              label={t('rounds:templates.result.warnings', { count: result.warnings.length })}
              severity="warning"
            />
          </>
        )}
      </Stack>
    </Alert>
  )
}

function UploadProblems({ headingRef, fileName, error }: HeadingProps & { error: unknown }) {
  const { t } = useTranslation()
  const errorMessage = useErrorMessage()
  const issues = error instanceof ApiError ? error.issues : []
  const notCollecting = error instanceof ApiError && error.code === 'invalid_state'
  return (
    <Alert color="red" variant="light" icon={<AlertIcon />} data-testid="template-result">
      <Stack gap="xs">
        <ResultHeading headingRef={headingRef}>{t('rounds:templates.result.failedTitle')}</ResultHeading>
        <Text size="sm">{t('rounds:templates.result.file', { name: fileName })}</Text>
        <Text size="sm" fw={600}>
          {t('rounds:templates.result.nothingApplied')}
        </Text>
        {notCollecting && <Text size="sm">{t('rounds:templates.notCollecting')}</Text>}
        {issues.length > 0 ? (
          <>
            <Title order={4} size="h6">
              {t('rounds:templates.result.problems', { count: issues.length })}
            </Title>
            <IssueList
              issues={issues}
              label={t('rounds:templates.result.problems', { count: issues.length })}
              severity="error"
            />
            <Text size="sm">{t('rounds:templates.result.fixAndRetry')}</Text>
          </>
        ) : (
          !notCollecting && <Text size="sm">{errorMessage(error)}</Text>
        )}
      </Stack>
    </Alert>
  )
}

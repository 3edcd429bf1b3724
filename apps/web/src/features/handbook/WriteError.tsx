import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { isStaleVersion } from './api.ts'
import { IssueList } from './IssueList.tsx'

interface WriteErrorProps {
  error: unknown
  /** Loads the current state after a version conflict (the person's edit is never sent again silently). */
  onReload: () => void
  reloading?: boolean
  /** The form shows field problems itself; only problems it cannot place are shown here. */
  fieldsShown?: boolean
}

/** What went wrong with a Handbook write: a version conflict, a list of problems, or a plain error. */
export function WriteError({ error, onReload, reloading, fieldsShown }: WriteErrorProps) {
  const { t } = useTranslation()
  if (!error) return null
  if (isStaleVersion(error)) return <ConflictAlert onReload={onReload} reloading={reloading} />
  if (error instanceof ApiError && error.issues.length > 0) {
    if (fieldsShown && error.status === 400) return null
    return (
      <IssueList title={t('handbook:errors.problemsTitle', { count: error.issues.length })} issues={error.issues} />
    )
  }
  return <ErrorAlert error={error} />
}

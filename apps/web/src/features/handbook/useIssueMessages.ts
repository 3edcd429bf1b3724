import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { issueMessageKey, issuesByPath } from './issue-messages.ts'

/** Turns a failed write into translated messages per field path (`body.code` → `code`). */
export function useFieldErrors() {
  const { t } = useTranslation()
  return (error: unknown, prefix = 'body'): Record<string, string> => {
    if (!(error instanceof ApiError) || error.status !== 400) return {}
    return Object.fromEntries(
      Object.entries(issuesByPath(error.issues, prefix)).map(([field, issue]) => [field, t(issueMessageKey(issue))]),
    )
  }
}

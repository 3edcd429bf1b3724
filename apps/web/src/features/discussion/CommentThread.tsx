import './discussion.css'
import { Divider, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { Thread } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound } from '../rounds/api.ts'
import { discussionKeys, threadPath, useThread } from './api.ts'
import { CommentForm } from './CommentForm.tsx'
import { CommentItem } from './CommentItem.tsx'

export interface CommentThreadProps {
  roundId: string
  country: string
  code: string
}

/**
 * An indicator's discussion on its entry page: the comments oldest first (resolved ones collapsed), Resolve / Reopen,
 * and a form to add a comment and notify people. The number of open comments is in the heading. Hidden for data
 * providers and people outside the country (the API answers 404).
 */
export function CommentThread({ roundId, country, code }: CommentThreadProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const meId = useMe().data?.data.id ?? null
  const thread = useThread(roundId, country, code)
  const [announcement, setAnnouncement] = useState('')
  if (isNotFound(thread.error)) return null
  const data = thread.data
  const path = threadPath(roundId, country, code)
  const mayWrite = Boolean(data?.abilities.includes('comment.write'))
  const open = data?.comments.filter((c) => c.resolvedAt === null).length ?? 0
  const store = (fresh: Thread) => queryClient.setQueryData(discussionKeys.thread(roundId, country, code), fresh)
  const onStale = () => {
    void thread.refetch()
    setAnnouncement(t('discussion:thread.stale'))
  }

  return (
    <Section
      title={data ? t('discussion:thread.title', { open }) : t('discussion:thread.heading')}
      description={t('discussion:thread.hint')}
    >
      {thread.isPending && <ListSkeleton rows={3} />}
      {thread.error && <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />}
      {data && (
        <Stack gap="md">
          {data.comments.length === 0 ? (
            <Text size="sm">{t('discussion:thread.empty')}</Text>
          ) : (
            <Stack
              component="ol"
              gap="sm"
              aria-label={t('discussion:thread.listLabel', { code })}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {data.comments.map((c) => (
                <CommentItem
                  key={c.id}
                  comment={c}
                  path={`${path}/${encodeURIComponent(c.id)}`}
                  mayAct={mayWrite}
                  onChanged={(fresh, message) => {
                    store(fresh)
                    setAnnouncement(message)
                  }}
                  onStale={onStale}
                />
              ))}
            </Stack>
          )}
          {mayWrite && (
            <>
              <Divider />
              <CommentForm
                path={path}
                participants={data.participants.filter((p) => p.id !== meId)}
                onAdded={(fresh) => {
                  store(fresh)
                  setAnnouncement(t('discussion:form.added'))
                }}
              />
            </>
          )}
        </Stack>
      )}
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="thread-status">
        {announcement}
      </div>
    </Section>
  )
}

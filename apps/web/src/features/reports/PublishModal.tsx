import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ReportPublication } from '@thbm/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { groupPublishBlockers, publishBlockersOf, publishReport, REGION, reportKeys } from './api.ts'

export interface PublishModalProps {
  roundId: string
  /** A country code, or REGION. */
  scope: string
  /** The report's name in sentences ("Serbia", "the region"). */
  name: string
  /** The scope's latest publication: publishing again is a correction, which needs a change note. */
  latest: ReportPublication | null
  onPublished: (publication: ReportPublication) => void
  onClose: () => void
}

/**
 * Confirms a publication. A correction asks for a change note (required, checked here and by the server); a refused
 * publication lists what stops it (indicators without a validated assessment, missing follow-ups) per country.
 */
export function PublishModal({ roundId, scope, name, latest, onPublished, onClose }: PublishModalProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const countryName = useCountryName()
  const correction = latest !== null
  // The regional report is named as such; a national one by its country ("… national report (Serbia)").
  const regional = scope === REGION
  const title = correction
    ? regional
      ? t('reports:publish.correctionTitleRegional')
      : t('reports:publish.correctionTitle', { name })
    : regional
      ? t('reports:publish.titleRegional')
      : t('reports:publish.title', { name })
  const next = (latest?.number ?? 0) + 1
  const [note, setNote] = useState('')
  const [noteMissing, setNoteMissing] = useState(false)
  const noteInput = useRef<HTMLTextAreaElement>(null)
  const publish = useMutation({
    mutationFn: () => publishReport(roundId, scope, correction ? note.trim() : null),
    onSuccess: (publication) => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.publications(roundId) })
      onPublished(publication)
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (correction && !note.trim()) {
      setNoteMissing(true)
      noteInput.current?.focus()
      return
    }
    setNoteMissing(false)
    publish.mutate()
  }
  const error = publish.error
  const blockers = groupPublishBlockers(publishBlockersOf(error))
  const count = publishBlockersOf(error).length
  const noteIssue = error instanceof ApiError && error.issues.some((i) => i.path === 'body.changeNote')
  const notInReview = error instanceof ApiError && error.code === 'invalid_state' && count === 0

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {correction
              ? t('reports:publish.correctionExplain', { number: next, previous: latest.number })
              : t('reports:publish.explain', { number: next })}
          </Text>
          {correction && (
            <Textarea
              ref={noteInput}
              label={t('reports:publish.changeNote')}
              description={t('reports:publish.changeNoteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteMissing || noteIssue ? t('reports:publish.changeNoteRequired') : undefined}
              autosize
              minRows={3}
              maxLength={5000}
              required
              data-autofocus
            />
          )}
          {count > 0 && (
            <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('reports:publish.blockedTitle')}>
              <Text size="sm" mb="xs">
                {t('reports:publish.blockedText', { count })}
              </Text>
              <List size="sm" spacing={4}>
                {blockers.flatMap((g) => {
                  const country = countryName(g.countryCode)
                  const items: { key: string; text: string }[] = []
                  if (g.notValidated.length > 0)
                    items.push({
                      key: `${g.countryCode}-v`,
                      text: t('reports:blocker.not_validated', {
                        country,
                        count: g.notValidated.length,
                        codes: g.notValidated.join(', '),
                      }),
                    })
                  if (g.followUps > 0)
                    items.push({
                      key: `${g.countryCode}-f`,
                      text: t('reports:blocker.follow_up_missing', { country, count: g.followUps }),
                    })
                  if (g.other.length > 0)
                    items.push({
                      key: `${g.countryCode}-o`,
                      text: t('reports:blocker.other', { country, count: g.other.length }),
                    })
                  return items.map((item) => <List.Item key={item.key}>{item.text}</List.Item>)
                })}
              </List>
            </Alert>
          )}
          {notInReview && (
            <Alert color="orange" variant="light" icon={<AlertIcon />}>
              <Text size="sm">{t('reports:publish.notInReview')}</Text>
            </Alert>
          )}
          {error && count === 0 && !noteIssue && !notInReview && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus={correction ? undefined : true}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={publish.isPending}>
              {t('reports:publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

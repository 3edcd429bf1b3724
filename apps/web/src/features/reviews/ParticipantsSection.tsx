import { Button, Stack, Table, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { Participant, ReviewDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { useCountryName } from '../../components/country-name.ts'
import { Section } from '../../components/Section.tsx'
import { AddParticipantForm } from './AddParticipantForm.tsx'
import { removeParticipant, useStoreReview } from './api.ts'
import { reviewCan } from './permissions.ts'

/** Who takes part, for which country and in which role; coordinators add and remove participants. */
export function ParticipantsSection({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const countryName = useCountryName()
  const store = useStoreReview()
  const participants = review.participants ?? []
  const manage = reviewCan(review, 'review.manageParticipants')
  const [removing, setRemoving] = useState<Participant | null>(null)
  const remove = useMutation({
    mutationFn: (p: Participant) => removeParticipant(review.id, p.id),
    onSuccess: (updated) => {
      setRemoving(null)
      store(updated)
    },
  })
  const countries = [...new Set(participants.map((p) => p.countryCode))]
  const yesNo = (v: boolean) => (v ? t('review:participants.yes') : t('review:participants.no'))
  return (
    <Section
      title={t('review:participants.title')}
      description={
        participants.length
          ? t('review:participants.summary', { count: participants.length, countries: countries.length })
          : undefined
      }
    >
      {participants.length === 0 ? (
        <Text size="sm" c="dimmed">
          {manage ? t('review:participants.emptyCanAdd') : t('review:participants.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped data-testid="participants">
            <Table.Caption className="visually-hidden">{t('review:participants.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review:participants.name')}</Table.Th>
                <Table.Th scope="col">{t('review:participants.country')}</Table.Th>
                <Table.Th scope="col">{t('review:participants.role')}</Table.Th>
                <Table.Th scope="col">{t('review:participants.named')}</Table.Th>
                <Table.Th scope="col">
                  {review.currentRound
                    ? t('review:participants.responded', { round: review.currentRound })
                    : t('review:participants.respondedNone')}
                </Table.Th>
                {manage && (
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('review:participants.actions')}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {participants.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    {p.name}
                    <Text size="xs" c="dimmed">
                      {p.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>{countryName(p.countryCode)}</Table.Td>
                  <Table.Td>{t(`review:participantRole.${p.role}`)}</Table.Td>
                  <Table.Td>{yesNo(p.named)}</Table.Td>
                  <Table.Td>{review.currentRound ? yesNo(p.responded) : '–'}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(p)}
                        aria-label={t('review:participants.removeNamed', { name: p.name })}
                      >
                        {t('review:participants.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap="xs">
        {manage && <AddParticipantForm review={review} />}
        {review.status === 'closed' && (
          <Text size="sm" c="dimmed">
            {t('review:participants.closed')}
          </Text>
        )}
      </Stack>
      {removing && (
        <ConfirmModal
          title={t('review:participants.removeTitle')}
          message={t('review:participants.removeMessage', { name: removing.name })}
          confirmLabel={t('review:participants.remove')}
          danger
          loading={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(removing)}
          onClose={() => {
            remove.reset()
            setRemoving(null)
          }}
        />
      )}
    </Section>
  )
}

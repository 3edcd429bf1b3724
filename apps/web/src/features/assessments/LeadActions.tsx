import { Button, Group, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { Assessment } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { ReasonModal } from './ReasonModal.tsx'

interface Props {
  /** The API path of the indicator's assessment. */
  path: string
  assessment: Assessment
  abilities: readonly string[]
  /** The signed-in person's id (to say why they may not validate). */
  meId: string | null
  /** The round collects or is in review: only then do assessments move. */
  open: boolean
  onChanged: (assessment: Assessment) => Promise<void> | void
}

/**
 * What the country lead does with a submitted assessment: return it with a comment, or validate it (never their own:
 * four eyes; then the reason is said). A validated one can be unlocked with a reason, by the lead or a coordinator.
 */
export function LeadActions({ path, assessment: a, abilities, meId, open, onChanged }: Props) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<'return' | 'validate' | 'unlock' | null>(null)
  const validate = useMutation({
    mutationFn: () => api<{ data: Assessment }>(`${path}/validate`, { method: 'POST', body: { version: a.version } }),
    onSuccess: async (r) => {
      setDialog(null)
      await onChanged(r.data)
    },
  })
  const review = abilities.includes('assessment.review')
  const mayValidate = abilities.includes('assessment.validate')
  const mayUnlock = abilities.includes('assessment.unlock')
  const submitted = a.status === 'submitted' && a.scorer === 'primary'
  const canReturn = review && open && a.status === 'submitted'
  const canValidate = mayValidate && open && submitted
  const canUnlock = mayUnlock && open && a.status === 'validated'
  let whyNot: string | null = null
  if (review && !mayValidate && submitted) {
    if (meId && a.submittedBy?.id === meId) whyNot = t('assessments:lead.ownSubmission')
    else if (meId && a.expert?.id === meId) whyNot = t('assessments:lead.ownAssessment')
    else whyNot = t('assessments:lead.cannotValidate')
  }
  if (!canReturn && !canValidate && !canUnlock && !whyNot) return null

  const post = async (sub: string, body: Record<string, unknown>) => {
    const r = await api<{ data: Assessment }>(`${path}/${sub}`, {
      method: 'POST',
      query: sub === 'return' ? { scorer: a.scorer } : undefined,
      body: { version: a.version, ...body },
    })
    await onChanged(r.data)
  }

  return (
    <Stack gap="xs">
      <Group gap="sm">
        {canValidate && <Button onClick={() => setDialog('validate')}>{t('assessments:lead.validate')}</Button>}
        {canReturn && (
          <Button variant="default" onClick={() => setDialog('return')}>
            {t('assessments:lead.return')}
          </Button>
        )}
        {canUnlock && (
          <Button variant="default" onClick={() => setDialog('unlock')}>
            {t('assessments:lead.unlock')}
          </Button>
        )}
      </Group>
      {whyNot && (
        <Text size="sm" data-testid="cannot-validate">
          <InfoIcon size={14} style={{ verticalAlign: '-2px' }} /> {whyNot}
        </Text>
      )}
      {dialog === 'validate' && (
        <ConfirmModal
          title={t('assessments:lead.validateTitle')}
          message={t('assessments:lead.validateText')}
          confirmLabel={t('assessments:lead.validateConfirm')}
          loading={validate.isPending}
          error={validate.error}
          onConfirm={() => validate.mutate()}
          onClose={() => {
            validate.reset()
            setDialog(null)
          }}
        />
      )}
      {dialog === 'return' && (
        <ReasonModal
          title={t('assessments:lead.returnTitle')}
          intro={t('assessments:lead.returnIntro')}
          label={t('assessments:lead.returnComment')}
          hint={t('assessments:lead.returnCommentHint')}
          submitLabel={t('assessments:lead.returnSubmit')}
          requiredMessage={t('assessments:lead.returnRequired')}
          onSubmit={(comment) => post('return', { comment })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'unlock' && (
        <ReasonModal
          title={t('assessments:lead.unlockTitle')}
          intro={t('assessments:lead.unlockIntro')}
          label={t('assessments:lead.unlockReason')}
          hint={t('assessments:lead.unlockReasonHint')}
          submitLabel={t('assessments:lead.unlockSubmit')}
          requiredMessage={t('assessments:lead.unlockRequired')}
          onSubmit={(reason) => post('unlock', { reason })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  )
}

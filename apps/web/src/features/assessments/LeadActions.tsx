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
  /**
   * Double scoring: the second expert's assessment (null before it exists), which the lead may return on its own;
   * undefined in rounds without double scoring.
   */
  second?: Assessment | null
  /** Double scoring: the experts' scores differ and the lead has not settled them, so validation waits. */
  unsettled?: boolean
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
 * With double scoring, each expert's assessment is returned on its own, and validation waits while the scores differ.
 */
export function LeadActions({ path, assessment: a, second, unsettled, abilities, meId, open, onChanged }: Props) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<'return' | 'validate' | 'unlock' | null>(null)
  /** Whose assessment the return dialog sends back. */
  const [returning, setReturning] = useState<Assessment>(a)
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
  // The second expert's score matters until the first expert's assessment is validated.
  const returnable = [a, ...(second && a.status !== 'validated' ? [second] : [])].filter(
    (x) => review && open && x.status === 'submitted',
  )
  const canValidate = mayValidate && open && submitted && !unsettled
  const canUnlock = mayUnlock && open && a.status === 'validated'
  let whyNot: string | null = null
  if (review && !mayValidate && submitted) {
    if (meId && a.submittedBy?.id === meId) whyNot = t('assessments:lead.ownSubmission')
    else if (meId && a.expert?.id === meId) whyNot = t('assessments:lead.ownAssessment')
    else whyNot = t('assessments:lead.cannotValidate')
  } else if (mayValidate && open && submitted && unsettled) whyNot = t('assessments:lead.settleFirst')
  if (returnable.length === 0 && !canValidate && !canUnlock && !whyNot) return null

  const post = async (sub: string, target: Assessment, body: Record<string, unknown>) => {
    const r = await api<{ data: Assessment }>(`${path}/${sub}`, {
      method: 'POST',
      query: sub === 'return' ? { scorer: target.scorer } : undefined,
      body: { version: target.version, ...body },
    })
    await onChanged(r.data)
  }
  const returnLabel = (x: Assessment) =>
    second === undefined
      ? t('assessments:lead.return')
      : x.scorer === 'second'
        ? t('assessments:lead.returnSecond')
        : t('assessments:lead.returnFirst')

  return (
    <Stack gap="xs">
      <Group gap="sm">
        {canValidate && <Button onClick={() => setDialog('validate')}>{t('assessments:lead.validate')}</Button>}
        {returnable.map((x) => (
          <Button
            key={x.scorer}
            variant="default"
            onClick={() => {
              setReturning(x)
              setDialog('return')
            }}
          >
            {returnLabel(x)}
          </Button>
        ))}
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
          title={second === undefined ? t('assessments:lead.returnTitle') : returnLabel(returning)}
          intro={t('assessments:lead.returnIntro')}
          label={t('assessments:lead.returnComment')}
          hint={t('assessments:lead.returnCommentHint')}
          submitLabel={t('assessments:lead.returnSubmit')}
          requiredMessage={t('assessments:lead.returnRequired')}
          onSubmit={(comment) => post('return', returning, { comment })}
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
          onSubmit={(reason) => post('unlock', a, { reason })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  )
}

import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import type { Assessment, ContentLocale, IndicatorDoc } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { firstExpertScore } from './double-scoring.ts'
import { ScoreChoice, useLevelText } from './ScoreFields.tsx'

interface Props {
  /** The API path of the indicator's assessment. */
  path: string
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  primary: Assessment
  second: Assessment
  onSettled: (assessment: Assessment) => Promise<void> | void
  onClose: () => void
}

/**
 * The country lead settles a disagreement between the two experts: the final level (every level with its descriptor,
 * each expert's choice marked) and a required note on why. Focus starts on the first level and returns on close.
 */
export function SettleScoreModal({ path, indicator, baseLocale, primary, second, onSettled, onClose }: Props) {
  const { t } = useTranslation()
  const levelText = useLevelText(indicator, baseLocale)
  const first = firstExpertScore(primary)
  const [score, setScore] = useState<number | null>(primary.scoringResolution ? primary.score : null)
  const [note, setNote] = useState(primary.scoringResolution ?? '')
  const [errors, setErrors] = useState<{ score?: string; note?: string }>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const level = (n: number | null) => (n === null ? t('assessments:view.none') : levelText(n).label)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = {
      ...(score === null ? { score: t('assessments:settle.levelRequired') } : {}),
      ...(note.trim() ? {} : { note: t('assessments:settle.noteRequired') }),
    }
    setErrors(found)
    if (score === null || Object.keys(found).length > 0) return
    setFailure(null)
    setSending(true)
    try {
      const res = await api<{ data: Assessment }>(`${path}/resolve`, {
        method: 'POST',
        body: { version: primary.version, score, note: note.trim() },
      })
      await onSettled(res.data)
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.issues.some((i) => i.path === 'body.score'))
        setErrors({ score: t('assessments:problems.scoreRange') })
      else setFailure(error)
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assessments:settle.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('assessments:settle.intro', { first: level(first), second: level(second.score) })}</Text>
          <ScoreChoice
            id="settle-score"
            indicator={indicator}
            baseLocale={baseLocale}
            legend={t('assessments:settle.legend')}
            description={t('assessments:settle.legendHint')}
            value={score}
            onChange={setScore}
            error={errors.score}
            noteOf={(n) =>
              n === first && n === second.score
                ? t('assessments:settle.byBoth')
                : n === first
                  ? t('assessments:settle.byFirst')
                  : n === second.score
                    ? t('assessments:settle.bySecond')
                    : null
            }
            autoFocus
          />
          <Textarea
            label={t('assessments:settle.note')}
            description={t('assessments:settle.noteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={3}
            required
          />
          {Boolean(failure) && <ErrorAlert error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={sending}>
              {t('assessments:settle.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

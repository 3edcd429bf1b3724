import { Anchor, Checkbox, Fieldset, Stack, Text } from '@mantine/core'
import type { Answer, IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { draftFromAnswer } from '../rounds/answer-draft.ts'
import { summarizeValue } from '../rounds/answer-summary.ts'
import { useDates } from '../rounds/dates.ts'

/** One source answer in a line: its value and state ("Level 3 · submitted"). */
export function useSourceSummary(indicator: IndicatorDoc) {
  const { t } = useTranslation()
  const fmt = useDates()
  return (a: Answer) =>
    t('assessments:sources.summary', {
      value: summarizeValue(indicator, draftFromAnswer(a), t, (n) => fmt.number(n, 2)),
      status: t(`rounds:status.answer.${a.status}`),
    })
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id)

interface SourcesProps {
  indicator: IndicatorDoc
  answers: Answer[]
  value: string[]
  onChange: (ids: string[]) => void
  error?: string
}

/** "Which sources the assessment rests on": a checkbox per organisation's answer, with its value and state. */
export function SourcesPicker({ indicator, answers, value, onChange, error }: SourcesProps) {
  const { t } = useTranslation()
  const summary = useSourceSummary(indicator)
  const errorId = fieldId('assessment', 'sourceAnswerIds-error')
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw="var(--mantine-font-weight-medium)" size="sm">
          {t('assessments:sources.legend')}
        </Text>
      }
      aria-describedby={error ? errorId : undefined}
      p={0}
      m={0}
    >
      <Text size="xs" c="dimmed">
        {t('assessments:sources.hint')}
      </Text>
      {answers.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('assessments:sources.none')}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          {answers.map((a, i) => (
            <Checkbox
              key={a.id}
              id={i === 0 ? fieldId('assessment', 'sourceAnswerIds') : undefined}
              label={a.organisation.name}
              description={summary(a)}
              checked={value.includes(a.id)}
              onChange={(e) => onChange(toggle(value, a.id, e.currentTarget.checked))}
            />
          ))}
        </Stack>
      )}
      {error && (
        <Text id={errorId} size="sm" c="red.9" mt={4}>
          <AlertIcon size={14} style={{ verticalAlign: '-2px' }} /> {error}
        </Text>
      )}
    </Fieldset>
  )
}

interface EvidenceProps {
  answers: Answer[]
  value: string[]
  onChange: (ids: string[]) => void
}

/** The sources' evidence the score relies on: a checkbox per item, grouped by organisation. */
export function SourceEvidencePicker({ answers, value, onChange }: EvidenceProps) {
  const { t } = useTranslation()
  const withEvidence = answers.filter((a) => a.evidence.length > 0)
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw="var(--mantine-font-weight-medium)" size="sm">
          {t('assessments:evidence.sourcesLegend')}
        </Text>
      }
      p={0}
      m={0}
    >
      {withEvidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assessments:evidence.noneInSources')}
        </Text>
      ) : (
        <Stack gap="sm" mt={4}>
          {withEvidence.map((a) => (
            <Stack key={a.id} gap={6}>
              <Text size="sm" fw={600} component="p" m={0}>
                {a.organisation.name}
              </Text>
              {a.evidence.map((e) => (
                <Checkbox
                  key={e.id}
                  label={t('assessments:evidence.itemLabel', {
                    title: e.title,
                    kind: t(`rounds:evidence.kind.${e.kind}`),
                  })}
                  description={
                    e.kind === 'link' && e.url ? (
                      <Anchor href={e.url} target="_blank" rel="noopener noreferrer" size="xs" className="break-all">
                        {e.url}
                      </Anchor>
                    ) : e.kind === 'citation' ? (
                      e.citation
                    ) : e.file ? (
                      <Anchor href={`/api/files/${e.file.id}`} size="xs" className="break-all" download>
                        {e.file.name}
                      </Anchor>
                    ) : undefined
                  }
                  checked={value.includes(e.id)}
                  onChange={(ev) => onChange(toggle(value, e.id, ev.currentTarget.checked))}
                />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Fieldset>
  )
}

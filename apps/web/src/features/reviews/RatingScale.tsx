import { Fieldset, Group, Radio, Text } from '@mantine/core'
import { RATING_VALUES } from '@thbm/shared'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { AlertIcon } from '../../components/icons.tsx'

interface Props {
  /** The first radio's id (an error summary can move focus there). */
  id: string
  legend: string
  /** Shown under the legend: the participant's previous rating and the group's, from round 2. */
  hint?: ReactNode
  value: number | undefined
  onChange: (value: number) => void
  error?: string
  disabled?: boolean
}

/**
 * A 1-5 rating as native radios in a fieldset named by the criterion (WCAG 1.3.1): Tab reaches the group, the arrow
 * keys move between the five values, each labelled in words as well as by its number.
 */
export function RatingScale({ id, legend, hint, value, onChange, error, disabled }: Props) {
  const { t } = useTranslation()
  const name = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  const labels: Record<number, string> = {
    1: t('review:rate.scale.1'),
    2: t('review:rate.scale.2'),
    3: t('review:rate.scale.3'),
    4: t('review:rate.scale.4'),
    5: t('review:rate.scale.5'),
  }
  return (
    <Fieldset
      variant="unstyled"
      p={0}
      m={0}
      disabled={disabled}
      aria-describedby={describedBy || undefined}
      legend={
        <Text component="span" size="sm" fw={600}>
          {legend}
        </Text>
      }
    >
      {hint && (
        <Text id={hintId} size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
      <Group gap="md" mt={6} wrap="wrap">
        {RATING_VALUES.map((v, i) => (
          <Radio
            key={v}
            id={i === 0 ? id : undefined}
            name={name}
            value={String(v)}
            checked={value === v}
            onChange={() => onChange(v)}
            label={labels[v]}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </Group>
      {error && (
        <Text id={errorId} size="sm" c="red.9" mt={4}>
          <AlertIcon size={14} style={{ verticalAlign: '-2px' }} /> {error}
        </Text>
      )}
    </Fieldset>
  )
}

import { Fieldset, Radio, Stack, Text } from '@mantine/core'
import { type ReactNode, useId } from 'react'
import { AlertIcon } from '../../components/icons.tsx'

export interface ChoiceOption<V> {
  value: V
  label: string
  description?: ReactNode
}

interface Props<V> {
  /** The first radio's id (the error summary moves focus there). */
  id: string
  legend: string
  description?: ReactNode
  options: ChoiceOption<V>[]
  value: V | null
  onChange: (value: V) => void
  error?: string
  required?: boolean
  /** Focus goes to the chosen radio (or the first) when a dialog opens. */
  autoFocus?: boolean
}

/**
 * Radio buttons in a fieldset whose legend names the group (WCAG 1.3.1): native radios sharing a name, so the arrow
 * keys move between them. The hint and the error are tied to the group with aria-describedby.
 */
export function ChoiceFieldset<V extends string | number>(props: Props<V>) {
  const { id, legend, description, options, value, onChange, error, required, autoFocus } = props
  const focused = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  )
  const name = useId()
  const descriptionId = `${id}-description`
  const errorId = `${id}-error`
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw="var(--mantine-font-weight-medium)" size="sm">
          {legend}
          {required && (
            <Text component="span" c="red.8" aria-hidden="true">
              {' *'}
            </Text>
          )}
        </Text>
      }
      aria-describedby={describedBy || undefined}
      p={0}
      m={0}
    >
      {description && (
        <Text id={descriptionId} size="xs" c="dimmed" component="div">
          {description}
        </Text>
      )}
      <Stack gap="xs" mt="xs">
        {options.map((o, i) => (
          <Radio
            key={String(o.value)}
            id={i === 0 ? id : undefined}
            name={name}
            value={String(o.value)}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            label={o.label}
            description={o.description}
            required={required}
            aria-invalid={error ? true : undefined}
            data-autofocus={autoFocus && i === focused ? true : undefined}
          />
        ))}
      </Stack>
      {error && (
        <Text id={errorId} size="sm" c="red.9" mt={4}>
          <AlertIcon size={14} style={{ verticalAlign: '-2px' }} /> {error}
        </Text>
      )}
    </Fieldset>
  )
}

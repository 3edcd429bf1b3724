import { Button, Fieldset, Group, NumberInput, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'

type Band = { from: number; to: number; score: number }

interface Props {
  idPrefix: string
  value: Band[]
  onChange: (bands: Band[]) => void
  errors: Record<string, string | undefined>
}

const num = (v: string | number) => (typeof v === 'number' ? v : Number.parseFloat(v) || 0)

/** Optional target bands: a value in [from, to) scores `score` (0–100). */
export function TargetBandsField({ idPrefix, value, onChange, errors }: Props) {
  const { t } = useTranslation()
  const setBand = (i: number, patch: Partial<Band>) => onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  return (
    <Fieldset legend={t('handbook:measure.bands')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('handbook:form.bandsHint')}
        </Text>
        {value.map((band, i) => {
          const at = `measurement.targetBands[${i}]`
          const n = i + 1
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <NumberInput
                id={fieldId(idPrefix, `${at}.from`)}
                label={t('handbook:form.bandFromN', { n })}
                value={band.from}
                onChange={(v) => setBand(i, { from: num(v) })}
                error={errors[`${at}.from`]}
                w={120}
              />
              <NumberInput
                id={fieldId(idPrefix, `${at}.to`)}
                label={t('handbook:form.bandToN', { n })}
                value={band.to}
                onChange={(v) => setBand(i, { to: num(v) })}
                error={errors[`${at}.to`]}
                w={120}
              />
              <NumberInput
                id={fieldId(idPrefix, `${at}.score`)}
                label={t('handbook:form.bandScoreN', { n })}
                value={band.score}
                min={0}
                max={100}
                onChange={(v) => setBand(i, { score: num(v) })}
                error={errors[`${at}.score`]}
                w={120}
              />
              <Button variant="subtle" size="sm" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                {t('handbook:form.removeBandN', { n })}
              </Button>
            </Group>
          )
        })}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...value, { from: 0, to: 0, score: 0 }])}>
            {t('handbook:form.addBand')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  )
}

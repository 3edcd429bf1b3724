import { Badge, Box, Button, Checkbox, Group, Text } from '@mantine/core'
import type { AdaptationItem, Indicator, VersionDetail } from '@thbm/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { isDefaultItem } from './adaptation-state.ts'
import { FlagBadges } from './FlagBadges.tsx'
import { NationalDetails } from './NationalDetails.tsx'
import { useContentText } from './useContentText.ts'

// Dark text on a light fill (WCAG AA); the word says it, the colour only repeats it.
const EXCLUDED = {
  background: 'var(--mantine-color-orange-0)',
  color: 'var(--mantine-color-dark-7)',
  border: '1px dashed var(--mantine-color-orange-7)',
}

interface Props {
  version: VersionDetail
  indicator: Indicator
  item: AdaptationItem
  onChange: (item: AdaptationItem) => void
  errors: Record<string, string>
  readOnly: boolean
}

/** One indicator in the adaptation: included or not (core ones always), and its national details on demand. */
export function AdaptationItemRow({ version, indicator, item, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation()
  const pick = useContentText(version.framework.baseLocale)
  const detailsId = useId()
  const at = `items.${indicator.code}`
  const hasErrors = Object.keys(errors).some((k) => k.startsWith(`${at}.`) && !k.endsWith('.excluded'))
  const [open, setOpen] = useState(false)
  const showDetails = open || hasErrors
  const title = pick(indicator.title)
  const hasFlags = indicator.core || indicator.frameworkIndicator || indicator.redFlag
  const detailCount =
    (Object.values(item.nationalNote).some(Boolean) ? 1 : 0) +
    item.nationalLegalReferences.length +
    item.nationalSources.length
  return (
    <Box component="li" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Box style={{ flex: 1, minWidth: 240 }}>
          <Checkbox
            id={fieldId('adapt', `${at}.excluded`)}
            label={
              <>
                {t('handbook:adaptation.include')}{' '}
                <Text component="span" ff="monospace" fw={700} inherit>
                  {indicator.code}
                </Text>{' '}
                <span lang={title.lang}>{title.text}</span>
              </>
            }
            description={indicator.core ? t('handbook:adaptation.coreReason') : undefined}
            checked={!item.excluded}
            disabled={indicator.core || readOnly}
            // A core indicator's row stays readable: the box shows it cannot change, the description says why.
            styles={indicator.core ? { label: { color: 'var(--mantine-color-text)' } } : undefined}
            onChange={(e) => onChange({ ...item, excluded: !e.currentTarget.checked })}
            error={errors[`${at}.excluded`]}
          />
          {(hasFlags || item.excluded) && (
            <Group gap={6} mt={4} ml={32}>
              <FlagBadges indicator={indicator} />
              {item.excluded && (
                <Badge component="span" style={EXCLUDED}>
                  {t('handbook:adaptation.excluded')}
                </Badge>
              )}
            </Group>
          )}
        </Box>
        {(!readOnly || !isDefaultItem(item)) && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={showDetails}
            aria-controls={detailsId}
            aria-label={t('handbook:adaptation.detailsFor', { code: indicator.code, count: detailCount })}
          >
            {t('handbook:adaptation.details', { count: detailCount })}
          </Button>
        )}
      </Group>
      <div id={detailsId}>
        {showDetails && (
          <NationalDetails
            version={version}
            item={item}
            onChange={onChange}
            errors={errors}
            path={at}
            readOnly={readOnly}
          />
        )}
      </div>
    </Box>
  )
}

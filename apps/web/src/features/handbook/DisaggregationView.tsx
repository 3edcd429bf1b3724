import { Stack, Text } from '@mantine/core'
import { type ContentLocale, type IndicatorDoc, STANDARD_DIMENSIONS } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'

interface Props {
  indicator: Pick<IndicatorDoc, 'disaggregations' | 'customDimensions'>
  baseLocale: ContentLocale
}

/** The breakdowns values are reported by: standard dimensions (named from the catalogs) and custom ones. */
export function DisaggregationView({ indicator, baseLocale }: Props) {
  const { t } = useTranslation()
  const pick = useContentText(baseLocale)
  const { disaggregations, customDimensions } = indicator
  if (disaggregations.length === 0 && customDimensions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('handbook:disaggregation.none')}
      </Text>
    )
  return (
    <Stack gap="sm">
      <Facts
        items={[
          ...disaggregations.map((dim) => ({
            label: t(`enums:dimension.${dim}`),
            value: (STANDARD_DIMENSIONS[dim] as readonly string[])
              .map((cat) => t(`enums:dimensionCategory.${dim}.${cat}`))
              .join(' · '),
          })),
          ...customDimensions.map((dim) => ({
            label: pick(dim.label).text || dim.code,
            value: (
              <>
                <Text size="sm" component="span">
                  {dim.categories.map((c) => pick(c.label).text || c.code).join(' · ')}
                </Text>
                {[dim.label, ...dim.categories.map((c) => c.label)].some((l) => pick(l).missing) && (
                  <NotTranslatedBadge baseLocale={baseLocale} />
                )}
                <Text size="xs" c="dimmed">
                  {t('handbook:disaggregation.custom')}
                </Text>
              </>
            ),
          })),
        ]}
      />
    </Stack>
  )
}

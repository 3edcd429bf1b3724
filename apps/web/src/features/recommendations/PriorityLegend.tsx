import { DataList } from '@mantine/core'
import { RECOMMENDATION_PRIORITIES } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { PriorityBadge } from './Badges.tsx'

/** What each priority means, in GRETA's wording. */
export function PriorityLegend() {
  const { t } = useTranslation()
  return (
    <DataList orientation="horizontal" labelWidth="12rem" className="facts">
      {RECOMMENDATION_PRIORITIES.map((p) => (
        <DataList.Item key={p}>
          <DataList.ItemLabel>
            <PriorityBadge priority={p} />
          </DataList.ItemLabel>
          <DataList.ItemValue>{t(`recommendations:priority.hint.${p}`)}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}

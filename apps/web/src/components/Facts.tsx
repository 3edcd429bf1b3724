import { DataList } from '@mantine/core'
import type { ReactNode } from 'react'

/** Label–value pairs as a description list (<dl>), side by side on wide screens and stacked on narrow ones. */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <DataList orientation="horizontal" labelWidth="10rem" className="facts">
      {items.map((item) => (
        <DataList.Item key={item.label}>
          <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
          <DataList.ItemValue>{item.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}

import { Box, Skeleton, Table, Text } from '@mantine/core'
import { type ChartSpec, chartAltText, chartOption, chartTableText } from '@thbm/shared'
import type { EChartsType } from 'echarts/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

type ECharts = typeof import('echarts/core')
let loading: Promise<ECharts> | null = null

/** Loads ECharts on first use (its own chunk, out of the first load) with only the parts our charts use. */
function loadECharts(): Promise<ECharts> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/features'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, features, renderers]) => {
    core.use([
      charts.BarChart,
      charts.LineChart,
      charts.HeatmapChart,
      components.AriaComponent,
      components.GridComponent,
      components.LegendComponent,
      components.TitleComponent,
      components.TooltipComponent,
      components.VisualMapContinuousComponent,
      features.LabelLayout,
      // The canvas renderer crashes under jsdom, and SVG is what the server renders too.
      renderers.SVGRenderer,
    ])
    return core
  })
  loading.catch(() => {
    loading = null
  })
  return loading
}

interface ChartProps {
  spec: ChartSpec
  /** Height in pixels; the chart takes the container's width and follows it. */
  height?: number
}

/**
 * A chart drawn from a shared `ChartSpec` (the same option the server renders for documents), as an image named
 * by its alt text, with the data as a table below it. The table is there from the first render, so the page is
 * usable while the chart library loads, and it opens by itself if the library fails to load.
 */
export function Chart({ spec, height = 360 }: ChartProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const box = useRef<HTMLDivElement>(null)
  const [chart, setChart] = useState<EChartsType | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const element = box.current
    if (!element) return
    let cancelled = false
    let instance: EChartsType | undefined
    let observer: ResizeObserver | undefined
    loadECharts().then(
      (echarts) => {
        if (cancelled) return
        instance = echarts.init(element, null, { renderer: 'svg' })
        observer = new ResizeObserver(() => instance?.resize())
        observer.observe(element)
        setChart(instance)
      },
      () => {
        if (!cancelled) setFailed(true)
      },
    )
    return () => {
      cancelled = true
      observer?.disconnect()
      instance?.dispose()
    }
  }, [])

  // The spec goes through its JSON so a new but equal spec object does not redraw the chart.
  const specJson = JSON.stringify(spec)
  useEffect(() => {
    chart?.setOption(chartOption(JSON.parse(specJson) as ChartSpec, locale), { notMerge: true })
  }, [chart, specJson, locale])

  const table = chartTableText(spec, locale)
  const [labelColumn, ...valueColumns] = table.columns
  return (
    <Box>
      {!failed && (
        <Box pos="relative" h={height}>
          {/* ECharts owns this element's content; it also marks it role="img" and names it with the alt text. */}
          <div ref={box} role="img" aria-label={chartAltText(spec, locale)} style={{ width: '100%', height }} />
          {!chart && <Skeleton pos="absolute" inset={0} aria-hidden="true" />}
        </Box>
      )}
      <details open={failed || undefined}>
        <Text component="summary" size="sm" style={{ cursor: 'pointer' }} py={4}>
          {t('common:chart.showTable')}
        </Text>
        <Table.ScrollContainer minWidth={Math.min(640, 160 + valueColumns.length * 96)}>
          <Table withTableBorder striped verticalSpacing={4} data-testid="chart-table">
            <Table.Caption>{table.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{labelColumn}</Table.Th>
                {valueColumns.map((column) => (
                  <Table.Th key={column} scope="col" ta="end">
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map(([label, ...cells]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" fw={500}>
                    {label}
                  </Table.Th>
                  {cells.map((cell, j) => (
                    <Table.Td key={valueColumns[j]} ta="end">
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Box>
  )
}

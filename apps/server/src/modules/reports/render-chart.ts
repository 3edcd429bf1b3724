import { Resvg } from '@resvg/resvg-js'
import { type ChartSpec, chartAltText, chartOption } from '@thbm/shared'
import * as echarts from 'echarts'

/** Pixel size of a chart, and the locale its numbers are formatted in. */
export interface ChartSize {
  width: number
  height: number
  locale: string
}

// With no canvas on the server, ECharts guesses text widths (every Cyrillic letter a full em), which wastes room
// around Serbian labels. These em widths follow DejaVu Sans, the font the PNG is drawn with, slightly generously.
const NARROW = /[\s.,:;'!|ijlI()[\]]/
const SEMI = /[tfr\-–]/
const WIDE = /[mwMWЖШЩЮФжшщюфљњЉЊ%@]/
const UPPER = /\p{Lu}/u
// Full-width (CJK) characters are one em; zrender also takes the width of '国' as the line height.
const FULL = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

function emWidth(ch: string): number {
  if (FULL.test(ch)) return 1
  if (NARROW.test(ch)) return 0.3
  if (SEMI.test(ch)) return 0.4
  if (WIDE.test(ch)) return 0.92
  return UPPER.test(ch) ? 0.7 : 0.62
}

function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)
  let em = 0
  for (const ch of text) em += emWidth(ch)
  return { width: em * size * (font?.includes('bold') ? 1.1 : 1) }
}
echarts.setPlatformAPI({ measureText: measureText as never })

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Renders a chart to an SVG string with ECharts server-side rendering (the option the web app draws), as an image
 * whose accessible name is the chart's alt text.
 */
export function chartSvg(spec: ChartSpec, { width, height, locale }: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(chartOption(spec, locale))
    const label = escapeAttribute(chartAltText(spec, locale))
    return chart.renderToSVGString().replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
  } finally {
    chart.dispose()
  }
}

/** Renders a chart to a PNG (for DOCX) on a white background; `scale` multiplies the pixel width (default 2). */
export function chartPng(spec: ChartSpec, { scale = 2, ...size }: ChartSize & { scale?: number }): Buffer {
  const resvg = new Resvg(chartSvg(spec, size), {
    fitTo: { mode: 'width', value: Math.round(size.width * scale) },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
  return resvg.render().asPng()
}

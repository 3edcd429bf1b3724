import { createRequire } from 'node:module'
import { type ChartSpec, chartAltText, chartOption } from '@thbm/shared'
import type * as Echarts from 'echarts'

// ECharts and resvg load on the first chart, not with the server: as ES modules through the TypeScript loader, ECharts
// alone is a large share of the start-up time. The CommonJS entry is ECharts' single-file build of the same version.
const require = createRequire(import.meta.url)
let echartsLib: typeof Echarts | null = null
function echarts(): typeof Echarts {
  if (!echartsLib) {
    echartsLib = require('echarts') as typeof Echarts
    echartsLib.setPlatformAPI({ measureText: measureText as never })
  }
  return echartsLib
}
const resvg = () => require('@resvg/resvg-js') as typeof import('@resvg/resvg-js')

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

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Renders a chart to an SVG string with ECharts server-side rendering (the option the web app draws), as an image
 * whose accessible name is the chart's alt text.
 */
export function chartSvg(spec: ChartSpec, size: ChartSize): string {
  return remembered(svgs, JSON.stringify([spec, size]), () => drawSvg(spec, size))
}

function drawSvg(spec: ChartSpec, { width, height, locale }: ChartSize): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height })
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
  return remembered(pngs, JSON.stringify([spec, size, scale]), () => drawPng(spec, size, scale))
}

function drawPng(spec: ChartSpec, size: ChartSize, scale: number): Buffer {
  const image = new (resvg().Resvg)(chartSvg(spec, size), {
    fitTo: { mode: 'width', value: Math.round(size.width * scale) },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
  return image.render().asPng()
}

/**
 * Rendered charts by their spec and size: a chart depends on nothing else, and reports are rendered again and again
 * from mostly unchanged data (each download, each format), while drawing one costs tens of milliseconds. Per
 * process, least recently used first out, bounded in bytes.
 */
class ChartCache<T extends string | Buffer> {
  readonly entries = new Map<string, T>()
  bytes = 0
  constructor(readonly maxBytes: number) {}
}
const svgs = new ChartCache<string>(16 * 1024 * 1024)
const pngs = new ChartCache<Buffer>(32 * 1024 * 1024)

function remembered<T extends string | Buffer>(cache: ChartCache<T>, key: string, draw: () => T): T {
  const hit = cache.entries.get(key)
  if (hit !== undefined) {
    cache.entries.delete(key)
    cache.entries.set(key, hit)
    return hit
  }
  const value = draw()
  cache.entries.set(key, value)
  cache.bytes += value.length + key.length
  for (const [k, v] of cache.entries) {
    if (cache.bytes <= cache.maxBytes) break
    cache.entries.delete(k)
    cache.bytes -= v.length + k.length
  }
  return value
}

export type Engine = 'sqlite' | 'postgres'

/** A target from issue 9: the value must stay below (`<`) or reach (`>=`) the limit. */
export interface Target {
  op: '<' | '>='
  limit: number
}

export interface Metric {
  engine: Engine
  metric: string
  value: number | null
  unit: string
  target?: Target
  /** Anything that helps read the value: requests, status codes, rows, the skip reason. */
  note?: string
}

/** The targets of issue 9 (2-core machine, N = 50). */
export const TARGETS = {
  readP95Ms: { op: '<', limit: 100 },
  readThroughputRatio: { op: '>=', limit: 0.15 },
  saveP95Ms: { op: '<', limit: 50 },
  nationalDocxMs: { op: '<', limit: 1000 },
  regionalDocxMs: { op: '<', limit: 3000 },
  xlsxRowsPerSecond: { op: '>=', limit: 20_000 },
  coldStartMs: { op: '<', limit: 3000 },
  peakRssMb: { op: '<', limit: 400 },
} as const satisfies Record<string, Target>

export function verdict(m: Metric): string {
  if (!m.target) return ''
  if (m.value === null) return 'not measured'
  const { op, limit } = m.target
  const met = op === '<' ? m.value < limit : m.value >= limit
  if (met) return 'met'
  const by = Math.abs(m.value - limit)
  const share = limit === 0 ? '' : ` (${Math.round((by / limit) * 100)} %)`
  return `MISSED by ${format(by, m.unit)}${share}`
}

export function format(value: number | null, unit: string): string {
  if (value === null) return '-'
  if (unit === 'ratio') return `${(value * 100).toFixed(1)} %`
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`
}

/** The table every run prints: metric, engine, measured value, target, met or missed by how much. */
export function table(metrics: Metric[]): string {
  const rows = [
    ['metric', 'engine', 'measured', 'target', 'result'],
    ...metrics.map((m) => [
      m.metric,
      m.engine,
      format(m.value, m.unit) + (m.note ? `  [${m.note}]` : ''),
      m.target ? `${m.target.op} ${format(m.target.limit, m.unit)}` : '',
      verdict(m),
    ]),
  ]
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(rows[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join(
    '\n',
  )
}

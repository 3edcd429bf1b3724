import { dimensionsOf, formatCellKey, type IndicatorDoc } from '@thbm/shared'

type Ind = Pick<IndicatorDoc, 'measurement' | 'disaggregations' | 'customDimensions'>

/** One breakdown table: the categories of one dimension, for one victim status when the indicator keeps them apart. */
export interface BreakdownTable {
  /** Unique within the indicator: `identified/sex`, or `sex` without victim status. */
  id: string
  status: string | null
  dimension: string
  categories: readonly string[]
}

/** The layout of an indicator's breakdowns: the victim statuses (each with its own total) and the tables. */
export interface BreakdownLayout {
  /** Victim statuses in order when `victim_status` is a dimension (identified, presumed), otherwise null. */
  statuses: readonly string[] | null
  tables: BreakdownTable[]
}

/** One table per dimension, and per victim status when victim status is a dimension. */
export function breakdownLayout(ind: Ind): BreakdownLayout {
  const dims = dimensionsOf(ind)
  const statuses = dims.get('victim_status') ?? null
  const others = [...dims].filter(([d]) => d !== 'victim_status')
  const tables = (statuses ?? [null]).flatMap((status) =>
    others.map(([dimension, categories]) => ({
      id: status ? `${status}/${dimension}` : dimension,
      status,
      dimension,
      categories,
    })),
  )
  return { statuses, tables }
}

/** The cell key of a victim status's total (`victim_status=identified`). */
export const statusTotalKey = (status: string): string => formatCellKey({ victim_status: status })

/** The cell key of one category in a table (`sex=female;victim_status=identified`). */
export const categoryKey = (table: Pick<BreakdownTable, 'status' | 'dimension'>, category: string): string =>
  formatCellKey({ [table.dimension]: category, ...(table.status ? { victim_status: table.status } : {}) })

/** The total a table breaks down: its status's total cell, or the answer's number; null when there is none. */
export function tableTotal(
  table: Pick<BreakdownTable, 'status'>,
  cells: Readonly<Record<string, number>>,
  number: number | null,
): number | null {
  return table.status ? (cells[statusTotalKey(table.status)] ?? null) : number
}

/** The sums of a table, and whether its parts fail to add up to its total. */
export interface TableSums {
  sum: number
  /** How many categories have a number. */
  filled: number
  total: number | null
  /**
   * The shared rule (answer-checks): parts above the total, or every category given and the sum not equal to it.
   * A partly filled table below its total is not (yet) a mismatch.
   */
  mismatch: boolean
}

export function tableSums(
  table: BreakdownTable,
  cells: Readonly<Record<string, number>>,
  number: number | null,
): TableSums {
  const parts = table.categories
    .map((c) => cells[categoryKey(table, c)])
    .filter((v): v is number => typeof v === 'number')
  const sum = parts.reduce((a, b) => a + b, 0)
  const total = tableTotal(table, cells, number)
  const mismatch =
    total !== null && parts.length > 0 && (sum > total || (parts.length === table.categories.length && sum !== total))
  return { sum, filled: parts.length, total, mismatch }
}

/** Sets or clears one cell, returning new cells. */
export function withCell(
  cells: Readonly<Record<string, number>>,
  key: string,
  value: number | null,
): Record<string, number> {
  const next = { ...cells }
  if (value === null) delete next[key]
  else next[key] = value
  return next
}

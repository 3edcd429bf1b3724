import { type ProgressRow, WORK_STATUSES, type WorkStatus } from '@thbm/shared'

/** The progress board's filters, kept in the URL query so a filtered view can be bookmarked and shared. */
export interface WorkspaceFilters {
  area: string | null
  status: WorkStatus | null
  late: boolean
  organisation: string | null
}

export type FilterKey = keyof WorkspaceFilters

const isStatus = (v: string | null): v is WorkStatus => (WORK_STATUSES as readonly string[]).includes(v ?? '')

/** Reads the filters from the query; unknown values are ignored rather than shown as an empty board. */
export function readFilters(params: URLSearchParams): WorkspaceFilters {
  const area = params.get('area')
  const status = params.get('status')
  const organisation = params.get('organisation')
  return {
    area: area && /^[A-Z][A-Z0-9]{0,19}$/.test(area) ? area : null,
    status: isStatus(status) ? status : null,
    late: params.get('late') === '1',
    organisation: organisation && /^[0-9a-f-]{36}$/i.test(organisation) ? organisation : null,
  }
}

/** A copy of the query with one filter set (or removed when empty or off); other parameters are kept. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | boolean | null): URLSearchParams {
  const next = new URLSearchParams(params)
  if (value === true) next.set(key, '1')
  else if (typeof value === 'string' && value) next.set(key, value)
  else next.delete(key)
  return next
}

/** A copy of the query without any filter. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of ['area', 'status', 'late', 'organisation'] satisfies FilterKey[]) next.delete(key)
  return next
}

export const hasFilters = (f: WorkspaceFilters): boolean => Boolean(f.area || f.status || f.late || f.organisation)

/** Whether an organisation is asked to answer the indicator or has answered it. */
const involves = (row: ProgressRow, organisationId: string): boolean =>
  Boolean(row.assignment?.providers.some((p) => p.organisationId === organisationId)) ||
  row.sources.some((s) => s.organisationId === organisationId)

/** The rows that pass every filter. */
export function filterRows(rows: readonly ProgressRow[], f: WorkspaceFilters): ProgressRow[] {
  return rows.filter(
    (r) =>
      (!f.area || r.area === f.area) &&
      (!f.status || r.status === f.status) &&
      (!f.late || r.late) &&
      (!f.organisation || involves(r, f.organisation)),
  )
}

/** The organisations named on the board (asked or answering), by name, for the organisation filter. */
export function organisationsOnBoard(rows: readonly ProgressRow[]): { id: string; name: string }[] {
  const byId = new Map<string, string>()
  for (const r of rows) {
    for (const p of r.assignment?.providers ?? []) byId.set(p.organisationId, p.organisationName)
    for (const s of r.sources) byId.set(s.organisationId, s.organisationName)
  }
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
}

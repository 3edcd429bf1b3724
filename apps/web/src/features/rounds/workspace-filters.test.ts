import type { ProgressRow } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  filterRows,
  hasFilters,
  organisationsOnBoard,
  readFilters,
  withFilter,
  withoutFilters,
} from './workspace-filters.ts'

const NGO = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
const GOV = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c'

const row = (code: string, patch: Partial<ProgressRow> = {}): ProgressRow => ({
  code,
  area: code.split('-')[0] ?? '',
  title: { en: code },
  reason: 'core',
  assignment: null,
  sources: [],
  status: 'not_started',
  late: false,
  ...patch,
})

const rows: ProgressRow[] = [
  row('IDN-1', {
    status: 'submitted',
    assignment: {
      expert: null,
      secondExpert: null,
      providers: [{ organisationId: NGO, organisationName: 'NGO', userId: null, userName: null }],
      dueOn: '2026-01-01',
      version: 1,
    },
  }),
  row('IDN-4', {
    status: 'in_progress',
    late: true,
    sources: [{ organisationId: GOV, organisationName: 'Gov', status: 'in_progress', updatedAt: null }],
  }),
  row('COR-5'),
]

describe('readFilters', () => {
  it('reads known values and ignores the rest', () => {
    expect(readFilters(new URLSearchParams(`area=IDN&status=returned&late=1&organisation=${NGO}`))).toEqual({
      area: 'IDN',
      status: 'returned',
      late: true,
      organisation: NGO,
    })
    expect(readFilters(new URLSearchParams('area=<x>&status=done&late=yes&organisation=42'))).toEqual({
      area: null,
      status: null,
      late: false,
      organisation: null,
    })
  })
})

describe('withFilter and withoutFilters', () => {
  it('sets, replaces and removes one filter and keeps other parameters', () => {
    const start = new URLSearchParams('area=IDN&tab=x')
    expect(withFilter(start, 'late', true).toString()).toBe('area=IDN&tab=x&late=1')
    expect(withFilter(start, 'area', 'COR').get('area')).toBe('COR')
    expect(withFilter(start, 'area', null).toString()).toBe('tab=x')
    expect(withFilter(start, 'late', false).has('late')).toBe(false)
    expect(withoutFilters(new URLSearchParams('area=IDN&late=1&tab=x')).toString()).toBe('tab=x')
    expect(start.toString()).toBe('area=IDN&tab=x')
  })
})

describe('filterRows', () => {
  const none = { area: null, status: null, late: false, organisation: null }
  it('combines every filter', () => {
    expect(filterRows(rows, none).map((r) => r.code)).toEqual(['IDN-1', 'IDN-4', 'COR-5'])
    expect(filterRows(rows, { ...none, area: 'IDN' }).map((r) => r.code)).toEqual(['IDN-1', 'IDN-4'])
    expect(filterRows(rows, { ...none, status: 'submitted' }).map((r) => r.code)).toEqual(['IDN-1'])
    expect(filterRows(rows, { ...none, late: true }).map((r) => r.code)).toEqual(['IDN-4'])
    expect(filterRows(rows, { ...none, organisation: NGO }).map((r) => r.code)).toEqual(['IDN-1'])
    expect(filterRows(rows, { ...none, organisation: GOV, area: 'COR' })).toEqual([])
    expect(hasFilters(none)).toBe(false)
    expect(hasFilters({ ...none, late: true })).toBe(true)
  })
  it('lists the organisations asked or answering, by name', () => {
    expect(organisationsOnBoard(rows)).toEqual([
      { id: GOV, name: 'Gov' },
      { id: NGO, name: 'NGO' },
    ])
  })
})

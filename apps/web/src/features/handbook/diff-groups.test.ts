import type { VersionDiff } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { compareCodes, groupDiff, isEmptyDiff } from './diff-groups.ts'

const diff = (entries: VersionDiff['entries']): VersionDiff => ({
  from: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', label: '2026.1' },
  to: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', label: '2027.1' },
  entries,
  unchanged: 63,
  areas: { added: [], removed: [], changed: [] },
})

describe('groupDiff', () => {
  it('groups by change in display order, sorts by code numerically and leaves out empty groups', () => {
    const groups = groupDiff(
      diff([
        { change: 'retired', from: ['VUL-5'], to: [], fields: [] },
        { change: 'changed', from: ['IDN-10'], to: ['IDN-10'], fields: ['title'] },
        { change: 'merged', from: ['AST-6', 'AST-7'], to: ['AST-8'], fields: [] },
        { change: 'changed', from: ['IDN-2'], to: ['IDN-2'], fields: ['guidance'] },
        { change: 'renamed', from: ['IDN-5'], to: ['IDN-9'], fields: [] },
      ]),
    )
    expect(groups.map((g) => g.change)).toEqual(['renamed', 'merged', 'retired', 'changed'])
    expect(groups.at(-1)?.entries.map((e) => e.from[0])).toEqual(['IDN-2', 'IDN-10'])
  })

  it('says when two versions do not differ at all', () => {
    expect(isEmptyDiff(diff([]))).toBe(true)
    expect(isEmptyDiff({ ...diff([]), areas: { added: ['NEW'], removed: [], changed: [] } })).toBe(false)
    expect(compareCodes('AST-10', 'AST-9')).toBeGreaterThan(0)
  })
})

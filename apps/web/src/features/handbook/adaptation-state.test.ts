import type { Adaptation } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { defaultItem, includedCount, mapAdaptationPath, toDraft, toUpdateBody } from './adaptation-state.ts'

const adaptation: Adaptation = {
  versionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  countryCode: 'RS',
  notes: { en: 'National notes' },
  version: 2,
  items: [{ ...defaultItem('COR-2'), excluded: true }],
  extraIndicators: [],
  abilities: ['adaptation.edit'],
}
const indicators = [{ code: 'COR-1' }, { code: 'COR-2' }, { code: 'COR-3' }]

describe('adaptation state', () => {
  it('gives every indicator an item and sends only the ones that say something, in version order', () => {
    const draft = toDraft(adaptation, indicators)
    expect(Object.keys(draft.items)).toEqual(['COR-1', 'COR-2', 'COR-3'])
    expect(includedCount(draft)).toBe(2)
    draft.items['COR-1'] = { ...defaultItem('COR-1'), nationalSources: ['ngo'] }
    const { body, sentCodes } = toUpdateBody(draft, adaptation.version, indicators)
    expect(sentCodes).toEqual(['COR-1', 'COR-2'])
    expect(body).toMatchObject({ version: 2, notes: { en: 'National notes' }, extraIndicators: [] })
  })

  it('maps server problems at items[i] back to the indicator sent there', () => {
    expect(mapAdaptationPath('body.items[1].excluded', ['COR-1', 'COR-2'])).toBe('items.COR-2.excluded')
    expect(mapAdaptationPath('body.extraIndicators[0].code', [])).toBe('extraIndicators[0].code')
    expect(mapAdaptationPath('body.notes', [])).toBe('notes')
  })
})

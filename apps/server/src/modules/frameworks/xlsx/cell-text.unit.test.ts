import { describe, expect, it } from 'vitest'
import { formatList, parseList, toCellText } from './cell-text.ts'

describe('toCellText', () => {
  it('leaves ordinary text alone, formulas and markup included', () => {
    for (const text of ['Ћирилица ë ç', '=SUM(A1)', '<script>x</script>', 'tab\tand\nnewline', ' spaces ']) {
      expect(toCellText(text)).toBe(text)
    }
  })

  it('escapes what XML would lose or JSZip could split, and literal escapes', () => {
    expect(toCellText('a\r\nb')).toBe('a_x000D_\nb')
    expect(toCellText('\u0001\u007f\uFFFF')).toBe('_x0001__x007F__xFFFF_')
    expect(toCellText('😀')).toBe('_xD83D__xDE00_')
    expect(toCellText('\uD800!')).toBe('_xD800_!')
    expect(toCellText('_x0041_ and _x00e9_')).toBe('_x005F_x0041_ and _x00e9_')
  })
})

describe('lists in a cell', () => {
  it('joins plain items with commas and reads them back', () => {
    expect(formatList(['sex', 'age_group'])).toBe('sex, age_group')
    expect(parseList('sex,age_group , ')).toEqual({ items: ['sex', 'age_group'] })
    expect(formatList([])).toBeUndefined()
    expect(parseList(undefined)).toEqual({ items: [] })
  })

  it('falls back to a JSON array for items a comma list cannot hold', () => {
    const items = ['A,1', ' spaced ', '', '[x]']
    expect(formatList(items)).toBe('["A,1"," spaced ","","[x]"]')
    expect(parseList(formatList(items))).toEqual({ items })
    expect(parseList('[1, 2]')).toEqual({ error: expect.stringContaining('JSON array of strings') })
  })
})

import { LOCALES, type ReportData } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  CHILDREN_CODE,
  nationalFixture,
  ROUND_2023,
  ROUND_2025,
  regionalFixture,
  VICTIMS_CODE,
} from '../../../test/report-fixture.ts'
import { localize, translate } from '../../i18n/translate.ts'
import { composeNational } from './compose-national.ts'
import { composeRegional } from './compose-regional.ts'
import type { Block, ReportDocument, ReportTable } from './document.ts'
import { protectReport } from './report-disclosure.ts'

const compose = (data: ReportData, locale: (typeof LOCALES)[number], mode: 'internal' | 'public') =>
  data.kind === 'national' ? composeNational(data, locale, mode) : composeRegional(data, locale, mode)

function tables(doc: ReportDocument): ReportTable[] {
  return doc.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : b.type === 'chart' ? [b.table] : []))
}
function table(doc: ReportDocument, caption: string | RegExp): ReportTable {
  const found = tables(doc).find((t) => (typeof caption === 'string' ? t.caption === caption : caption.test(t.caption)))
  if (!found) throw new Error(`No table ${caption} in ${tables(doc).map((t) => t.caption)}`)
  return found
}
/** The cell of a table by the first column's value (and the second's, for round × status tables) and a column. */
function cell(t: ReportTable, row: string[], column: string): string {
  const col = t.columns.findIndex((c) => c.label === column)
  const found = t.rows.find((r) => row.every((v, i) => r[i] === v))
  if (col < 0 || !found) throw new Error(`No cell ${row}/${column} in ${t.caption}`)
  return found[col] as string
}
function charts(doc: ReportDocument) {
  return doc.blocks.filter((b): b is Extract<Block, { type: 'chart' }> => b.type === 'chart')
}
const SEX_TABLE = /^Persons identified .*: by sex$/
const AGE_TABLE = /^Persons identified .*: by age group$/
const SEXES = { female: 'Female', male: 'Male', other_unknown: 'Other or unknown' }
const STATUSES = { identified: 'Identified', presumed: 'Presumed' }

describe('composeNational', () => {
  it('shows the fixture numbers in the internal version, small counts included', () => {
    const data = nationalFixture()
    const doc = composeNational(data, 'en', 'internal')
    expect(doc.lang).toBe('en')
    expect(doc.cover.join('\n')).toContain('Internal version')
    const sex = table(doc, SEX_TABLE)
    for (const round of data.statistics.rounds)
      for (const [status, statusLabel] of Object.entries(STATUSES))
        for (const [sexCode, sexLabel] of Object.entries(SEXES)) {
          const figure = data.statistics.cells.find(
            (c) =>
              c.indicatorCode === VICTIMS_CODE &&
              c.roundId === round.id &&
              c.key === `sex=${sexCode};victim_status=${status}`,
          )
          expect(cell(sex, [round.name, statusLabel], sexLabel)).toBe(String(figure?.value))
        }
    expect(sex.note).toBeUndefined()
    const idn = table(doc, 'Indicators of the area Identification of victims')
    expect(cell(idn, [VICTIMS_CODE], 'Value')).toBe('50 persons')
    expect(cell(idn, ['IDN-1'], 'Value')).toBe('Level 3: Mostly applied')
    expect(cell(idn, ['IDN-1'], 'Indicator')).toContain('(red-flag indicator)')
    expect(cell(idn, ['IDN-2'], 'Value')).toBe('Partially')
    expect(cell(idn, ['IDN-1'], 'Score (0–100)')).toBe('75 · Confidence: High')
    const ast = table(doc, 'Indicators of the area Assistance and protection')
    expect(cell(ast, ['AST-1'], 'Value')).toBe('€125,000')
    expect(cell(ast, ['AST-2'], 'Value')).toBe('8.3% (3 of 36)')
    expect(cell(ast, [CHILDREN_CODE], 'Value')).toBe('7 children')
    expect(cell(ast, ['AST-4'], 'Value').length).toBeLessThan(300)
    expect(cell(ast, ['AST-4'], 'Value')).toMatch(/…$/)
    const coo = table(doc, 'Indicators of the area Coordination')
    expect(cell(coo, ['COO-1'], 'Value')).toBe(
      'No data: The action plan expired and no new one was adopted in the period.',
    )
    const facts = doc.blocks.flatMap((b) => (b.type === 'keyValues' ? b.items : []))
    expect(facts).toContainEqual({ label: 'Area score', value: '62.5 of 100' })
    expect(facts).toContainEqual({ label: 'Change since Round 2024', value: '+7.5 points' })
    expect(facts).toContainEqual({ label: 'Area score', value: '41.7 of 100' })
    expect(facts).toContainEqual({ label: 'Change since Round 2024', value: '-6.3 points' })
    const scores = charts(doc)[0]
    expect(scores?.spec.kind).toBe('bars')
    if (scores?.spec.kind === 'bars')
      expect(scores.spec.series.map((s) => s.values)).toEqual([
        [62.5, 41.7, 100],
        [55, 48, null],
      ])
  })

  it('follows the outline of the issue', () => {
    const doc = composeNational(nationalFixture(), 'en', 'internal')
    const headings = doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : []))
    expect(headings).toEqual([
      'Executive summary',
      'Method',
      'Results by area',
      'Conclusions',
      'Recommendations of this round',
      'Follow-up of earlier recommendations',
      'Statistics annex',
    ])
    expect(doc.blocks[0]).toEqual({ type: 'toc', title: 'Contents' })
    const text = JSON.stringify(doc.blocks)
    expect(text).toContain('version 2.1')
    expect(text).toContain('caps the area at 40')
    expect(text).toContain('counts of persons from 1 to 4 are shown as “<5”')
    const followUp = table(doc, 'Follow-up of earlier recommendations')
    expect(cell(followUp, ['Appoint a national coordinator.'], 'Status in this round')).toBe('Fully implemented')
    expect(text).toContain('Implementation rate of the recommendations followed up in this round: 50%')
    const recs = table(doc, 'Recommendations of this round')
    expect(recs.rows.map((r) => r[1])).toEqual(['Urgent', 'Necessary'])
    const ids = doc.blocks.flatMap((b) => (b.type === 'heading' ? [b.id] : []))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('withholds small counts in the public version, consistently across tables', () => {
    const data = nationalFixture()
    const doc = composeNational(data, 'en', 'public')
    expect(doc.cover.join('\n')).toContain('Public version')
    const sex = table(doc, SEX_TABLE)
    const age = table(doc, AGE_TABLE)
    expect(sex.note).toContain('shown as “<5”')
    for (const c of data.statistics.cells) {
      const parts = Object.fromEntries(c.key.split(';').map((p) => p.split('=')))
      if (c.indicatorCode !== VICTIMS_CODE || !parts.sex) continue
      const round = data.statistics.rounds.find((r) => r.id === c.roundId)?.name as string
      const status = STATUSES[parts.victim_status as keyof typeof STATUSES]
      const shown = cell(sex, [round, status], SEXES[parts.sex as keyof typeof SEXES])
      if (c.value > 0 && c.value < 5) expect(shown).toBe('<5')
      else expect([String(c.value), 'x']).toContain(shown)
    }
    // No small count appears anywhere in the statistics tables.
    for (const t of [sex, age, table(doc, /^Child victims.*: by sex$/)])
      for (const row of t.rows) for (const value of row.slice(1)) expect(['1', '2', '3', '4']).not.toContain(value)
    // A percentage computed from a small count is withheld too.
    const ast = table(doc, 'Indicators of the area Assistance and protection')
    expect(cell(ast, ['AST-2'], 'Value')).toBe('x')
    expect(ast.note).toBeDefined()
    // The indicator value and the annex total are the same figure: shown the same way in both.
    const idn = table(doc, 'Indicators of the area Identification of victims')
    const chart = charts(doc).find((c) => c.table.caption.includes('by victim status'))
    expect(cell(idn, [VICTIMS_CODE], 'Value')).toBe(
      `${cell(chart?.table as ReportTable, [ROUND_2025.name], 'Total')} persons`,
    )
    expect(protectReport(data, 'public', 5).withheld).toBe(true)
    expect(protectReport(data, 'internal', 5).withheld).toBe(false)
  })

  it('leaves internal evidence out of the public version only', () => {
    const internal = JSON.stringify(composeNational(nationalFixture(), 'en', 'internal'))
    expect(internal).toContain('Internal memo of the NRM office (file kept in the tool) (internal)')
    const pub = JSON.stringify(composeNational(nationalFixture(), 'en', 'public'))
    expect(pub).not.toContain('Internal memo')
    expect(pub).not.toContain('Visit notes')
    expect(pub).toContain('Law on police, art. 12')
  })

  it('composes in every locale with every label present', () => {
    for (const locale of LOCALES)
      for (const mode of ['internal', 'public'] as const)
        for (const data of [nationalFixture(), regionalFixture()]) {
          const doc = compose(data, locale, mode)
          expect(doc.lang).toBe(locale)
          expect(doc.blocks.length).toBeGreaterThan(10)
          const labels = [
            doc.title,
            ...doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : [])),
          ].join(' ')
          if (locale === 'sr-Cyrl') expect(labels).toMatch(/^[^A-Za-z]*$/)
          if (locale === 'sr-Latn') expect(labels).not.toMatch(/[\u0400-\u04FF]/)
        }
    expect(composeNational(nationalFixture(), 'sr-Latn', 'internal').subtitle).toBe('Srbija')
  })

  it('writes "not validated" and "not reported" rather than a figure', () => {
    const data = nationalFixture()
    const ind = data.areas[0]?.indicators[1]
    if (ind) ind.validated = false
    const ynp = data.areas[2]?.indicators[1]
    if (ynp) ynp.value = null
    const doc = composeNational(data, 'en', 'internal')
    expect(cell(table(doc, 'Indicators of the area Identification of victims'), ['IDN-2'], 'Value')).toBe(
      'Not validated',
    )
    expect(cell(table(doc, 'Indicators of the area Coordination'), ['COO-2'], 'Value')).toBe('Not reported')
  })
})

describe('composeRegional', () => {
  it('shows the fixture figures: heatmap, comparisons, statistics and implementation', () => {
    const data = regionalFixture()
    const doc = composeRegional(data, 'en', 'internal')
    const heatmap = charts(doc).find((c) => c.spec.kind === 'heatmap')
    expect(heatmap?.spec.kind === 'heatmap' && heatmap.spec.values).toEqual(
      data.countries.map((c) => c.areaScores.map((s) => s.score)),
    )
    const scores = table(doc, 'Area scores by country')
    expect(cell(scores, ['Serbia'], 'IDN Identification of victims')).toBe('62.5 (+7.5 points)')
    expect(cell(scores, ['Montenegro'], 'AST Assistance and protection')).toBe('Not scored')
    const side = table(doc, /: by country, Round 2025$/)
    expect(cell(side, ['Albania'], 'Identified')).toBe('71')
    expect(cell(side, ['Montenegro'], 'Presumed')).toBe('4')
    const impl = table(doc, 'Implementation of recommendations')
    expect(cell(impl, ['Albania'], 'Implementation rate')).toBe('62.5%')
    expect(cell(impl, ['Montenegro'], 'Implementation rate')).toBe('no rate')
    expect(charts(doc).filter((c) => c.table.caption.endsWith('scores by country'))).toHaveLength(3)
    expect(JSON.stringify(doc.blocks)).toContain('Harmonise victim statistics.')
  })

  it('draws a withheld count as a gap and shows "<5" in its table', () => {
    const data = regionalFixture()
    for (const c of data.statistics.cells)
      if (c.countryCode === 'ME' && c.roundId === ROUND_2023.id)
        c.value = c.key === 'total' ? 3 : c.key.endsWith('identified') ? 2 : 1
    const pub = composeRegional(data, 'en', 'public')
    const over = charts(pub).find((c) => c.spec.kind === 'lines')
    if (over?.spec.kind !== 'lines') throw new Error('no lines chart')
    const me = over.spec.series.find((s) => s.name === 'Montenegro')
    expect(me?.values[0]).toBeNull()
    expect(cell(over.table, [ROUND_2023.name], 'Montenegro')).toBe('<5')
    expect(over.altText).toContain('<5')
    expect(over.table.note).toBeDefined()
    const side = table(pub, /: by country, Round 2025$/)
    expect(cell(side, ['Montenegro'], 'Identified')).toBe('<5')
    const internal = composeRegional(data, 'en', 'internal')
    const shown = charts(internal).find((c) => c.spec.kind === 'lines')
    expect(shown?.spec.kind === 'lines' && shown.spec.series.find((s) => s.name === 'Montenegro')?.values[0]).toBe(3)
  })
})

describe('translate and localize', () => {
  it('throws on a missing key and formats ICU plurals', () => {
    expect(() => translate('en', 'documents:no.such.key')).toThrow(/documents:no.such.key/)
    expect(translate('en', 'documents:cover.countries', { count: 1, names: 'Serbia' })).toBe('1 country: Serbia')
    expect(translate('sr-Cyrl', 'documents:cover.countries', { count: 3, names: 'x' })).toBe('3 државе: x')
  })

  it('falls back from Serbian Latin to transliterated Cyrillic, then English, then any language', () => {
    expect(localize({ en: 'Serbia', 'sr-Cyrl': 'Србија' }, 'sr-Latn')).toBe('Srbija')
    expect(localize({ en: 'Serbia', 'sr-Latn': 'Srbija!' }, 'sr-Latn')).toBe('Srbija!')
    expect(localize({ en: 'Serbia' }, 'sr-Cyrl')).toBe('Serbia')
    expect(localize({ mk: 'Србија' }, 'en')).toBe('Србија')
    expect(localize({}, 'en')).toBe('')
  })
})

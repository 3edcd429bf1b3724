import type { LocalizedText, ReportIndicator, ReportMethod, ReportRoundRef, StatisticCell } from '@thbm/shared'

/** What the national and the regional report fixtures share: rounds, indicators, sources, victim counts, method. */

export const t = (en: string, cyrl?: string): LocalizedText => (cyrl ? { en, 'sr-Cyrl': cyrl } : { en })

export const ROUND_2023: ReportRoundRef = {
  id: 'round-2023',
  name: 'Round 2023',
  periodFrom: '2023-01-01',
  periodTo: '2023-12-31',
}

export const ROUND_2024: ReportRoundRef = {
  id: 'round-2024',
  name: 'Round 2024',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
}

export const ROUND_2025: ReportRoundRef = {
  id: 'round-2025',
  name: 'Round 2025',
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
}

export const ROUNDS = [ROUND_2023, ROUND_2024, ROUND_2025]

/** The main victims indicator: persons identified and presumed as victims. */
export const VICTIMS_CODE = 'IDN-3'
/** A small person count (child victims in specialised accommodation): its counts are mostly 1-4. */
export const CHILDREN_CODE = 'AST-3'

export type StatusCounts = { sex: number[]; age: number[] }
/** IDN-3 in Serbia: per round, identified and presumed, counts by sex (female, male, other) and age (5 groups). */
export const RS_VICTIMS: Record<string, { identified: StatusCounts; presumed: StatusCounts }> = {
  [ROUND_2023.id]: {
    identified: { sex: [21, 9, 2], age: [3, 6, 10, 12, 1] },
    presumed: { sex: [8, 3, 0], age: [1, 2, 4, 4, 0] },
  },
  [ROUND_2024.id]: {
    identified: { sex: [25, 11, 1], age: [2, 7, 12, 14, 2] },
    presumed: { sex: [12, 4, 0], age: [0, 3, 6, 7, 0] },
  },
  [ROUND_2025.id]: {
    identified: { sex: [19, 14, 3], age: [4, 5, 11, 15, 1] },
    presumed: { sex: [9, 4, 1], age: [1, 2, 5, 6, 0] },
  },
}

export const SEXES = ['female', 'male', 'other_unknown']
const AGES = ['age_0_13', 'age_14_17', 'age_18_24', 'age_25_plus', 'unknown']
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

export function cell(
  countryCode: string,
  roundId: string,
  indicatorCode: string,
  key: string,
  value: number,
): StatisticCell {
  return { id: `${countryCode}|${roundId}|${indicatorCode}|${key}`, indicatorCode, countryCode, roundId, key, value }
}

/** Every cell of the victims indicator for one country and round, consistent (parts add up to totals). */
export function victimCells(
  country: string,
  roundId: string,
  data: { identified: StatusCounts; presumed: StatusCounts },
) {
  const cells: StatisticCell[] = []
  let total = 0
  for (const status of ['identified', 'presumed'] as const) {
    const counts = data[status]
    total += sum(counts.sex)
    cells.push(cell(country, roundId, VICTIMS_CODE, `victim_status=${status}`, sum(counts.sex)))
    for (const [i, s] of SEXES.entries())
      cells.push(cell(country, roundId, VICTIMS_CODE, `sex=${s};victim_status=${status}`, counts.sex[i] ?? 0))
    for (const [i, a] of AGES.entries())
      cells.push(cell(country, roundId, VICTIMS_CODE, `age_group=${a};victim_status=${status}`, counts.age[i] ?? 0))
  }
  cells.push(cell(country, roundId, VICTIMS_CODE, 'total', total))
  return cells
}

export const VICTIMS_TITLE = t(
  'Persons identified or presumed as victims of trafficking',
  'Лица идентификована или претпостављена као жртве трговине људима',
)

export const CHILDREN_TITLE = t(
  'Child victims placed in specialised accommodation',
  'Деца жртве смештена у специјализовани смештај',
)

const rubricLevels = [
  t('No mechanism', 'Нема механизма'),
  t('On paper only', 'Само на папиру'),
  t('Partly applied', 'Делимично примењен'),
  t('Mostly applied', 'Углавном примењен'),
  t('Fully applied', 'Потпуно примењен'),
]

export const ynp = {
  yes: t('Yes', 'Да'),
  partial: t('Partially', 'Делимично'),
  no: t('No', 'Не'),
}

export const NO_VALUE = { choice: null, number: null, numerator: null, denominator: null, text: null }
export const MUP = { organisation: 'Ministry of Interior', organisationType: 'government' }
export const CENTER = { organisation: 'Центар за заштиту жртава трговине људима', organisationType: 'government' }
export const ASTRA = { organisation: 'ASTRA', organisationType: 'ngo' }
export const ATINA = { organisation: 'Атина', organisationType: 'ngo' }

export function indicator(code: string, overrides: Partial<ReportIndicator>): ReportIndicator {
  return {
    code,
    areaCode: code.split('-')[0] as string,
    title: t(`Indicator ${code}`),
    measurement: { type: 'rubric', levels: rubricLevels },
    isRedFlag: false,
    weight: 1,
    personCount: false,
    validated: true,
    noData: false,
    noDataReason: null,
    value: { ...NO_VALUE },
    score: null,
    normalisedScore: null,
    confidence: 'medium',
    dataGaps: null,
    justification: null,
    sources: [MUP],
    evidence: [],
    ...overrides,
  }
}

export function method(overrides: Partial<ReportMethod> = {}): ReportMethod {
  return {
    frameworkLabel: '2.1',
    frameworkName: t('Western Balkans THB Handbook', 'Приручник за праћење трговине људима'),
    focusTopic: 'identification',
    focusLabel: {},
    redFlagCeiling: 40,
    disclosureThreshold: 5,
    sourcesConsulted: [MUP, CENTER, ASTRA, ATINA],
    dataGaps: [
      { indicatorCode: 'COO-1', text: 'No budget report was published.' },
      { indicatorCode: 'AST-2', text: 'Legal aid is recorded by NGOs only.' },
    ],
    ...overrides,
  }
}

import type { RegionalReportData, ReportStatistics, StatisticCell } from '@thbm/shared'
import {
  ASTRA,
  cell,
  MUP,
  method,
  ROUND_2025,
  ROUNDS,
  RS_VICTIMS,
  type StatusCounts,
  t,
  VICTIMS_CODE,
  VICTIMS_TITLE,
  victimCells,
} from './report-fixture-common.ts'

/** Victims totals (identified, presumed) per round for the other countries; several small counts. */
const REGION_VICTIMS: Record<string, [number, number][]> = {
  ME: [
    [3, 2],
    [6, 1],
    [4, 4],
  ],
  AL: [
    [58, 17],
    [64, 22],
    [71, 19],
  ],
}

function regionalStatistics(): ReportStatistics {
  const cells: StatisticCell[] = ROUNDS.flatMap((r) =>
    victimCells('RS', r.id, RS_VICTIMS[r.id] as { identified: StatusCounts; presumed: StatusCounts }),
  )
  for (const [country, perRound] of Object.entries(REGION_VICTIMS)) {
    ROUNDS.forEach((r, i) => {
      const [identified, presumed] = perRound[i] as [number, number]
      cells.push(
        cell(country, r.id, VICTIMS_CODE, 'total', identified + presumed),
        cell(country, r.id, VICTIMS_CODE, 'victim_status=identified', identified),
        cell(country, r.id, VICTIMS_CODE, 'victim_status=presumed', presumed),
      )
    })
  }
  return {
    indicators: [{ code: VICTIMS_CODE, title: VICTIMS_TITLE, dimensions: [] }],
    rounds: ROUNDS,
    cells,
  }
}

/** A regional report for round 2025: Serbia, Montenegro (small counts) and Albania. */
export function regionalFixture(overrides: Partial<RegionalReportData> = {}): RegionalReportData {
  return {
    kind: 'regional',
    generatedAt: '2025-07-15T09:00:00.000Z',
    round: { ...ROUND_2025, status: 'published' },
    summaryHtml: '<p>The region made uneven progress; <strong>assistance</strong> lags behind identification.</p>',
    conclusionHtml:
      '<p>Regional conclusions.</p><ol><li>Harmonise victim statistics.</li><li>Ускладити статистику о жртвама.</li></ol>',
    method: method({ sourcesConsulted: [MUP, ASTRA], dataGaps: [] }),
    areas: [
      {
        code: 'IDN',
        title: t('Identification of victims', 'Идентификација жртава'),
        findingHtml: '<p>Identification improves everywhere.</p>',
      },
      {
        code: 'AST',
        title: t('Assistance and protection', 'Помоћ и заштита'),
        findingHtml: '<p>Помоћ је неуједначена.</p>',
      },
      {
        code: 'COO',
        title: t('Coordination', 'Координација'),
        findingHtml: '<p>Coordination bodies exist in all countries.</p>',
      },
    ],
    countries: [
      {
        code: 'RS',
        names: t('Serbia', 'Србија'),
        areaScores: [
          { areaCode: 'IDN', score: 62.5, previousScore: 55 },
          { areaCode: 'AST', score: 41.7, previousScore: 48 },
          { areaCode: 'COO', score: 100, previousScore: null },
        ],
        implementationRate: 50,
        followedUp: 3,
      },
      {
        code: 'ME',
        names: t('Montenegro', 'Црна Гора'),
        areaScores: [
          { areaCode: 'IDN', score: 40, previousScore: 35 },
          { areaCode: 'AST', score: null, previousScore: 30 },
          { areaCode: 'COO', score: 75, previousScore: 75 },
        ],
        implementationRate: null,
        followedUp: 0,
      },
      {
        code: 'AL',
        names: t('Albania', 'Албанија'),
        areaScores: [
          { areaCode: 'IDN', score: 70, previousScore: 65.5 },
          { areaCode: 'AST', score: 58.3, previousScore: 50 },
          { areaCode: 'COO', score: 87.5, previousScore: 80 },
        ],
        implementationRate: 62.5,
        followedUp: 4,
      },
    ],
    statistics: regionalStatistics(),
    ...overrides,
  }
}

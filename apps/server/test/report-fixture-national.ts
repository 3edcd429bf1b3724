import type { NationalReportData, ReportArea, ReportStatistics } from '@thbm/shared'
import {
  ASTRA,
  ATINA,
  CENTER,
  CHILDREN_CODE,
  CHILDREN_TITLE,
  cell,
  indicator,
  MUP,
  method,
  NO_VALUE,
  ROUND_2023,
  ROUND_2024,
  ROUND_2025,
  ROUNDS,
  RS_VICTIMS,
  SEXES,
  type StatusCounts,
  sum,
  t,
  VICTIMS_CODE,
  VICTIMS_TITLE,
  victimCells,
  ynp,
} from './report-fixture-common.ts'

/** AST-3 in Serbia per round: children by sex (female, male, other). */
const RS_CHILDREN: Record<string, number[]> = {
  [ROUND_2023.id]: [3, 1, 0],
  [ROUND_2024.id]: [5, 2, 0],
  [ROUND_2025.id]: [4, 3, 0],
}

function childrenCells(country: string, roundId: string, sex: number[]) {
  return [
    cell(country, roundId, CHILDREN_CODE, 'total', sum(sex)),
    ...SEXES.map((s, i) => cell(country, roundId, CHILDREN_CODE, `sex=${s}`, sex[i] ?? 0)),
  ]
}

function nationalStatistics(): ReportStatistics {
  return {
    indicators: [
      { code: VICTIMS_CODE, title: VICTIMS_TITLE, dimensions: ['sex', 'age_group'] },
      { code: CHILDREN_CODE, title: CHILDREN_TITLE, dimensions: ['sex'] },
    ],
    rounds: ROUNDS,
    cells: ROUNDS.flatMap((r) => [
      ...victimCells('RS', r.id, RS_VICTIMS[r.id] as { identified: StatusCounts; presumed: StatusCounts }),
      ...childrenCells('RS', r.id, RS_CHILDREN[r.id] as number[]),
    ]),
  }
}

function nationalAreas(): ReportArea[] {
  return [
    {
      code: 'IDN',
      title: t('Identification of victims', 'Идентификација жртава'),
      score: 62.5,
      previousScore: 55,
      previousRound: ROUND_2024,
      scoredCount: 2,
      excludedCount: 0,
      notScoredCount: 1,
      cappedBy: null,
      findingHtml:
        '<p>Identification improved, but <strong>labour exploitation</strong> is still rarely detected.</p><ul><li>Mobile teams work in two cities.</li></ul>',
      indicators: [
        indicator('IDN-1', {
          title: t('National referral mechanism in place', 'Национални механизам упућивања успостављен'),
          isRedFlag: true,
          weight: 2,
          value: { ...NO_VALUE, choice: '3' },
          score: 3,
          normalisedScore: 75,
          confidence: 'high',
          justification: 'The NRM is defined by law and applied in most regions.',
          sources: [MUP, CENTER, ASTRA],
          evidence: [
            {
              title: 'Law on police, art. 12',
              url: 'https://example.org/law',
              citation: null,
              isFile: false,
              internal: false,
            },
            {
              title: 'Internal memo of the NRM office',
              url: null,
              citation: null,
              isFile: true,
              internal: true,
            },
          ],
        }),
        indicator('IDN-2', {
          title: t('Indicators for labour exploitation used by labour inspectors', 'Индикатори радне експлоатације'),
          measurement: { type: 'yes_partial_no', descriptors: ynp },
          value: { ...NO_VALUE, choice: 'partial' },
          score: 1,
          normalisedScore: 50,
          sources: [ATINA],
          evidence: [
            {
              title: 'Annual report of the Labour Inspectorate',
              url: null,
              citation: 'Inspectorate report 2025, p. 14',
              isFile: false,
              internal: false,
            },
          ],
        }),
        indicator(VICTIMS_CODE, {
          title: VICTIMS_TITLE,
          measurement: { type: 'count', unit: t('persons', 'лица') },
          personCount: true,
          value: { ...NO_VALUE, number: 50 },
          sources: [MUP, CENTER],
          evidence: [
            {
              title: 'Centre statistics 2025',
              url: 'https://example.org/stats',
              citation: null,
              isFile: false,
              internal: false,
            },
          ],
        }),
      ],
    },
    {
      code: 'AST',
      title: t('Assistance and protection', 'Помоћ и заштита'),
      score: 41.7,
      previousScore: 48,
      previousRound: ROUND_2024,
      scoredCount: 2,
      excludedCount: 0,
      notScoredCount: 2,
      cappedBy: null,
      findingHtml: '<p>Смештај за децу жртве и даље недостаје; <em>финансирање</em> зависи од донатора.</p>',
      indicators: [
        indicator('AST-1', {
          title: t('State budget for victim assistance', 'Буџет за помоћ жртвама'),
          measurement: { type: 'amount', currency: 'EUR' },
          value: { ...NO_VALUE, number: 125000 },
          sources: [MUP],
        }),
        indicator('AST-2', {
          title: t('Share of identified victims who received legal aid', 'Удео жртава које су добиле правну помоћ'),
          measurement: {
            type: 'percentage',
            targetBands: [
              { from: 0, to: 50, score: 0 },
              { from: 50, to: 101, score: 100 },
            ],
          },
          value: { ...NO_VALUE, numerator: 3, denominator: 36 },
          score: 0,
          normalisedScore: 0,
          sources: [ASTRA, ATINA],
        }),
        indicator(CHILDREN_CODE, {
          title: CHILDREN_TITLE,
          measurement: { type: 'count', unit: t('children', 'деце') },
          personCount: true,
          value: { ...NO_VALUE, number: 7 },
          sources: [CENTER],
        }),
        indicator('AST-4', {
          title: t('Description of the reintegration programme', 'Опис програма реинтеграције'),
          measurement: { type: 'text' },
          value: {
            ...NO_VALUE,
            text: 'The programme offers vocational training, housing support for up to twelve months and psychological counselling through licensed NGOs. '.repeat(
              4,
            ),
          },
          sources: [ATINA],
        }),
        indicator('AST-5', {
          title: t('Shelters meet minimum standards', 'Склоништа испуњавају минималне стандарде'),
          value: { ...NO_VALUE, choice: '2' },
          score: 2,
          normalisedScore: 50,
          confidence: 'low',
          evidence: [
            { title: 'Visit notes <script>alert(1)</script>', url: null, citation: null, isFile: true, internal: true },
          ],
        }),
      ],
    },
    {
      code: 'COO',
      title: t('Coordination', 'Координација'),
      score: 100,
      previousScore: null,
      previousRound: null,
      scoredCount: 1,
      excludedCount: 1,
      notScoredCount: 0,
      cappedBy: null,
      findingHtml: '<p>The national coordinator meets the working group every quarter.</p>',
      indicators: [
        indicator('COO-1', {
          title: t('National action plan adopted and funded', 'Национални акциони план усвојен и финансиран'),
          noData: true,
          noDataReason: 'The action plan expired and no new one was adopted in the period.',
          value: null,
          confidence: null,
          dataGaps: 'No budget report was published.',
        }),
        indicator('COO-2', {
          title: t('National coordinator appointed', 'Именован национални координатор'),
          measurement: { type: 'yes_partial_no', descriptors: ynp },
          value: { ...NO_VALUE, choice: 'yes' },
          score: 2,
          normalisedScore: 100,
          confidence: 'high',
        }),
      ],
    },
  ]
}

/** A national report for Serbia, round 2025, with two earlier rounds. */
export function nationalFixture(overrides: Partial<NationalReportData> = {}): NationalReportData {
  return {
    kind: 'national',
    generatedAt: '2025-06-30T10:00:00.000Z',
    round: { ...ROUND_2025, status: 'published' },
    country: { code: 'RS', names: t('Serbia', 'Србија') },
    summaryHtml:
      '<p>Serbia made progress in <strong>identification</strong>; assistance remains underfunded.</p><p>Србија је напредовала у идентификацији жртава.</p>',
    conclusionHtml: '<p>The authorities should fund child accommodation and train labour inspectors.</p>',
    method: method(),
    areas: nationalAreas(),
    newRecommendations: [
      {
        id: 'rec-new-1',
        text: 'Fund specialised accommodation for child victims from the state budget.',
        priority: 'urgent',
        source: 'monitoring',
        institutions: ['Ministry of Labour', 'Министарство финансија'],
        areaCodes: ['AST'],
        issuedRound: ROUND_2025,
        status: null,
        statusComment: null,
      },
      {
        id: 'rec-new-2',
        text: 'Обучити инспекторе рада за препознавање радне експлоатације.',
        priority: 'necessary',
        source: 'greta',
        institutions: ['Labour Inspectorate'],
        areaCodes: ['IDN'],
        issuedRound: ROUND_2025,
        status: null,
        statusComment: null,
      },
    ],
    followUps: [
      {
        id: 'rec-old-1',
        text: 'Appoint a national coordinator.',
        priority: 'urgent',
        source: 'monitoring',
        institutions: ['Government'],
        areaCodes: ['COO'],
        issuedRound: ROUND_2023,
        status: 'fully_implemented',
        statusComment: 'Appointed in March 2024.',
      },
      {
        id: 'rec-old-2',
        text: 'Extend mobile identification teams to all regions.',
        priority: 'necessary',
        source: 'national_rapporteur',
        institutions: ['Ministry of Interior'],
        areaCodes: ['IDN'],
        issuedRound: ROUND_2024,
        status: 'partially_implemented',
        statusComment: 'Two of five regions covered.',
      },
      {
        id: 'rec-old-3',
        text: 'Publish annual statistics on compensation.',
        priority: 'encouraged',
        source: 'other',
        institutions: [],
        areaCodes: [],
        issuedRound: ROUND_2024,
        status: 'not_implemented',
        statusComment: null,
      },
    ],
    statistics: nationalStatistics(),
    ...overrides,
  }
}

import type {
  LocalizedText,
  NationalReportData,
  RegionalReportData,
  ReportArea,
  ReportIndicator,
  ReportMethod,
  ReportRoundRef,
  ReportStatistics,
  StatisticCell,
} from '@thbm/shared'

/**
 * Realistic report data for renderer and composer tests: three rounds, three areas, every measurement type, person
 * counts broken down by sex, age group and victim status with some small counts (1-4), internal evidence,
 * recommendations new and followed up, and Serbian Cyrillic texts.
 */

const t = (en: string, cyrl?: string): LocalizedText => (cyrl ? { en, 'sr-Cyrl': cyrl } : { en })

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
const ROUNDS = [ROUND_2023, ROUND_2024, ROUND_2025]

/** The main victims indicator: persons identified and presumed as victims. */
export const VICTIMS_CODE = 'IDN-3'
/** A small person count (child victims in specialised accommodation): its counts are mostly 1-4. */
export const CHILDREN_CODE = 'AST-3'

type StatusCounts = { sex: number[]; age: number[] }
/** IDN-3 in Serbia: per round, identified and presumed, counts by sex (female, male, other) and age (5 groups). */
const RS_VICTIMS: Record<string, { identified: StatusCounts; presumed: StatusCounts }> = {
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
const SEXES = ['female', 'male', 'other_unknown']
const AGES = ['age_0_13', 'age_14_17', 'age_18_24', 'age_25_plus', 'unknown']
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

function cell(countryCode: string, roundId: string, indicatorCode: string, key: string, value: number): StatisticCell {
  return { id: `${countryCode}|${roundId}|${indicatorCode}|${key}`, indicatorCode, countryCode, roundId, key, value }
}

/** Every cell of the victims indicator for one country and round, consistent (parts add up to totals). */
function victimCells(country: string, roundId: string, data: { identified: StatusCounts; presumed: StatusCounts }) {
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

const VICTIMS_TITLE = t(
  'Persons identified or presumed as victims of trafficking',
  'Лица идентификована или претпостављена као жртве трговине људима',
)
const CHILDREN_TITLE = t(
  'Child victims placed in specialised accommodation',
  'Деца жртве смештена у специјализовани смештај',
)

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

const rubricLevels = [
  t('No mechanism', 'Нема механизма'),
  t('On paper only', 'Само на папиру'),
  t('Partly applied', 'Делимично примењен'),
  t('Mostly applied', 'Углавном примењен'),
  t('Fully applied', 'Потпуно примењен'),
]
const ynp = {
  yes: t('Yes', 'Да'),
  partial: t('Partially', 'Делимично'),
  no: t('No', 'Не'),
}
const NO_VALUE = { choice: null, number: null, numerator: null, denominator: null, text: null }
const MUP = { organisation: 'Ministry of Interior', organisationType: 'government' }
const CENTER = { organisation: 'Центар за заштиту жртава трговине људима', organisationType: 'government' }
const ASTRA = { organisation: 'ASTRA', organisationType: 'ngo' }
const ATINA = { organisation: 'Атина', organisationType: 'ngo' }

function indicator(code: string, overrides: Partial<ReportIndicator>): ReportIndicator {
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

function method(overrides: Partial<ReportMethod> = {}): ReportMethod {
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

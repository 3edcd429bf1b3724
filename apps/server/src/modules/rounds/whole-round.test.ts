import {
  type Answer,
  CHOICES,
  checkAnswer,
  dimensionsOf,
  formatCellKey,
  type Indicator,
  type IndicatorWork,
  type MyWork,
  type Progress,
  type Round,
  type SaveAnswerBody,
  SaveAnswerBodySchema,
  type TemplateImportResult,
  type VersionDetail,
} from '@thbm/shared'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AuditRow, auditRowsAfter, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, type BuiltOrganisation, type BuiltUser, buildOrganisation } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { columnOf, TEMPLATE_SHEETS } from '../templates/template-layout.ts'
import { uploadTemplate } from '../templates/template-test-support.ts'

/**
 * Issue #4, "done when": a whole round is run through the API for two countries on the real default Handbook, from
 * planning to every selected indicator submitted by two sources, once through the answer forms (RS) and once through
 * the XLSX template (AL), with evidence files. The steps build on each other and run in order.
 */

type SignedIn = BuiltUser & { cookie: string }
interface Source {
  org: BuiltOrganisation
  provider: SignedIn
}
interface CountryTeam {
  code: string
  lead: SignedIn
  expert: SignedIn
  /** A government institution and an NGO, in that order. */
  sources: Source[]
}

let t: TestApp
let coordinator: SignedIn
let version: VersionDetail
let byCode: Map<string, Indicator>
let round: Round
/** Every indicator of the round's country lists (the same for both countries: neither has an adaptation). */
let codes: string[]
const teams: Record<'RS' | 'AL', CountryTeam> = {} as Record<'RS' | 'AL', CountryTeam>

const FOCUS = 'labour_exploitation'
/** About 150 requests per country: allow for PostgreSQL on a loaded machine (about 10 s each on idle SQLite). */
const SLOW = 120_000

function send(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}
const countryUrl = (country: string) => `/api/rounds/${round.id}/countries/${country}`
const answerUrl = (country: string, code: string, orgId: string) =>
  `${countryUrl(country)}/indicators/${code}/answers/${orgId}`

/** A small but well-formed one-page PDF (with a correct cross-reference table), as a real evidence file would be. */
function pdfBytes(title: string): Buffer {
  const content = `BT /F1 14 Tf 72 770 Td (${title}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

type EvidenceFile = NonNullable<Answer['evidence'][number]['file']>

/** Uploads an evidence file for a country through POST /api/files (the country field comes before the file). */
async function uploadEvidence(cookie: string, country: string, name: string): Promise<EvidenceFile> {
  const boundary = `----thbm${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="country"\r\n\r\n${country}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdfBytes(name),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  })
  expect(res.statusCode, res.body).toBe(201)
  expect(res.json().data).toMatchObject({ name, mediaType: 'application/pdf' })
  return res.json().data
}

/** Splits a total into n whole parts that add up to it exactly. */
const split = (total: number, n: number) =>
  Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0))

/** One-way breakdown cells of a total along every dimension but the victim status (which `fixed` may pin). */
function oneWayCells(ind: Indicator, total: number, fixed: Record<string, string> = {}) {
  return [...dimensionsOf(ind)]
    .filter(([dim]) => dim !== 'victim_status')
    .flatMap(([dim, categories]) =>
      split(total, categories.length).map((value, i) => ({
        key: formatCellKey({ ...fixed, [dim]: categories[i] as string }),
        value,
      })),
    )
}

type Generated = Pick<SaveAnswerBody, 'value' | 'cells' | 'narrative'>

/**
 * A complete, consistent answer for an indicator from its definition: a rubric level or yes/partial/no; a count with
 * every breakdown cell adding up to its total (identified and presumed victims apart, never one total); a percentage
 * with numerator <= denominator (its breakdown splits the denominator); an amount; text. `seed` varies the values.
 */
function generatedAnswer(ind: Indicator, seed: number): Generated {
  const value = { choice: null, number: null, numerator: null, denominator: null, text: null }
  const narrative = `Figures for ${ind.code} from the source's own records for the reference year.`
  const m = ind.measurement
  switch (m.type) {
    case 'rubric':
      return { value: { ...value, choice: String(seed % 5) }, cells: [], narrative }
    case 'yes_partial_no':
      return { value: { ...value, choice: CHOICES.yes_partial_no[seed % 3] as string }, cells: [], narrative }
    case 'text':
      return { value: { ...value, text: `Described for ${ind.code}.` }, cells: [], narrative }
    case 'amount':
      return { value: { ...value, number: 25_000 + seed * 750 }, cells: [], narrative }
    case 'percentage': {
      const denominator = 40 + (seed % 17)
      const numerator = Math.floor(denominator * 0.6)
      return { value: { ...value, numerator, denominator }, cells: oneWayCells(ind, denominator), narrative }
    }
    case 'count': {
      const total = 20 + (seed % 13) * 3
      if (!dimensionsOf(ind).has('victim_status'))
        return { value: { ...value, number: total }, cells: oneWayCells(ind, total), narrative }
      const cells = (
        [
          ['identified', total],
          ['presumed', total + 9],
        ] as const
      ).flatMap(([status, n]) => [
        { key: formatCellKey({ victim_status: status }), value: n },
        ...oneWayCells(ind, n, { victim_status: status }),
      ])
      return { value, cells, narrative }
    }
  }
}

const generatedCache = new Map<string, Generated>()

/** The generated answer of a source (0 or 1) for an indicator, checked here as complete with nothing to flag. */
function answerOf(code: string, sourceIndex: number): Generated {
  const cached = generatedCache.get(`${code}/${sourceIndex}`)
  if (cached) return cached
  const ind = byCode.get(code) as Indicator
  const generated = generatedAnswer(ind, codes.indexOf(code) * 2 + sourceIndex + 1)
  const body = SaveAnswerBodySchema.parse({ version: 0, ...generated })
  expect(checkAnswer(ind, body, { complete: true, previous: null, changeThreshold: 0.5 }), code).toEqual([])
  generatedCache.set(`${code}/${sourceIndex}`, generated)
  return generated
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** The shape of an indicator's answer (measurement, kinds of breakdown), to cover each shape at least once. */
const shapeOf = (ind: Indicator) => {
  const dims = dimensionsOf(ind)
  return [
    ind.measurement.type,
    ind.disaggregations.some((d) => d !== 'victim_status'),
    ind.customDimensions.length > 0,
    dims.has('victim_status'),
  ].join('|')
}

async function progressOf(country: string, cookie: string): Promise<Progress> {
  const res = await send('GET', `${countryUrl(country)}/progress`, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data
}

/** Asserts the progress board shows every indicator submitted by both sources: 100 %, in every area. */
async function expectAllSubmitted(team: CountryTeam) {
  for (const cookie of [team.lead.cookie, coordinator.cookie]) {
    const progress = await progressOf(team.code, cookie)
    expect(progress.indicators.map((r) => [r.code, r.status, r.sources.map((s) => s.status).sort()])).toEqual(
      codes.map((c) => [c, 'submitted', ['submitted', 'submitted']]),
    )
    expect(progress.completeness).toBe(1)
    expect(progress.late).toBe(0)
    expect(progress.areas.map((a) => [a.area, a.completeness, a.byStatus])).toEqual(
      progress.areas.map((a) => [a.area, 1, { submitted: a.total }]),
    )
  }
}

async function myWork(cookie: string): Promise<MyWork> {
  const res = await send('GET', '/api/me/work', cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data
}

/** How many items have each key. */
function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1
  return out
}

/** Audit actions counted, for comparing a step's whole audit trail at once. */
const tally = (rows: AuditRow[]) => countBy(rows, (r) => r.action)

async function buildTeam(code: 'RS' | 'AL'): Promise<CountryTeam> {
  const gov = await buildOrganisation(t.db, {
    countryCode: code,
    type: 'government',
    name: `Labour Inspectorate ${code}`,
  })
  const ngo = await buildOrganisation(t.db, { countryCode: code, type: 'ngo', name: `Shelter NGO ${code}` })
  return {
    code,
    lead: await asUser(t.app, 'country_lead', code),
    expert: await asUser(t.app, 'expert', code),
    sources: [
      { org: gov, provider: await asUser(t.app, 'data_provider', code, { organisationId: gov.id }) },
      { org: ngo, provider: await asUser(t.app, 'data_provider', code, { organisationId: ngo.id }) },
    ],
  }
}

/** The country lead assigns every indicator to both sources (named people) and the expert, with due dates. */
async function assignEverything(team: CountryTeam) {
  const seq = await lastAuditSeq(t.db)
  const today = Date.now()
  const dueDates = [30, 45].map((days) => new Date(today + days * 86_400_000).toISOString().slice(0, 10))
  for (const [i, code] of codes.entries()) {
    const res = await send('PUT', `${countryUrl(team.code)}/assignments/${code}`, team.lead.cookie, {
      version: 0,
      expertId: team.expert.id,
      providers: team.sources.map((s) => ({ organisationId: s.org.id, userId: s.provider.id })),
      dueOn: dueDates[i % 2],
    })
    expect(res.statusCode, `${code}: ${res.body}`).toBe(200)
  }
  const progress = await progressOf(team.code, team.lead.cookie)
  expect(progress.indicators.map((r) => [r.code, r.status, r.assignment?.expert?.id, r.assignment?.providers])).toEqual(
    codes.map((c) => [
      c,
      'not_started',
      team.expert.id,
      expect.arrayContaining(team.sources.map((s) => expect.objectContaining({ organisationId: s.org.id }))),
    ]),
  )
  expect(progress.completeness).toBe(0)
  // Everyone sees the work waiting for them.
  const expertWork = await myWork(team.expert.cookie)
  expect(
    expertWork.items
      .filter((w) => w.as === 'expert')
      .map((w) => w.indicatorCode)
      .sort(),
  ).toEqual([...codes].sort())
  for (const s of team.sources) {
    const work = await myWork(s.provider.cookie)
    expect(work.items.map((w) => [w.indicatorCode, w.as, w.organisation?.id, w.status]).sort()).toEqual(
      [...codes].sort().map((c) => [c, 'provider', s.org.id, 'not_started']),
    )
  }
  const audit = await auditRowsAfter(t.db, seq)
  expect(tally(audit)).toEqual({ 'assignment.updated': codes.length })
  expect(audit.every((a) => a.actorId === team.lead.id && a.countryCode === team.code)).toBe(true)
}

/** Submits one answer with the version it has now (read through the indicator page, as the form does). */
async function submitAnswer(team: CountryTeam, code: string, source: Source, versionNow: number) {
  const res = await send('POST', `${answerUrl(team.code, code, source.org.id)}/submit`, source.provider.cookie, {
    version: versionNow,
  })
  expect(res.statusCode, `${code} ${source.org.name}: ${res.body}`).toBe(200)
  const answer = res.json().data as Answer
  expect(answer).toMatchObject({ status: 'submitted', version: versionNow + 1 })
  return answer
}

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  coordinator = await asUser(t.app, 'regional_coordinator')
  teams.RS = await buildTeam('RS')
  teams.AL = await buildTeam('AL')
  const frameworks = (await send('GET', '/api/frameworks', coordinator.cookie)).json().data
  const res = await send('GET', `/api/framework-versions/${frameworks[0].versions[0].id}`, coordinator.cookie)
  expect(res.statusCode, res.body).toBe(200)
  version = res.json().data
  expect(version.status).toBe('published')
  byCode = new Map(version.indicators.map((i) => [i.code, i]))
})
afterAll(() => t?.close())

describe('a whole monitoring round on the default Handbook', () => {
  it('is planned with a thematic focus for two countries and moved to collection', async () => {
    const core = version.indicators.filter((i) => i.core)
    const focus = version.indicators.filter((i) => !i.core && i.topics.includes(FOCUS))
    // Manual additions: one indicator of each answer shape the core and focus indicators leave out.
    const shapes = new Set([...core, ...focus].map(shapeOf))
    const manual: string[] = []
    for (const ind of version.indicators) {
      if (ind.core || ind.topics.includes(FOCUS) || shapes.has(shapeOf(ind))) continue
      shapes.add(shapeOf(ind))
      manual.push(ind.code)
    }
    expect(manual.length).toBeGreaterThan(0)

    const seq = await lastAuditSeq(t.db)
    const created = await send('POST', '/api/rounds', coordinator.cookie, {
      name: 'Monitoring 2025: labour exploitation',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      frameworkVersionId: version.id,
      countries: ['RS', 'AL'],
      focus: FOCUS,
      manualIndicators: manual,
      milestones: { collectionClosesOn: '2026-03-31', reviewClosesOn: '2026-05-31', publicationOn: '2026-06-30' },
    })
    expect(created.statusCode, created.body).toBe(201)
    round = created.json().data
    const expected = core.length + focus.length + manual.length
    expect(round.countries).toEqual([
      { code: 'AL', indicatorCount: expected },
      { code: 'RS', indicatorCount: expected },
    ])

    const moved = await send('POST', `/api/rounds/${round.id}/transition`, coordinator.cookie, {
      to: 'collecting',
      version: round.version,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().data.status).toBe('collecting')

    const [rs, al] = [await progressOf('RS', coordinator.cookie), await progressOf('AL', coordinator.cookie)]
    expect(countBy(rs.indicators, (r) => r.reason)).toEqual({
      core: core.length,
      focus: focus.length,
      manual: manual.length,
    })
    codes = rs.indicators.map((r) => r.code)
    const selected = [...core, ...focus].map((i) => i.code).concat(manual)
    expect([...codes].sort()).toEqual(selected.sort())
    expect(al.indicators.map((r) => [r.code, r.reason])).toEqual(rs.indicators.map((r) => [r.code, r.reason]))
    const audit = await auditRowsAfter(t.db, seq)
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['round.created', coordinator.id],
      ['round.statusChanged', coordinator.id],
    ])
  })

  it('is answered for RS through the answer forms, with evidence files, and every answer submitted', {
    timeout: SLOW,
  }, async () => {
    const team = teams.RS
    const ngo = team.sources[1] as Source
    await assignEverything(team)

    const seq = await lastAuditSeq(t.db)
    const versions = new Map<string, number>()
    for (const [s, source] of team.sources.entries()) {
      const file = await uploadEvidence(source.provider.cookie, team.code, `${source.org.name} annual report.pdf`)
      for (const code of codes) {
        const generated = answerOf(code, s)
        const res = await send('PUT', answerUrl(team.code, code, source.org.id), source.provider.cookie, {
          version: 0,
          ...generated,
          evidence: [{ kind: 'file', title: 'Annual report 2025', fileId: file.id }],
        })
        expect(res.statusCode, `${code} ${source.org.name}: ${res.body}`).toBe(200)
        const answer = res.json().data as Answer
        expect(answer).toMatchObject({ status: 'draft', value: generated.value, checks: [] })
        expect([...answer.cells].sort(byKey)).toEqual([...generated.cells].sort(byKey))
        expect(answer.evidence.map((e) => e.file)).toEqual([file])
        versions.set(`${code}/${source.org.id}`, answer.version)
      }
    }
    // The expert who will assess the answers can read the evidence, byte for byte.
    const work = await send('GET', `${countryUrl(team.code)}/indicators/${codes[0]}`, team.expert.cookie)
    const ngoAnswer = (work.json().data as IndicatorWork).answers.find((a) => a.organisation.id === ngo.org.id)
    const ngoFile = ngoAnswer?.evidence[0]?.file
    if (!ngoFile) throw new Error('The NGO answer has no evidence file')
    const read = await send('GET', `/api/files/${ngoFile.id}`, team.expert.cookie)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.rawPayload.equals(pdfBytes(ngoFile.name))).toBe(true)

    const drafted = await progressOf(team.code, team.lead.cookie)
    expect(new Set(drafted.indicators.map((r) => r.status))).toEqual(new Set(['in_progress']))
    expect(drafted.completeness).toBe(0)

    for (const code of codes)
      for (const source of team.sources)
        await submitAnswer(team, code, source, versions.get(`${code}/${source.org.id}`) as number)

    await expectAllSubmitted(team)
    for (const person of [team.expert, ...team.sources.map((s) => s.provider)])
      expect((await myWork(person.cookie)).items.filter((w) => w.countryCode === team.code)).toEqual([])

    const audit = await auditRowsAfter(t.db, seq)
    const n = codes.length * team.sources.length
    expect(tally(audit)).toEqual({ 'file.uploaded': 2, 'answer.saved': n, 'answer.submitted': n })
    expect(audit.every((a) => a.countryCode === team.code)).toBe(true)
    const submits = audit.filter((a) => a.action === 'answer.submitted')
    expect(new Set(submits.map((a) => a.subjectId)).size).toBe(n)
    expect(new Set(submits.map((a) => a.actorId))).toEqual(new Set(team.sources.map((s) => s.provider.id)))
  })

  it('is answered for AL through the XLSX template, with evidence files, and every answer submitted', {
    timeout: SLOW,
  }, async () => {
    const team = teams.AL
    await assignEverything(team)

    const seq = await lastAuditSeq(t.db)
    for (const [s, source] of team.sources.entries()) {
      const { cookie } = source.provider
      const download = await send('GET', `${countryUrl(team.code)}/template?organisation=${source.org.id}`, cookie)
      expect(download.statusCode, download.body).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(download.rawPayload as unknown as ExcelJS.Buffer)
      const sheet = workbook.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet
      // Type every value cell: the value fields and breakdown cells of each indicator, and the narrative; leave
      // "no data", its reason and the explanations empty, as they are not needed.
      const filled = new Map<string, Set<string>>()
      sheet.eachRow((row, n) => {
        if (n === 1) return
        const code = String(row.getCell(columnOf('code')).value)
        const key = String(row.getCell(columnOf('key')).value)
        expect(String(row.getCell(columnOf('organisation')).value)).toBe(source.org.name)
        const generated = answerOf(code, s)
        let value: ExcelJS.CellValue
        if (key.startsWith('cell:')) value = generated.cells.find((c) => `cell:${c.key}` === key)?.value
        else if (key === 'narrative') value = generated.narrative
        else if (key === 'choice' || key === 'number' || key === 'numerator' || key === 'denominator' || key === 'text')
          value = generated.value[key]
        else if (['noData', 'noDataReason', 'partsExplanation', 'changeComment'].includes(key)) return
        else throw new Error(`Unexpected template row ${code} ${key}`)
        expect(value, `${code} ${key}`).not.toBeUndefined()
        if (value === null) return
        row.getCell(columnOf('value')).value = value
        filled.set(code, (filled.get(code) ?? new Set()).add(key))
      })
      // Every generated value has its row: nothing of an answer is left out of the template.
      expect([...filled.keys()]).toEqual(codes)
      for (const code of codes) {
        const generated = answerOf(code, s)
        const keys = [
          ...Object.entries(generated.value)
            .filter(([, v]) => v !== null)
            .map(([k]) => k),
          ...generated.cells.map((c) => `cell:${c.key}`),
          'narrative',
        ]
        expect([...(filled.get(code) ?? [])].sort(), code).toEqual(keys.sort())
      }
      const data = Buffer.from(await workbook.xlsx.writeBuffer())
      const res = await uploadTemplate(t, cookie, `${countryUrl(team.code)}/template`, data, 'filled.xlsx')
      expect(res.statusCode, res.body).toBe(200)
      const result = res.json().data as TemplateImportResult
      expect(result).toMatchObject({ unchanged: 0, warnings: [] })
      expect(result.batch).toMatchObject({
        counts: { created: codes.length, updated: 0 },
        source: 'upload',
        fileName: 'filled.xlsx',
        organisations: [{ id: source.org.id, name: source.org.name }],
        createdBy: { id: source.provider.id },
        revertedAt: null,
      })
    }

    // The template carries no evidence: each source attaches its file to one answer through the answer form, which
    // means sending the whole answer back with the evidence added.
    const withEvidence = codes[0] as string
    for (const source of team.sources) {
      const file = await uploadEvidence(source.provider.cookie, team.code, `${source.org.name} statistics.pdf`)
      const work = await send('GET', `${countryUrl(team.code)}/indicators/${withEvidence}`, source.provider.cookie)
      const answer = (work.json().data as IndicatorWork).answers.find((a) => a.organisation.id === source.org.id)
      if (!answer) throw new Error(`No answer of ${source.org.name} to ${withEvidence}`)
      const res = await send('PUT', answerUrl(team.code, withEvidence, source.org.id), source.provider.cookie, {
        version: answer.version,
        value: answer.value,
        cells: answer.cells,
        narrative: answer.narrative,
        evidence: [{ kind: 'file', title: 'Statistics 2025', fileId: file.id }],
      })
      expect(res.statusCode, res.body).toBe(200)
      expect((res.json().data as Answer).evidence.map((e) => e.file?.id)).toEqual([file.id])
    }

    // Each source reads its answers back (they hold exactly what the template was filled with) and submits them.
    for (const [s, source] of team.sources.entries()) {
      for (const code of codes) {
        const work = await send('GET', `${countryUrl(team.code)}/indicators/${code}`, source.provider.cookie)
        expect(work.statusCode, work.body).toBe(200)
        const answers = (work.json().data as IndicatorWork).answers
        expect(answers.map((a) => a.organisation.id)).toEqual([source.org.id])
        const answer = answers[0] as Answer
        const generated = answerOf(code, s)
        expect(answer, code).toMatchObject({
          status: 'draft',
          value: generated.value,
          narrative: generated.narrative,
          checks: [],
        })
        expect([...answer.cells].sort(byKey), code).toEqual([...generated.cells].sort(byKey))
        await submitAnswer(team, code, source, answer.version)
      }
    }

    await expectAllSubmitted(team)
    for (const person of [team.expert, ...team.sources.map((s) => s.provider)])
      expect((await myWork(person.cookie)).items.filter((w) => w.countryCode === team.code)).toEqual([])

    const audit = await auditRowsAfter(t.db, seq)
    const n = codes.length * team.sources.length
    expect(tally(audit)).toEqual({
      'importBatch.applied': 2,
      'file.uploaded': 2,
      'answer.saved': n + 2,
      'answer.submitted': n,
    })
    expect(audit.every((a) => a.countryCode === team.code)).toBe(true)
    expect(audit.filter((a) => a.action === 'importBatch.applied').map((a) => [a.actorId, a.summary.after])).toEqual(
      team.sources.map((s) => [s.provider.id, expect.objectContaining({ created: codes.length, updated: 0 })]),
    )
    expect(new Set(audit.filter((a) => a.action === 'answer.submitted').map((a) => a.subjectId)).size).toBe(n)
  })
})

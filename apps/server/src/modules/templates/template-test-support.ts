import { inflateRawSync } from 'node:zlib'
import ExcelJS, { type CellValue, type Workbook } from 'exceljs'
import { expect } from 'vitest'
import { asUser, buildOrganisation } from '../../../test/factories.ts'
import { multipartFile } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import type { Database } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { zipOf } from '../frameworks/xlsx/test-fixtures.ts'
import { readCentralDirectory } from '../frameworks/xlsx/zip-guard.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { importTemplate } from './import-template.ts'
import { readTemplate } from './read-template.ts'
import { loadTemplateModel, templateOrganisations } from './template-data.ts'
import { columnOf, TEMPLATE_SHEETS } from './template-layout.ts'
import { writeTemplate } from './write-template.ts'

/** Test helpers for templates: a collecting round, filling a downloaded workbook, uploading, rewriting zip parts. */

/**
 * A test app with the default Handbook, two RS organisations (an NGO and the police) and signed-in users: a
 * coordinator, the RS lead, an RS expert and a data provider of each organisation. `overrides` set environment values
 * (e.g. TEMPLATE_JOB_ROWS).
 */
export async function templateTestApp(overrides: Record<string, string> = {}) {
  const t = await createTestApp(overrides)
  await seedDefaultHandbook(t.db)
  const ngo = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter NGO' })
  const police = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Police Directorate' })
  const cookies = {
    coordinator: (await asUser(t.app, 'regional_coordinator')).cookie,
    lead: (await asUser(t.app, 'country_lead', 'RS')).cookie,
    expert: (await asUser(t.app, 'expert', 'RS')).cookie,
    provider: (await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })).cookie,
    police: (await asUser(t.app, 'data_provider', 'RS', { organisationId: police.id })).cookie,
  }
  const frameworks = await t.app.inject({ method: 'GET', url: '/api/frameworks', headers: { cookie: cookies.lead } })
  const versionId = frameworks.json().data[0].versions[0].id as string
  return { t, ngo, police, cookies, versionId }
}

/** A collecting round for RS with the organisation assigned to the given indicators; returns its id. */
export async function collectingRound(
  t: TestApp,
  cookies: { coordinator: string; lead: string },
  versionId: string,
  assignments: Record<string, string[]>,
  period = { from: '2026-01-01', to: '2026-12-31' },
): Promise<string> {
  const send = (method: 'POST' | 'PUT', url: string, payload: object, cookie: string) =>
    t.app.inject({ method, url, payload, headers: { cookie } })
  const created = await send(
    'POST',
    '/api/rounds',
    {
      name: `Round ${period.to} ${Math.random()}`,
      periodFrom: period.from,
      periodTo: period.to,
      frameworkVersionId: versionId,
      countries: ['RS'],
    },
    cookies.coordinator,
  )
  expect(created.statusCode, created.body).toBe(201)
  const roundId = created.json().data.id as string
  for (const [code, organisations] of Object.entries(assignments)) {
    const res = await send(
      'PUT',
      `/api/rounds/${roundId}/countries/RS/assignments/${code}`,
      {
        version: 0,
        expertId: null,
        providers: organisations.map((o) => ({ organisationId: o, userId: null })),
        dueOn: null,
      },
      cookies.lead,
    )
    expect(res.statusCode, res.body).toBe(200)
  }
  const moved = await send(
    'POST',
    `/api/rounds/${roundId}/transition`,
    { to: 'collecting', version: 1 },
    cookies.coordinator,
  )
  expect(moved.statusCode, moved.body).toBe(200)
  return roundId
}

/** One value to type into a template: the row of this indicator and key (and organisation, when several). */
export interface Edit {
  code: string
  key: string
  value: CellValue
  org?: string
}

/** The Data row numbers of an indicator's field, as the template has them. */
export function rowsOf(workbook: Workbook, code: string, key: string, org?: string): number[] {
  const sheet = workbook.getWorksheet(TEMPLATE_SHEETS.data)
  const out: number[] = []
  sheet?.eachRow((row, n) => {
    const ref = String(row.getCell(columnOf('ref')).value ?? '')
    if (row.getCell(columnOf('code')).value === code && row.getCell(columnOf('key')).value === key)
      if (!org || ref.startsWith(`${org}|`)) out.push(n)
  })
  return out
}

/** Opens a template, types the edits into its value cells (and lets the test change anything else), saves it. */
export async function fillTemplate(data: Buffer, edits: Edit[], change?: (wb: Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  const sheet = workbook.getWorksheet(TEMPLATE_SHEETS.data) as ExcelJS.Worksheet
  for (const edit of edits) {
    const rows = rowsOf(workbook, edit.code, edit.key, edit.org)
    expect(rows, `${edit.code} ${edit.key}`).toHaveLength(1)
    sheet.getCell(rows[0] as number, columnOf('value')).value = edit.value
  }
  change?.(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The Data row number an edit lands on, for expected error paths. */
export async function rowNumberOf(data: Buffer, code: string, key: string): Promise<number> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  return rowsOf(workbook, code, key)[0] as number
}

export function uploadTemplate(t: TestApp, cookie: string, url: string, data: Buffer, filename = 'template.xlsx') {
  const { payload, headers } = multipartFile(data, filename)
  return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie } })
}

/** The workbook with some of its zip parts replaced (stored uncompressed), for damaged-file tests. */
export function rewriteParts(data: Buffer, replace: Record<string, (text: string) => string>): Buffer {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') throw new Error(entries)
  return zipOf(
    entries.map((e) => {
      const start = e.localOffset + 30 + data.readUInt16LE(e.localOffset + 26) + data.readUInt16LE(e.localOffset + 28)
      const raw = data.subarray(start, start + e.compressedSize)
      const content = e.method === 8 ? inflateRawSync(raw) : raw
      const edit = replace[e.name]
      return { name: e.name, data: edit ? Buffer.from(edit(content.toString('utf8'))) : content }
    }),
  )
}

/** The issue paths of an error response. */
export const issuePaths = (res: { json(): unknown }) =>
  ((res.json() as { error: { details?: { issues?: { path: string }[] } } }).error.details?.issues ?? []).map(
    (i) => i.path,
  )

/** An RS template of one organisation, written as the system (as the CLI does), with edits typed in. */
export async function systemTemplate(db: Database, roundId: string, organisationId: string, edits: Edit[]) {
  const round = (await loadRound(db, roundId)) as LoadedRound
  const organisations = await templateOrganisations(db, null, 'RS', organisationId)
  return fillTemplate(await writeTemplate(await loadTemplateModel(db, null, round, 'RS', organisations), 'en'), edits)
}

/** Imports an RS template as the system; returns the batch id. */
export async function systemImport(db: Database, roundId: string, data: Buffer): Promise<string> {
  const round = (await loadRound(db, roundId)) as LoadedRound
  const parsed = await readTemplate(data)
  const input = { round, countryCode: 'RS', parsed, source: 'cli' as const, fileName: null, fileSha256: '-' }
  const outcome = await withTransaction(db, (trx) => importTemplate(trx, { actor: null, requestId: null }, null, input))
  return outcome.batchId as string
}

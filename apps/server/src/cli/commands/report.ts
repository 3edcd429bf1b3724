import fs from 'node:fs'
import path from 'node:path'
import { IdSchema, REPORT_FORMATS, type ReportData, ReportQuerySchema } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import { buildNationalReport } from '../../modules/reports/build-national.ts'
import { buildRegionalReport } from '../../modules/reports/build-regional.ts'
import { listPublications } from '../../modules/reports/publications.ts'
import { type RenderedReport, renderReport } from '../../modules/reports/render-report.ts'
import { type LoadedRound, loadRound } from '../../modules/rounds/rounds.queries.ts'
import { type Command, optionalString, requireString, UsageError } from '../command.ts'
import { withDatabase } from '../context.ts'
import { publishedDocument } from './report-published.ts'
import { countryOf, resolveRound } from './round.ts'

const COMMON_USAGE = [
  '  --round       a round id, or its reference year',
  `  --format      ${REPORT_FORMATS.join('|')} (default: docx)`,
  '  --lang        en|sr-Cyrl|sr-Latn (default: en)',
  '  --published   the latest published version instead of the report as it stands now (its stored document;',
  '                a rendering not yet done runs first, with a progress bar on stderr)',
  '  --disclosure  internal|public: public withholds small counts (default: public with --published, else internal)',
  '  --out         the file to write',
]
const OPTIONS = {
  round: { type: 'string' },
  country: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  published: { type: 'boolean' },
  disclosure: { type: 'string' },
  out: { type: 'string' },
} as const

function queryOf(values: Record<string, unknown>) {
  const parsed = ReportQuerySchema.safeParse({
    format: optionalString(values, 'format') ?? 'docx',
    lang: optionalString(values, 'lang') ?? 'en',
    disclosure: optionalString(values, 'disclosure') ?? (values.published ? 'public' : 'internal'),
  })
  if (!parsed.success)
    throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'))
  return parsed.data
}

/** A round by id, or the only round whose reference period ends in the given year. */
async function regionalRound(db: Database, value: string): Promise<LoadedRound> {
  if (IdSchema.safeParse(value).success) {
    const round = await loadRound(db, value)
    if (!round) throw new AppError('not_found', `No round ${value}`)
    return round
  }
  if (!/^\d{4}$/.test(value)) throw new UsageError('--round is a round id or a reference year (e.g. 2025)')
  const rows = await db.selectFrom('rounds').select(['id', 'name']).where('periodTo', 'like', `${value}-%`).execute()
  if (rows.length > 1)
    throw new UsageError(
      `The year ${value} matches ${rows.length} rounds; pass --round with an id:\n${rows.map((r) => `  ${r.id}  ${r.name}`).join('\n')}`,
    )
  const round = rows[0] ? await loadRound(db, rows[0].id) : null
  if (!round) throw new AppError('not_found', `No round ${value}`)
  return round
}

async function latestPublished(db: Database, round: LoadedRound, scope: string) {
  const pubs = (await listPublications(db, [round.row.id])).filter((p) => p.scope === scope)
  const last = pubs.at(-1)
  if (!last) throw new AppError('not_found', `Nothing of ${round.row.name} is published for ${scope}`)
  return last
}

function save(out: string, rendered: RenderedReport) {
  fs.writeFileSync(out, rendered.body)
  console.log(`Wrote ${rendered.fileName.replace(/^thbm-/, '').replace(/\.\w+$/, '')} to ${out}.`)
}

async function write(out: string, data: ReportData, values: Record<string, unknown>, chromiumPath: string) {
  save(out, await renderReport(data, queryOf(values), { chromiumPath }))
}

export const reportNationalCommand: Command = {
  name: 'report national',
  summary: 'Write the national report of a country and round (DOCX, PDF, HTML or XLSX)',
  usage: ['thbm report national --round ID|YEAR --country CODE --out FILE [options]', ...COMMON_USAGE],
  options: OPTIONS,
  async run(values) {
    const out = path.resolve(requireString(values, 'out'))
    const country = countryOf(values)
    const roundValue = requireString(values, 'round')
    queryOf(values)
    await withDatabase(async (handle, config) => {
      const round = await resolveRound(handle.db, roundValue, country)
      if (values.published) {
        const row = await latestPublished(handle.db, round, country)
        return save(out, await publishedDocument(handle, config, row, queryOf(values)))
      }
      const data = await buildNationalReport(handle.db, round, country, config.disclosureThreshold)
      await write(out, data, values, config.chromiumPath)
    })
  },
}

export const reportRegionalCommand: Command = {
  name: 'report regional',
  summary: 'Write the regional comparative report of a round (DOCX, PDF, HTML or XLSX)',
  usage: ['thbm report regional --round ID|YEAR --out FILE [options]', ...COMMON_USAGE],
  options: OPTIONS,
  async run(values) {
    const out = path.resolve(requireString(values, 'out'))
    const roundValue = requireString(values, 'round')
    queryOf(values)
    await withDatabase(async (handle, config) => {
      const round = await regionalRound(handle.db, roundValue)
      if (values.published) {
        const row = await latestPublished(handle.db, round, 'region')
        return save(out, await publishedDocument(handle, config, row, queryOf(values)))
      }
      const data = await buildRegionalReport(handle.db, round, config.disclosureThreshold)
      await write(out, data, values, config.chromiumPath)
    })
  },
}

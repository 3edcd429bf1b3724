import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CountryCodeSchema, IdSchema, isLocale, LOCALES } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { type LoadedRound, loadRound } from '../../modules/rounds/rounds.queries.ts'
import { assertCollectingRound, importTemplate, warmImport } from '../../modules/templates/import-template.ts'
import { readTemplate } from '../../modules/templates/read-template.ts'
import { loadTemplateModel, templateOrganisations } from '../../modules/templates/template-data.ts'
import { TEMPLATE_UPLOAD_BYTES } from '../../modules/templates/template-layout.ts'
import { writeTemplate } from '../../modules/templates/write-template.ts'
import { type Command, optionalString, requireString, UsageError } from '../command.ts'
import { cliContext, withDatabase } from '../context.ts'
import { progressBar } from '../progress-bar.ts'

const ROUND_USAGE = '  --round    a round id, or its reference year when only one round of the country has it'

export function countryOf(values: Record<string, unknown>): string {
  const country = requireString(values, 'country').toUpperCase()
  if (!CountryCodeSchema.safeParse(country).success) throw new UsageError('--country is a two-letter code, e.g. RS')
  return country
}

/** The round named by --round (an id, or a reference year that only one of the country's rounds has). */
export async function resolveRound(db: Database, value: string, country: string): Promise<LoadedRound> {
  let round: LoadedRound | null = null
  if (IdSchema.safeParse(value).success) round = await loadRound(db, value)
  else if (/^\d{4}$/.test(value)) {
    const rows = await db
      .selectFrom('rounds')
      .innerJoin('roundCountries', 'roundCountries.roundId', 'rounds.id')
      .select(['rounds.id', 'rounds.name'])
      .where('rounds.periodTo', 'like', `${value}-%`)
      .where('roundCountries.countryCode', '=', country)
      .orderBy('rounds.createdAt')
      .execute()
    if (rows.length > 1) {
      const list = rows.map((r) => `  ${r.id}  ${r.name}`).join('\n')
      throw new UsageError(
        `The year ${value} matches ${rows.length} rounds of ${country}; pass --round with an id:\n${list}`,
      )
    }
    round = rows[0] ? await loadRound(db, rows[0].id) : null
  } else throw new UsageError('--round is a round id or a reference year (e.g. 2026)')
  if (!round) throw new AppError('not_found', `No round ${value} for ${country}`)
  if (!round.countries.includes(country))
    throw new AppError('not_found', `${country} is not in the round ${round.row.name}`)
  return round
}

export const roundTemplateCommand: Command = {
  name: 'round template',
  summary: 'Write the XLSX template of a country for offline data entry',
  usage: [
    'thbm round template --round ID|YEAR --country CODE --out FILE [--org ID] [--lang en|sr-Cyrl|sr-Latn]',
    ROUND_USAGE,
    '  --country  the country code, e.g. RS',
    '  --org      only this organisation (default: every active organisation of the country)',
    '  --lang     language of the instructions and labels (default: en)',
  ],
  options: {
    round: { type: 'string' },
    country: { type: 'string' },
    org: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values) {
    const out = path.resolve(requireString(values, 'out'))
    const country = countryOf(values)
    const roundValue = requireString(values, 'round')
    const lang = optionalString(values, 'lang') ?? 'en'
    if (!isLocale(lang)) throw new UsageError(`--lang is one of ${LOCALES.join(', ')}`)
    await withDatabase(async (handle) => {
      const round = await resolveRound(handle.db, roundValue, country)
      assertCollectingRound(round)
      const organisations = await templateOrganisations(handle.db, null, country, optionalString(values, 'org'))
      const model = await loadTemplateModel(handle.db, null, round, country, organisations)
      fs.writeFileSync(out, await writeTemplate(model, lang))
      console.log(
        `Wrote the ${country} template of ${round.row.name} (${model.pairs.length} answers of ${organisations.length} organisation(s)) to ${out}.`,
      )
    })
  },
}

export const roundImportCommand: Command = {
  name: 'round import',
  summary: 'Import a filled XLSX template as one import batch (answers saved as drafts)',
  usage: [
    'thbm round import --round ID|YEAR --country CODE --file FILE',
    ROUND_USAGE,
    '  --country  the country code, e.g. RS',
    '  --file     the filled template; every problem is listed with its cell and nothing is imported',
  ],
  options: { round: { type: 'string' }, country: { type: 'string' }, file: { type: 'string' } },
  async run(values) {
    const file = path.resolve(requireString(values, 'file'))
    const country = countryOf(values)
    const roundValue = requireString(values, 'round')
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`)
    if (fs.statSync(file).size > TEMPLATE_UPLOAD_BYTES)
      throw new AppError('payload_too_large', `The file is larger than ${TEMPLATE_UPLOAD_BYTES / 1024 / 1024} MB`)
    const data = fs.readFileSync(file)
    const bar = progressBar()
    bar.update(0, 'reading the workbook')
    const parsed = await readTemplate(data)
    await withDatabase(async (handle) => {
      const round = await resolveRound(handle.db, roundValue, country)
      await warmImport(handle.db, round)
      // Checking is about half of the work, saving the other half.
      const share = { checking: [0, 0.5], saving: [0.5, 1] } as const
      const outcome = await withTransaction(handle.db, (trx) =>
        importTemplate(
          trx,
          cliContext('round import'),
          null,
          {
            round,
            countryCode: country,
            parsed,
            source: 'cli',
            fileName: path.basename(file),
            fileSha256: createHash('sha256').update(data).digest('hex'),
          },
          (phase, done, total) => {
            const [from, to] = share[phase]
            bar.update(
              from + ((to - from) * done) / Math.max(1, total),
              `${done} of ${total} rows ${phase === 'checking' ? 'checked' : 'saved'}`,
            )
          },
        ),
      ).catch((err: unknown) => {
        bar.done('nothing imported', 0)
        throw err
      })
      bar.done(`${parsed.rows.length} rows read`)
      const batch = outcome.batchId
        ? await handle.db.selectFrom('importBatches').selectAll().where('id', '=', outcome.batchId).executeTakeFirst()
        : undefined
      console.log(
        batch
          ? `Imported batch ${batch.id}: ${batch.answersCreated} answer(s) created, ${batch.answersUpdated} changed, ${outcome.unchanged} unchanged.`
          : `Nothing to import: ${outcome.unchanged} answer(s) unchanged.`,
      )
      for (const w of outcome.warnings) console.log(`  warning ${w.path}: ${w.message}`)
    })
  },
}

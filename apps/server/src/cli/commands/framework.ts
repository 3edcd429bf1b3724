import fs from 'node:fs'
import path from 'node:path'
import { parseJson } from '../../db/portable.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { listFrameworks, loadVersion, toFrameworkDoc } from '../../modules/frameworks/frameworks.queries.ts'
import { importFrameworkDoc } from '../../modules/frameworks/import-framework.ts'
import { detectUploadKind, FRAMEWORK_UPLOAD_BYTES, readFrameworkJson } from '../../modules/frameworks/read-upload.ts'
import { serializeFrameworkDoc } from '../../modules/frameworks/serialize.ts'
import { readFrameworkXlsx, writeFrameworkXlsx } from '../../modules/frameworks/xlsx/index.ts'
import { type Command, optionalString, requireString, UsageError } from '../command.ts'
import { cliContext, withDatabase } from '../context.ts'

export const frameworkListCommand: Command = {
  name: 'framework list',
  summary: 'List frameworks and their versions',
  usage: ['thbm framework list'],
  options: {},
  async run() {
    await withDatabase(async (handle) => {
      const list = await listFrameworks(handle.db)
      if (!list.length) console.log('No framework yet.')
      for (const { framework, versions } of list) {
        console.log(
          `${framework.code}  ${parseJson<Record<string, string>>(framework.name, {})[framework.baseLocale] ?? ''}`,
        )
        for (const v of versions)
          console.log(
            `  ${v.label.padEnd(12)} ${v.status.padEnd(10)} ${String(v.indicatorCount).padStart(4)} indicators  ${v.id}`,
          )
      }
    })
  },
}

export const frameworkExportCommand: Command = {
  name: 'framework export',
  summary: 'Export a framework version as JSON or XLSX',
  usage: [
    'thbm framework export --out FILE [--version ID|LABEL] [--format json|xlsx]',
    '  --version  a version id or label (default: the latest published version)',
    '  --format   json (default) or xlsx',
  ],
  options: { version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(values) {
    const out = path.resolve(requireString(values, 'out'))
    const format = optionalString(values, 'format') ?? 'json'
    if (format !== 'json' && format !== 'xlsx') throw new UsageError('--format must be json or xlsx')
    const wanted = optionalString(values, 'version')
    await withDatabase(async (handle) => {
      const versions = (await listFrameworks(handle.db)).flatMap((f) => f.versions)
      const match = wanted
        ? versions.find((v) => v.id === wanted || v.label === wanted)
        : versions
            .filter((v) => v.status === 'published')
            .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0]
      if (!match) throw new AppError('not_found', wanted ? `No version ${wanted}` : 'No published version to export')
      const doc = toFrameworkDoc(await loadVersion(handle.db, match.id))
      fs.writeFileSync(out, format === 'json' ? serializeFrameworkDoc(doc) : await writeFrameworkXlsx(doc))
      console.log(
        `Exported ${doc.framework.code} ${doc.version.label} (${doc.indicators.length} indicators) to ${out}.`,
      )
    })
  },
}

export const frameworkImportCommand: Command = {
  name: 'framework import',
  summary: 'Import a framework file (JSON or XLSX) as a new draft version',
  usage: ['thbm framework import --file FILE'],
  options: { file: { type: 'string' } },
  async run(values) {
    const file = path.resolve(requireString(values, 'file'))
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`)
    if (fs.statSync(file).size > FRAMEWORK_UPLOAD_BYTES)
      throw new AppError('payload_too_large', `The file is larger than ${FRAMEWORK_UPLOAD_BYTES / 1024 / 1024} MB`)
    const data = fs.readFileSync(file)
    const doc = detectUploadKind(data) === 'xlsx' ? await readFrameworkXlsx(data) : readFrameworkJson(data)
    await withDatabase(async (handle) => {
      const id = await withTransaction(handle.db, (trx) => importFrameworkDoc(trx, cliContext('framework import'), doc))
      console.log(
        `Imported ${doc.framework.code} ${doc.version.label} as a draft (${doc.indicators.length} indicators): ${id}`,
      )
    })
  },
}

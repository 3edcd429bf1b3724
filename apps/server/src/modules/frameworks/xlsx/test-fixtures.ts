import type { Issue } from '@thbm/shared'
import { type FrameworkDoc, parseFrameworkJson } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { AppError } from '../../../errors.ts'
import { readFrameworkXlsx } from './read-framework-xlsx.ts'
import { writeFrameworkXlsx } from './write-framework-xlsx.ts'

/** Test support only: a small framework using every measurement type, custom dimensions and legal references. */
export function sampleDoc(): FrameworkDoc {
  const t = (en: string, sr?: string) => (sr ? { en, 'sr-Cyrl': sr } : { en })
  const base = {
    disaggregations: [],
    customDimensions: [],
    legalReferences: [],
    sources: [],
    topics: [],
    core: false,
    frameworkIndicator: false,
    redFlag: false,
    weight: 1,
  }
  const lineage = { type: 'new', from: [] }
  const result = parseFrameworkJson({
    schema: 'thbm.framework',
    schemaVersion: 1,
    framework: { code: 'THB-WB', name: t('Anti-trafficking framework', 'Оквир'), baseLocale: 'en' },
    version: { label: '2026.1', basedOn: null, notes: t('First version') },
    areas: [
      { code: 'IDN', title: t('Identification', 'Идентификација'), description: t('Finding victims') },
      { code: 'PRE', title: t('Prevention'), description: {} },
    ],
    indicators: [
      {
        ...base,
        code: 'IDN-1',
        area: 'IDN',
        title: t('National referral mechanism'),
        definition: t('An NRM exists'),
        guidance: t('Check the law'),
        kind: 'structure',
        measurement: { type: 'rubric', levels: ['None', 'Draft', 'Adopted', 'Funded', 'Working'].map((l) => t(l)) },
        redFlag: true,
        core: true,
        legalReferences: [
          { instrument: 'coe_convention', article: '10(2)' },
          { instrument: 'national', article: '5', title: 'Law on foreigners' },
        ],
        lineage,
      },
      {
        ...base,
        code: 'IDN-2',
        area: 'IDN',
        title: t('Screening'),
        definition: t('Screening happens'),
        guidance: {},
        kind: 'process',
        measurement: {
          type: 'yes_partial_no',
          descriptors: { yes: t('Always'), partial: t('Sometimes'), no: t('Never') },
        },
        lineage,
      },
      {
        ...base,
        code: 'PRE-1',
        area: 'PRE',
        title: t('Victims identified'),
        definition: t('Number of identified victims'),
        guidance: {},
        kind: 'outcome',
        measurement: { type: 'count', unit: t('persons'), targetBands: [{ from: 0, to: 10, score: 20 }] },
        disaggregations: ['sex', 'age_group'],
        customDimensions: [
          {
            code: 'region',
            label: t('Region'),
            categories: [
              { code: 'north', label: t('North') },
              { code: 'south', label: t('South') },
            ],
          },
        ],
        topics: ['identification', 'data'],
        sources: ['government'],
        lineage,
      },
      {
        ...base,
        code: 'PRE-2',
        area: 'PRE',
        title: t('Share assisted'),
        definition: t('Share of victims assisted'),
        guidance: {},
        kind: 'outcome',
        measurement: { type: 'percentage', numeratorLabel: t('assisted'), denominatorLabel: t('identified') },
        lineage,
      },
      {
        ...base,
        code: 'PRE-3',
        area: 'PRE',
        title: t('Budget'),
        definition: t('Budget spent'),
        guidance: {},
        kind: 'structure',
        measurement: { type: 'amount', currency: 'EUR' },
        lineage,
      },
      {
        ...base,
        code: 'PRE-4',
        area: 'PRE',
        title: t('Notes'),
        definition: t('Free text'),
        guidance: {},
        kind: 'process',
        measurement: { type: 'text' },
        lineage,
      },
    ],
  })
  if (result.doc === null) throw new Error(`sample document is invalid: ${JSON.stringify(result.issues)}`)
  return result.doc
}

/** Writes the sample, lets `change` edit the workbook as a person would, and returns the edited file. */
export async function editedSample(change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await writeFrameworkXlsx(sampleDoc())) as unknown as ExcelJS.Buffer)
  change(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The issues of the validation error that reading `data` throws; fails when it reads without error. */
export async function importIssues(data: Buffer): Promise<Issue[]> {
  try {
    await readFrameworkXlsx(data)
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') return (err.details as { issues: Issue[] }).issues
    throw err
  }
  throw new Error('expected the import to fail')
}

/** A zip file with the given entries, stored (or as given) without compression checks: for hostile-file tests. */
export function zipOf(entries: { name: string; data: Buffer; method?: number; size?: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const size = entry.size ?? entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(entry.method ?? 0, 8)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(entry.method ?? 0, 10)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += 30 + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

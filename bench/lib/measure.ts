import fs from 'node:fs'
import { STANDARD_DIMENSIONS } from '@thbm/shared'
import ExcelJS from 'exceljs'
import { columnOf } from '../../apps/server/src/modules/templates/template-layout.ts'
import { getOk, timed } from './api.ts'
import { runLoad } from './load.ts'
import { settle } from './proc.ts'
import { type Engine, type Metric, TARGETS } from './results.ts'
import type { SeedInfo } from './seed-info.ts'

export interface Run {
  engine: Engine
  base: string
  cookie: string
  seconds: number
  connections: number
  /** Measures the bare Fastify route (requests per second) now: right before each endpoint it is compared with. */
  bare: () => Promise<number>
  info: SeedInfo
  /** 2: one-off operations (reports) are timed a second time too. */
  repeat: number
  add(m: Omit<Metric, 'engine'>): void
}

const statusNote = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ')

/** The read endpoints at `connections` connections: latency, throughput and its ratio to the bare route. */
export async function measureReads(run: Run): Promise<void> {
  const { info } = run
  const endpoints = [
    ['regional overview', `/api/rounds/${info.publishedRoundId}/overview`],
    ['country profile', `/api/countries/${info.country}/profile`],
    ['indicator explorer', `/api/indicators/explorer?code=${info.explorerCode}`],
  ] as const
  for (const [name, path] of endpoints) {
    const bare = await run.bare()
    const first = await getOk(run.base + path, run.cookie)
    run.add({ metric: `${name}: first request`, value: first.ms, unit: 'ms', note: `${kb(first.bytes)} kB` })
    const r = await runLoad(run.base + path, {
      connections: run.connections,
      seconds: run.seconds,
      headers: { cookie: run.cookie, 'accept-encoding': 'gzip' },
    })
    await settle(run.base)
    const note = `${r.requests} req, ${statusNote(r.statuses)}${r.errors ? `, ${r.errors} errors` : ''}`
    run.add({ metric: `${name}: p50`, value: r.p50, unit: 'ms' })
    run.add({ metric: `${name}: p95`, value: r.p95, unit: 'ms', target: TARGETS.readP95Ms })
    run.add({ metric: `${name}: p99`, value: r.p99, unit: 'ms' })
    run.add({ metric: `${name}: throughput`, value: r.rps, unit: 'req/s', note })
    run.add({
      metric: `${name}: throughput / bare route`,
      value: r.rps / bare,
      unit: 'ratio',
      target: TARGETS.readThroughputRatio,
      note: `bare route just before: ${bare} req/s`,
    })
  }
}

const kb = (bytes: number) => Math.round(bytes / 1024)

/** Cells of a person count split by victim status and each breakdown (52 cells) that add up. */
function personCells(seed: number) {
  const cells: { key: string; value: number }[] = []
  for (const status of STANDARD_DIMENSIONS.victim_status) {
    const total = 20 + ((seed * 7) % 30)
    cells.push({ key: `victim_status=${status}`, value: total })
    for (const dim of ['sex', 'age_group', 'citizenship', 'exploitation_form'] as const) {
      const categories = STANDARD_DIMENSIONS[dim]
      const each = Math.floor(total / categories.length)
      for (const [i, c] of categories.entries())
        cells.push({
          key: `${dim}=${c};victim_status=${status}`,
          value: i === 0 ? total - each * (categories.length - 1) : each,
        })
    }
  }
  return cells
}

/**
 * Data-entry saves at `connections` connections: each request takes a free answer slot (a person count of a
 * government body in the open round), saves it with the version the previous save of that slot returned (0 the
 * first time: the answer is created), and frees the slot. No two requests hold the same slot, so no 409 is expected.
 */
export async function measureSaves(run: Run): Promise<void> {
  const { info } = run
  const slots = info.countries
    .flatMap((c) => info.personCodes.map((code) => ({ country: c, code, org: info.govOrgs.get(c) as string })))
    .slice(0, Math.max(200, run.connections * 4))
    .map((s, i) => ({ ...s, version: 0, n: i }))
  const free = [...slots]
  // A small (quick) installation may have fewer answer slots than connections: each connection needs its own.
  const connections = Math.min(run.connections, slots.length)
  const bare = await run.bare()
  const r = await runLoad(run.base, {
    connections,
    seconds: run.seconds,
    headers: { cookie: run.cookie, 'content-type': 'application/json' },
    requests: [
      {
        method: 'PUT',
        setupRequest: (req, context) => {
          const slot = free.shift() as (typeof slots)[number]
          context.slot = slot
          slot.n++
          return {
            ...req,
            method: 'PUT',
            path: `/api/rounds/${info.openRoundId}/countries/${slot.country}/indicators/${slot.code}/answers/${slot.org}`,
            body: JSON.stringify({
              version: slot.version,
              cells: personCells(slot.n),
              narrative: `Bench save ${slot.n}`,
            }),
          }
        },
        onResponse: (status, body, context) => {
          const slot = context.slot as (typeof slots)[number]
          if (status === 200) slot.version = (JSON.parse(body) as { data: { version: number } }).data.version
          free.push(slot)
        },
      },
    ],
  })
  const note = `${r.requests} saves at ${connections} connections, ${statusNote(r.statuses)}${r.errors ? `, ${r.errors} errors` : ''}`
  run.add({ metric: 'data-entry save: p50', value: r.p50, unit: 'ms' })
  run.add({ metric: 'data-entry save: p95', value: r.p95, unit: 'ms', target: TARGETS.saveP95Ms })
  run.add({ metric: 'data-entry save: p99', value: r.p99, unit: 'ms' })
  run.add({ metric: 'data-entry save: throughput', value: r.rps, unit: 'req/s', note })
  run.add({
    metric: 'data-entry save: throughput / bare route',
    value: r.rps / bare,
    unit: 'ratio',
    note: `bare route just before: ${bare} req/s`,
  })
}

/**
 * National and regional report generation per format through the API: the first request (nothing rendered before;
 * the target applies to it) and, unless quick, a repeat (charts already drawn, as for any later download).
 */
export async function measureReports(run: Run, chromium: boolean): Promise<void> {
  const { info } = run
  const formats = ['html', 'docx', 'xlsx', ...(chromium ? ['pdf'] : [])]
  for (const [kind, path] of [
    ['national', `/api/rounds/${info.publishedRoundId}/countries/${info.country}/report`],
    ['regional', `/api/rounds/${info.publishedRoundId}/report`],
  ] as const)
    for (const format of formats) {
      const url = `${run.base}${path}?format=${format}`
      const first = await getOk(url, run.cookie)
      const again = run.repeat > 1 && format !== 'pdf' ? await getOk(url, run.cookie) : null
      const target =
        format === 'docx' ? (kind === 'national' ? TARGETS.nationalDocxMs : TARGETS.regionalDocxMs) : undefined
      run.add({
        metric: `${kind} report ${format}`,
        value: first.ms,
        unit: 'ms',
        ...(target ? { target } : {}),
        note: `${kb(first.bytes)} kB${again ? `, repeat ${again.ms} ms` : ''}`,
      })
    }
  if (!chromium) run.add({ metric: 'reports pdf', value: null, unit: 'ms', note: 'skipped: no Chromium' })
}

/**
 * A country's XLSX template for the open round (the last country: the save test wrote to the first ones), every
 * answer's narrative filled in, uploaded: Data rows per second.
 */
export async function measureTemplateImport(run: Run): Promise<void> {
  const { info } = run
  const country = info.countries.at(-1) as string
  const url = `${run.base}/api/rounds/${info.openRoundId}/countries/${country}/template`
  const template = await getOk(`${url}?lang=en`, run.cookie)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template.body as unknown as ExcelJS.Buffer)
  const sheet = workbook.getWorksheet('Data') as ExcelJS.Worksheet
  const keyCol = columnOf('key')
  const valueCol = columnOf('value')
  let rows = 0
  sheet.eachRow((row, n) => {
    if (n === 1) return
    rows++
    if (row.getCell(keyCol).value === 'narrative') row.getCell(valueCol).value = `Imported by the benchmark (${n}).`
  })
  const filled = Buffer.from(await workbook.xlsx.writeBuffer())
  const form = new FormData()
  form.append('file', new Blob([filled]), 'bench-template.xlsx')
  const started = Date.now()
  const r = await timed(url, { method: 'POST', body: form, cookie: run.cookie })
  let body = r.body
  // Above TEMPLATE_JOB_ROWS (2,000 by default) the upload is imported by a job: 202, then the result when it is done.
  if (r.status === 202) {
    const { jobId } = (JSON.parse(body.toString('utf8')) as { data: { jobId: string } }).data
    for (;;) {
      const polled = await timed(`${url}/imports/${jobId}`, { cookie: run.cookie })
      if (polled.status !== 200)
        throw new Error(`Template import job: ${polled.status} ${polled.body.toString('utf8').slice(0, 800)}`)
      if ((JSON.parse(polled.body.toString('utf8')) as { data: { result: unknown } }).data.result) {
        body = polled.body
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } else if (r.status !== 200) throw new Error(`Template import: ${r.status} ${body.toString('utf8').slice(0, 800)}`)
  const ms = Date.now() - started
  type Applied = { batch: { counts: { created: number; updated: number } } | null }
  const data = (JSON.parse(body.toString('utf8')) as { data: Applied | { result: Applied } }).data
  const { batch } = 'result' in data ? data.result : data
  run.add({
    metric: 'XLSX template import',
    value: Math.round(rows / (ms / 1000)),
    unit: 'rows/s',
    target: TARGETS.xlsxRowsPerSecond,
    note: `${rows} rows, ${(batch?.counts.created ?? 0) + (batch?.counts.updated ?? 0)} answers saved in ${ms} ms${r.status === 202 ? ' (a job: upload to result)' : ''}`,
  })
}

/** Export of the 300-indicator framework version as JSON and XLSX, and import of the JSON as a new draft. */
export async function measureFramework(run: Run, scratch: string): Promise<void> {
  const base = `${run.base}/api/framework-versions/${run.info.versionId}/export`
  const json = await getOk(`${base}?format=json`, run.cookie)
  run.add({ metric: 'framework export json', value: json.ms, unit: 'ms', note: `${kb(json.bytes)} kB` })
  const xlsx = await getOk(`${base}?format=xlsx`, run.cookie)
  run.add({ metric: 'framework export xlsx', value: xlsx.ms, unit: 'ms', note: `${kb(xlsx.bytes)} kB` })
  const doc = JSON.parse(json.body.toString('utf8')) as { version: { label: string } }
  doc.version.label = `bench-${Date.now().toString(36)}`
  const file = `${scratch}/framework.json`
  fs.writeFileSync(file, JSON.stringify(doc))
  const form = new FormData()
  form.append('file', new Blob([fs.readFileSync(file)]), 'framework.json')
  const r = await timed(`${run.base}/api/frameworks/import`, { method: 'POST', body: form, cookie: run.cookie })
  if (r.status !== 201) throw new Error(`Framework import: ${r.status} ${r.body.toString('utf8').slice(0, 500)}`)
  run.add({ metric: 'framework import json', value: r.ms, unit: 'ms' })
}

// `npm run bench [-- --quick] [--scale N] [--indicators M] [--seconds S] [--engines sqlite,postgres]`: the benchmark suite of issue 9.
// Seeds a synthetic installation per engine, starts the real server, measures it, prints every target and writes
// bench/results.json. Timing misses never change the exit code; only a crash does (1).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { SCALE_ADMIN_EMAIL, SCALE_ADMIN_PASSWORD } from '../apps/server/src/seed/scale.ts'
import { login } from './lib/api.ts'
import { runLoad } from './lib/load.ts'
import {
  measureFramework,
  measureReads,
  measureReports,
  measureSaves,
  measureTemplateImport,
  type Run,
} from './lib/measure.ts'
import { peakRssMb, ROOT, runTs, settle, spawnTs, stop, tail, waitFor } from './lib/proc.ts'
import { type Engine, type Metric, TARGETS, table, verdict } from './lib/results.ts'
import { readSeedInfo } from './lib/seed-info.ts'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string' },
    indicators: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432' },
  },
})
const quick = values.quick === true
const scale = Number(values.scale ?? (quick ? 3 : 50))
// Quick: a smoke run (about two minutes on 2 cores): 3 countries and a framework of 60 indicators.
const indicators = Number(values.indicators ?? (quick ? 60 : 300))
const seconds = Number(values.seconds ?? (quick ? 3 : 10))
const connections = Number(values.connections)
const engines = (values.engines ?? '').split(',').filter((e): e is Engine => e === 'sqlite' || e === 'postgres')
const pgUrl = new URL(values['pg-url'] ?? '')
pgUrl.pathname = ''
const pgBase = pgUrl.toString().replace(/\/$/, '')
const PORT = 3990
const BARE_PORT = 3991
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-bench-'))
const chromium = fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
const metrics: Metric[] = []
const problems: string[] = []
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

async function postgresDatabase(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: `${pgBase}/postgres`, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (err) {
    console.log(`PostgreSQL: skipped, not reachable at ${pgBase} (${err instanceof Error ? err.message : err}).`)
    return null
  }
  try {
    await admin.query('drop database if exists thbm_bench with (force)')
    await admin.query('create database thbm_bench')
  } finally {
    await admin.end()
  }
  return `${pgBase}/thbm_bench`
}

async function dropPostgresDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: `${pgBase}/postgres` })
  await admin.connect()
  await admin.query('drop database if exists thbm_bench with (force)').finally(() => admin.end())
}

async function bench(engine: Engine, bareRps: () => Promise<number>): Promise<void> {
  const url = engine === 'sqlite' ? path.join(scratch, 'bench.sqlite') : await postgresDatabase()
  if (!url) {
    metrics.push({ engine, metric: 'all measurements', value: null, unit: '', note: 'skipped: PostgreSQL unreachable' })
    return
  }
  const add = (m: Omit<Metric, 'engine'>) => {
    metrics.push({ engine, ...m })
    console.log(`  ${m.metric}: ${m.value ?? '-'} ${m.unit}${m.note ? `  [${m.note}]` : ''}`)
  }
  console.log(`\n━━ ${engine}: seeding ${scale} countries (load average ${load()})`)
  const env = {
    DATABASE_URL: url,
    DEMO: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    COOKIE_SECURE: 'false',
    // One client address sends every request; the per-IP limit would otherwise answer 429.
    RATE_LIMIT_PER_MINUTE: '1000000',
    FILES_DIR: path.join(scratch, 'files'),
    WEB_DIST: path.join(scratch, 'no-web-build'),
  }
  const seedStart = Date.now()
  await runTs(
    'apps/server/src/cli/main.ts',
    ['seed', '--scale', String(scale), '--indicators', String(indicators)],
    env,
  )
  add({
    metric: `seed --scale ${scale} --indicators ${indicators}`,
    value: Math.round((Date.now() - seedStart) / 100) / 10,
    unit: 's',
  })
  const info = await readSeedInfo(url)

  const logFile = path.join(scratch, `server-${engine}.log`)
  const failed = problems.length
  const started = Date.now()
  const server = spawnTs('apps/server/src/main.ts', [], env, logFile)
  try {
    const base = `http://127.0.0.1:${PORT}`
    add({
      metric: 'cold start to healthy',
      value: await waitFor(`${base}/api/health`, started, server, logFile),
      unit: 'ms',
      target: TARGETS.coldStartMs,
    })
    const cookie = await login(base, SCALE_ADMIN_EMAIL, SCALE_ADMIN_PASSWORD)
    const bare = async () => {
      const rps = await bareRps()
      add({ metric: 'bare Fastify route: throughput', value: rps, unit: 'req/s' })
      return rps
    }
    const run: Run = { engine, base, cookie, seconds, connections, bare, info, repeat: quick ? 1 : 2, add }
    const steps: [string, () => Promise<void>][] = [
      ['read endpoints', () => measureReads(run)],
      ['data-entry save', () => measureSaves(run)],
      ['reports', () => measureReports(run, chromium)],
      ['XLSX import', () => measureTemplateImport(run)],
      ['framework import/export', () => measureFramework(run, scratch)],
    ]
    // The peak after each step, to tell which one drives it.
    const peaks: string[] = [`start ${peakRssMb(server.pid)}`]
    for (const [name, step] of steps) {
      console.log(`━━ ${engine}: ${name} (load average ${load()})`)
      try {
        await step()
        await settle(base)
        peaks.push(`${name} ${peakRssMb(server.pid)}`)
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        problems.push(`${engine} ${name}: ${message}`)
        add({ metric: name, value: null, unit: '', note: `failed: ${message.split('\n')[0]}` })
      }
    }
    add({
      metric: 'peak RSS of the server',
      value: peakRssMb(server.pid),
      unit: 'MB',
      target: TARGETS.peakRssMb,
      note: `peak after: ${peaks.join(', ')}`,
    })
  } finally {
    await stop(server)
    if (problems.length > failed) console.log(`\nThe end of the ${engine} server's log:\n${tail(logFile, 40)}`)
    if (engine === 'postgres') await dropPostgresDatabase()
  }
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString()
  const loadBefore = load()
  console.log(
    `Benchmark: ${quick ? 'quick, ' : ''}N = ${scale} countries, ${indicators} indicators, ${seconds} s per load test at ${connections} connections`,
  )
  const bareLog = path.join(scratch, 'bare.log')
  const bareServer = spawnTs('bench/bare-server.ts', [String(BARE_PORT)], {}, bareLog)
  try {
    await waitFor(`http://127.0.0.1:${BARE_PORT}/bare`, Date.now(), bareServer, bareLog)
    const bareRps = async () => (await runLoad(`http://127.0.0.1:${BARE_PORT}/bare`, { connections, seconds })).rps
    for (const engine of engines) {
      try {
        await bench(engine, bareRps)
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        problems.push(`${engine}: ${message}`)
        metrics.push({ engine, metric: 'run', value: null, unit: '', note: `failed: ${message.split('\n')[0]}` })
      }
    }
  } finally {
    await stop(bareServer)
    fs.rmSync(scratch, { recursive: true, force: true })
  }
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: load() },
    options: { quick, scale, indicators, seconds, connections, engines },
    metrics: metrics.map((m) => ({ ...m, result: verdict(m) })),
    problems,
  }
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\n${table(metrics)}`)
  console.log(
    `\nLoad average before ${loadBefore}, after ${load()} (${os.cpus().length} cores). Written to bench/results.json.`,
  )
  if (problems.length) {
    console.log(`\nProblems:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    process.exitCode = 1
  }
}

await main()

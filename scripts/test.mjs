// `npm test`: typecheck, lint, i18n check, unit and integration tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), web build, end-to-end tests in Chromium. Ends with one line `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const results = path.join(root, '.test-results')
fs.mkdirSync(results, { recursive: true })
const ci = process.env.CI === 'true'
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '1' }
const totals = { passed: 0, failed: 0, skipped: 0 }
const problems = []

function run(label, cmd, args) {
  console.log(`\n━━ ${label}: ${[cmd, ...args].join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env })
  console.log(
    `━━ ${label}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  return r.status === 0
}

/** A check that is not a test runner counts as one test. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) totals.passed++
  else {
    totals.failed++
    problems.push(label)
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

check('typecheck', 'npm', ['run', '-s', 'typecheck'])
check('lint', 'npx', ['biome', 'check', '.'])
check('i18n', 'npm', ['run', '-s', 'i18n:check'])

const vitestJson = path.join(results, 'vitest.json')
fs.rmSync(vitestJson, { force: true })
const vitestOk = run('unit and integration', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
])
const v = readJson(vitestJson)
if (v) {
  totals.passed += v.numPassedTests ?? 0
  totals.failed += v.numFailedTests ?? 0
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  const files = (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0)
  totals.failed += files.length // a file that failed to load has no test results
  if (!vitestOk && (v.numFailedTests ?? 0) === 0 && files.length === 0) {
    totals.failed++
    problems.push('vitest exited with an error')
  }
  if (ci && !(v.testResults ?? []).some((f) => f.name.includes('apps/server'))) problems.push('no server tests ran')
} else {
  totals.failed++
  problems.push('vitest wrote no results')
}

const built = run('web build', 'npm', ['run', '-s', 'build'])
if (!built) {
  totals.failed++
  problems.push('web build')
} else {
  check('bundle budget', 'node', ['scripts/bundle-budget.mjs'])
  const e2eJson = path.join(root, 'apps/web/test-results/e2e.json')
  fs.rmSync(e2eJson, { force: true })
  const ok = run('end-to-end (Chromium)', 'npx', ['playwright', 'test', '-c', 'apps/web/playwright.config.ts'])
  const e = readJson(e2eJson)
  if (e?.stats) {
    totals.passed += (e.stats.expected ?? 0) + (e.stats.flaky ?? 0)
    totals.failed += e.stats.unexpected ?? 0
    totals.skipped += e.stats.skipped ?? 0
    if ((e.stats.expected ?? 0) + (e.stats.unexpected ?? 0) === 0) problems.push('no end-to-end test ran')
    if (!ok && !(e.stats.unexpected > 0)) {
      totals.failed++
      problems.push('playwright exited with an error')
    }
  } else {
    totals.failed++
    problems.push('playwright wrote no results (is Chromium installed at /usr/bin/chromium?)')
  }
}

if (ci && totals.skipped > 0) problems.push(`${totals.skipped} tests were skipped; under CI=true no suite may skip`)
const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`
fs.writeFileSync(path.join(results, 'summary.txt'), `${line}\n`)
if (problems.length) console.log(`\nProblems: ${problems.join('; ')}`)
console.log(`\n${line}`)
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0)

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')
// E2E_PORT lets two runs share a machine (e.g. several people testing at once).
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${port}`
// A fresh database for every run: the server seeds the demo accounts into it on first start. Workers load this
// config again; they inherit the variable, so only the main process creates a folder.
process.env.THBM_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), `thbm-e2e-${Date.now()}-`))
const dataDir = process.env.THBM_E2E_DATA_DIR

/**
 * End-to-end journeys against the built web app served by the real server (build first: `npm run build -w @thbm/web`).
 * Uses the system Chromium; Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 45_000,
  // Pages load lazily split chunks; a loaded 2-core CI machine needs more than Playwright's 5 s default.
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: path.join(here, 'test-results/e2e.json') }]],
  use: {
    baseURL,
    locale: 'en-GB',
    // Recording a trace costs a third of the suite's time even when it is thrown away (DOM snapshots and a screencast of
    // every action), so none is kept by default: a failure still leaves a screenshot and the page's ARIA snapshot, and
    // `--trace retain-on-failure` on the command line records traces when rerunning a failing spec.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx tsx apps/server/src/main.ts',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: path.join(dataDir, 'db.sqlite'),
      FILES_DIR: path.join(dataDir, 'files'),
      LOG_LEVEL: 'warn',
      // E2E_WEB_DIST: a build elsewhere (several people building and testing on one machine).
      WEB_DIST: process.env.E2E_WEB_DIST ?? path.join(here, 'dist'),
      // Every spec signs in; keep the per-IP throttles out of the way of the suite itself.
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))

/** Debian 12 ships no hadolint; when one is installed, it lints too. Otherwise these checks stand in for it. */
describe('the Dockerfile', () => {
  it('pins its base images and runs as an unprivileged user with a health check', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM '))
    expect(froms.length).toBeGreaterThan(0)
    for (const f of froms) expect(f).toMatch(/^FROM [\w./-]+:\d+\.\d+\.\d+[\w.-]*( AS \w+)?$/)
    const lastFrom = instructions.lastIndexOf(froms.at(-1) as string)
    const final = instructions.slice(lastFrom)
    expect(final.some((l) => /^USER (?!root)\w+/.test(l))).toBe(true)
    expect(final.some((l) => l.startsWith('HEALTHCHECK '))).toBe(true)
    expect(final.some((l) => l.startsWith('CMD ['))).toBe(true)
  })

  it('installs packages without recommends and cleans the apt lists in the same layer', () => {
    for (const run of instructions.filter((l) => l.includes('apt-get install'))) {
      expect(run).toContain('--no-install-recommends')
      expect(run).toContain('rm -rf /var/lib/apt/lists/*')
      expect(run).toMatch(/apt-get update/)
    }
  })

  it('copies only the manifests before npm ci, so dependency layers are cached, and ignores local state', () => {
    const ci = instructions.findIndex((l) => l.includes('npm ci'))
    const copyAll = instructions.indexOf('COPY . .')
    expect(ci).toBeGreaterThan(-1)
    expect(copyAll).toBeGreaterThan(ci)
    const ignore = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8')
    for (const entry of ['node_modules', 'data', '.git']) expect(ignore).toContain(entry)
  })

  it('passes hadolint when it is installed', () => {
    const which = spawnSync('sh', ['-c', 'command -v hadolint'])
    if (which.status !== 0) return
    const r = spawnSync('hadolint', [path.join(root, 'Dockerfile')], { encoding: 'utf8' })
    expect(r.stdout + r.stderr).toBe('')
  })
})

describe('the compose file and the systemd unit', () => {
  it('run the app on PostgreSQL behind a proxy with secure cookies', () => {
    const compose = fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\//)
    expect(compose).toMatch(/TRUST_PROXY: "true"/)
    expect(compose).toMatch(/COOKIE_SECURE: "true"/)
    const unit = fs.readFileSync(path.join(root, 'deploy/thb-monitor.service'), 'utf8')
    expect(unit).toMatch(/^ExecStartPre=.*migrate$/m)
    expect(unit).toMatch(/^User=thbm$/m)
  })
})

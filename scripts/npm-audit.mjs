// `node scripts/npm-audit.mjs`: the CI check of production dependencies. Runs `npm audit --omit=dev --json` and exits 1
// when it lists a high or critical advisory; when the advisory endpoint cannot be reached (no network, a proxy that
// refuses it) it says so and exits 0, since that is no finding about the dependencies.
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

/**
 * What an `npm audit --json` output says: 'clean', 'vulnerable' (with the high and critical packages) or
 * 'unavailable' (an error from the endpoint, or no report at all).
 */
export function classifyAudit(text) {
  let report
  try {
    report = JSON.parse(text)
  } catch {
    return { verdict: 'unavailable', reason: 'npm audit printed no report' }
  }
  const counts = report?.metadata?.vulnerabilities
  if (!counts || report.error) {
    const reason = report?.message || report?.error?.summary || report?.error?.code || 'no report'
    return { verdict: 'unavailable', reason: String(reason) }
  }
  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`)
  const total = (counts.high ?? 0) + (counts.critical ?? 0)
  return total > 0 ? { verdict: 'vulnerable', packages: serious, total } : { verdict: 'clean' }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 })
  const result = classifyAudit(run.stdout ?? '')
  if (result.verdict === 'vulnerable') {
    console.log(`npm audit: ${result.total} high or critical advisories in production dependencies:`)
    for (const p of result.packages) console.log(`  ${p}`)
    console.log('Run `npm audit --omit=dev` for details and `npm audit fix` to update.')
    process.exit(1)
  }
  if (result.verdict === 'unavailable')
    console.log(`npm audit: the advisory endpoint could not be checked (${result.reason}); not counted as a failure`)
  else console.log('npm audit: no high or critical advisory in production dependencies')
}

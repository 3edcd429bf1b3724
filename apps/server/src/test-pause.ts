/**
 * A pause for the crash tests (apps/server/test/reliability/crash.test.ts), inert unless NODE_ENV=test and
 * THBM_TEST_PAUSE=<point>:<ms> name this point: the process then writes `thbm-test-pause: <point>` to stderr and
 * waits, inside the open transaction, so the test can SIGKILL it there. Production never sets the variable.
 */
export async function testPause(point: string): Promise<void> {
  const spec = process.env.THBM_TEST_PAUSE
  if (!spec || process.env.NODE_ENV !== 'test') return
  const [name, ms] = spec.split(':')
  if (name !== point) return
  process.stderr.write(`thbm-test-pause: ${point}\n`)
  await new Promise((resolve) => setTimeout(resolve, Number(ms) || 10_000))
}

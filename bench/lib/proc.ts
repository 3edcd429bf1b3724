import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// Servers started here never outlive the benchmark: not on Ctrl-C, a timeout's SIGTERM, or a crash.
const children = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

/**
 * Runs a TypeScript entry point in one Node process (no tsx wrapper process), so its pid is the one to watch. Its
 * output goes to `logFile` when given (a long-running server: a pipe nobody reads would fill up and block it).
 */
export function spawnTs(entry: string, args: string[], env: Record<string, string>, logFile?: string): ChildProcess {
  const out = logFile ? fs.openSync(logFile, 'a') : 'pipe'
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  })
  if (typeof out === 'number') fs.closeSync(out)
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/** Runs to the end; resolves with its output, rejects with it when the exit code is not 0. */
export function runTs(entry: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(entry, args, env)
    let out = ''
    child.stdout?.on('data', (d) => {
      out += d
    })
    child.stderr?.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${entry} exited ${code}:\n${out}`))))
  })
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The last lines of a log file ('' when there is none). */
export function tail(file: string, lines = 30): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : ''
}

/** Polls the URL until it answers 200; returns the milliseconds from `since`. */
export async function waitFor(
  url: string,
  since: number,
  child: ChildProcess,
  logFile: string,
  timeoutMs = 120_000,
): Promise<number> {
  while (Date.now() - since < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`The process exited (${child.exitCode}) before it was ready:\n${tail(logFile)}`)
    try {
      const res = await fetch(url)
      if (res.status === 200) return Date.now() - since
    } catch {
      // not listening yet
    }
    await sleep(20)
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000} s:\n${tail(logFile)}`)
}

/** Peak resident memory of a process in MB (VmHWM), or null when /proc has no such process. */
export function peakRssMb(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null
  } catch {
    return null
  }
}

/** Stops a child process started here (SIGTERM, then SIGKILL after 5 s). */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

/** Waits until the server answers its health check quickly again (work queued by a load test has drained). */
export async function settle(base: string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const started = Date.now()
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false)
    if (ok && Date.now() - started < 100) return
    await sleep(200)
  }
}

import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const children = new Set<ChildProcess>()
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL')
    process.exit(130)
  })

/** Runs a TypeScript entry point in one Node process (no tsx wrapper process), so its pid is the one to watch. */
export function spawnTs(entry: string, args: string[], env: Record<string, string>, quiet = true): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'pipe'],
  })
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

/** Polls the URL until it answers 200; returns the milliseconds from `since`. */
export async function waitFor(url: string, since: number, child: ChildProcess, timeoutMs = 120_000): Promise<number> {
  let stderr = ''
  child.stderr?.on('data', (d) => {
    stderr += d
  })
  while (Date.now() - since < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`The process exited (${child.exitCode}) before it was ready:\n${stderr}`)
    try {
      const res = await fetch(url)
      if (res.status === 200) return Date.now() - since
    } catch {
      // not listening yet
    }
    await sleep(20)
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000} s:\n${stderr}`)
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

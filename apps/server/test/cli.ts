import { vi } from 'vitest'
import { runCli } from '../src/cli/main.ts'

/** Runs the CLI in-process: its exit code, what it printed, and what it drew on stderr (the progress bar). */
export async function thbm(...args: string[]): Promise<{ code: number; out: string; bar: string }> {
  const lines: string[] = []
  let bar = ''
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => lines.push(a.join(' ')))
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => lines.push(a.join(' ')))
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    bar += String(chunk)
    return true
  })
  try {
    return { code: await runCli(args), out: lines.join('\n'), bar }
  } finally {
    log.mockRestore()
    err.mockRestore()
    stderr.mockRestore()
  }
}

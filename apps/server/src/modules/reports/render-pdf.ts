import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../../errors.ts'

/** A cold Chromium start on a loaded machine takes seconds; a hang must still end. */
const TIMEOUT_MS = 60_000

export interface PdfOptions {
  /** The Chromium binary (config.chromiumPath, from CHROMIUM_PATH). */
  chromiumPath: string
  timeoutMs?: number
}

function missingChromium(chromiumPath: string, cause?: unknown): AppError {
  return new AppError(
    'unavailable',
    `PDF reports need Chromium, which was not found at ${chromiumPath}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to the Chromium binary.`,
    { dependency: 'chromium', path: chromiumPath, install: 'apt-get install chromium', env: 'CHROMIUM_PATH' },
    { cause },
  )
}

/** Runs Chromium in its own process group, so a timeout ends it and every helper process it started. */
function runChromium(
  binary: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString('utf8')
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => {
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
      }
      reject(new AppError('unavailable', `Chromium did not finish the PDF within ${Math.round(timeoutMs / 1000)} s`))
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

/**
 * Prints an HTML page to PDF with headless Chromium (A4 and margins come from the page's CSS). The page is written to
 * a private temporary folder, which also holds Chromium's profile, and the folder is removed afterwards. A missing
 * Chromium is a 503 that names the dependency and how to install it.
 */
export async function renderPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const binary = options.chromiumPath
  try {
    await access(binary, constants.X_OK)
  } catch (err) {
    throw missingChromium(binary, err)
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'thbm-pdf-'))
  try {
    const input = path.join(dir, 'in.html')
    const output = path.join(dir, 'out.pdf')
    await writeFile(input, html, 'utf8')
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      '--mute-audio',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      '--generate-pdf-document-outline',
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ]
    let result: { code: number | null; output: string }
    try {
      result = await runChromium(binary, args, options.timeoutMs ?? TIMEOUT_MS)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw missingChromium(binary, err)
      throw err
    }
    const pdf = await readFile(output).catch(() => null)
    if (!pdf || pdf.length === 0 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new AppError('internal', `Chromium did not write the PDF (exit code ${result.code})`, {
        output: result.output.slice(-2000),
      })
    return pdf
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

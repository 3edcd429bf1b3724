import { execFile } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { inflateRawSync } from 'node:zlib'
import { readCentralDirectory } from '../src/modules/frameworks/xlsx/zip-guard.ts'

const run = promisify(execFile)
const realpath = (file: string) => (existsSync(file) ? realpathSync(file) : file)
const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice'
/** A cold LibreOffice start on a loaded machine takes a while; a hang must still fail the test. */
const TIMEOUT_MS = 120_000

/**
 * Whether office conversions can run here. In CI (`CI=true`) they always must: `.ci/run` installs LibreOffice, so a
 * missing one fails the test rather than skipping it.
 */
export const hasOffice = process.env.CI === 'true' || existsSync(SOFFICE)

/**
 * Whether LibreOffice can open spreadsheets too: Calc is a package of its own (libreoffice-calc-nogui on Debian),
 * without which an XLSX "could not be loaded". Required in CI like the rest.
 */
export const hasOfficeCalc =
  process.env.CI === 'true' || (hasOffice && existsSync(path.join(path.dirname(realpath(SOFFICE)), 'libsclo.so')))

/**
 * Converts an office document to PDF with headless LibreOffice and returns the PDF's path (in a fresh temporary
 * folder that also holds the input; remove it with `cleanupOffice`). Each call uses its own LibreOffice profile, since
 * two conversions cannot share one. Throws when LibreOffice refuses the file (it prints "source file could not be
 * loaded" and writes nothing).
 */
export async function convertToPdf(file: string | { name: string; data: Buffer }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thbm-office-'))
  const input = typeof file === 'string' ? file : path.join(dir, file.name)
  if (typeof file !== 'string') await writeFile(input, file.data)
  const profile = path.join(dir, 'profile')
  const args = [
    '--headless',
    '--norestore',
    `-env:UserInstallation=file://${profile}`,
    '--convert-to',
    'pdf',
    '--outdir',
    dir,
    input,
  ]
  const { stdout, stderr } = await run(SOFFICE, args, { timeout: TIMEOUT_MS })
  const pdf = path.join(dir, `${path.parse(input).name}.pdf`)
  const size = await stat(pdf).then(
    (s) => s.size,
    () => 0,
  )
  if (size === 0) throw new Error(`LibreOffice did not convert ${input}:\n${stdout}\n${stderr}`)
  return pdf
}

/** The text of a PDF (poppler's `pdftotext`), for asserting what a converted document shows. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 50 * 1024 * 1024 })
  return stdout
}

/** Removes the temporary folder a conversion made. */
export async function cleanupOffice(pdf: string): Promise<void> {
  await rm(path.dirname(pdf), { recursive: true, force: true })
}

/** The text of one part of an office file (a zip), e.g. `word/document.xml`; throws when the part is missing. */
export function zipPart(data: Buffer, name: string): string {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') throw new Error(entries)
  const entry = entries.find((e) => e.name === name)
  if (!entry) throw new Error(`No ${name} in the zip (it has ${entries.map((e) => e.name).join(', ')})`)
  const at = entry.localOffset
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  const raw = data.subarray(start, start + entry.compressedSize)
  return (entry.method === 0 ? raw : inflateRawSync(raw)).toString('utf8')
}

/** The names of the parts of an office file. */
export function zipParts(data: Buffer): string[] {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') throw new Error(entries)
  return entries.map((e) => e.name)
}

import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { nationalFixture } from '../../../test/report-fixture.ts'
import { loadConfig } from '../../config.ts'
import { AppError } from '../../errors.ts'
import { composeNational } from './compose-national.ts'
import { renderHtml } from './render-html.ts'
import { renderPdf } from './render-pdf.ts'

const run = promisify(execFile)
const chromiumPath = loadConfig(process.env).chromiumPath
// CI installs Chromium and poppler (.ci/run): there a missing tool fails the test instead of skipping it.
const ci = process.env.CI === 'true'
const hasChromium = ci || (existsSync(chromiumPath) && existsSync('/usr/bin/pdftotext'))

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thbm-pdf-test-'))
  try {
    const file = path.join(dir, 'report.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 20 * 1024 * 1024 })
    return stdout.replace(/\s+/g, ' ')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

describe('renderPdf', () => {
  it.skipIf(!hasChromium)(
    'prints the national report with its charts and tables',
    async () => {
      const html = renderHtml(composeNational(nationalFixture(), 'en', 'public'))
      const pdf = await renderPdf(html, { chromiumPath })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const text = await pdfText(pdf)
      // A chart's title (drawn in the SVG), table figures, and the page footer.
      expect(text).toContain('Area scores: Round 2025 and Round 2024')
      expect(text).toContain('62.5 of 100')
      expect(text).toContain('€125,000')
      expect(text).toContain('<5')
      expect(text).toMatch(/Serbia · Round 2025 · National monitoring report · 2 \/ \d+/)
    },
    90_000,
  )

  it.skipIf(!hasChromium)(
    'prints Serbian Cyrillic',
    async () => {
      const pdf = await renderPdf(renderHtml(composeNational(nationalFixture(), 'sr-Cyrl', 'internal')), {
        chromiumPath,
      })
      expect(await pdfText(pdf)).toContain('Национални извештај о праћењу')
    },
    90_000,
  )

  it('names the missing dependency and how to install it when Chromium is not there', async () => {
    const missing = loadConfig({ ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }).chromiumPath
    const error = await renderPdf('<!doctype html><p>x</p>', { chromiumPath: missing }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('unavailable')
    expect((error as AppError).status).toBe(503)
    expect((error as AppError).message).toMatch(
      /Chromium.*\/nonexistent\/chromium.*apt-get install chromium.*CHROMIUM_PATH/,
    )
    expect((error as AppError).details).toMatchObject({ dependency: 'chromium' })
  })
})

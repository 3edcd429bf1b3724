import type { ReportData, ReportQuery } from '@thbm/shared'
import { composeNational } from './compose-national.ts'
import { composeRegional } from './compose-regional.ts'
import { renderDocx } from './render-docx.ts'
import { renderHtml } from './render-html.ts'
import { renderPdf } from './render-pdf.ts'
import { renderXlsx } from './render-xlsx.ts'

/** The content type of each report format. */
export const REPORT_CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export interface RenderedReport {
  body: Buffer | string
  contentType: string
  fileName: string
}

/** A plain ASCII file name, e.g. `thbm-national-RS-2025-en.docx` or `thbm-regional-2025-2-sr-Latn.pdf`. */
export function reportFileName(data: ReportData, q: Pick<ReportQuery, 'format' | 'lang'>, number?: number): string {
  const year = data.round.periodTo.slice(0, 4)
  const scope = data.kind === 'national' ? `national-${data.country.code}` : 'regional'
  return `thbm-${scope}-${year}${number ? `-${number}` : ''}-${q.lang}.${q.format}`
}

/** Renders a report's data in the asked format, locale and disclosure mode. */
export async function renderReport(
  data: ReportData,
  q: ReportQuery,
  options: { chromiumPath: string; number?: number },
): Promise<RenderedReport> {
  const fileName = reportFileName(data, q, options.number)
  const contentType = REPORT_CONTENT_TYPES[q.format]
  if (q.format === 'xlsx')
    return {
      body: await renderXlsx(data, q.lang, q.disclosure, data.method.disclosureThreshold),
      contentType,
      fileName,
    }
  const doc =
    data.kind === 'national' ? composeNational(data, q.lang, q.disclosure) : composeRegional(data, q.lang, q.disclosure)
  if (q.format === 'docx') return { body: await renderDocx(doc), contentType, fileName }
  const html = renderHtml(doc)
  if (q.format === 'html') return { body: html, contentType, fileName }
  return { body: await renderPdf(html, { chromiumPath: options.chromiumPath }), contentType, fileName }
}

import type { ReportQuery } from '@thbm/shared'
import type { RenderedReport } from './render-report.ts'

const MAX_ENTRIES = 48

/**
 * Rendered documents of published snapshots, which never change: the last few are kept in memory (least recently
 * used first out), so repeated downloads of a release do not render charts and documents again. Per process.
 */
export class RenderCache {
  private entries = new Map<string, Promise<RenderedReport>>()

  get(publicationId: string, q: ReportQuery, render: () => Promise<RenderedReport>): Promise<RenderedReport> {
    const key = `${publicationId}|${q.format}|${q.lang}|${q.disclosure}`
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const pending = render()
    this.entries.set(key, pending)
    pending.catch(() => this.entries.delete(key))
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
    return pending
  }
}

/** The process's cache of published documents. */
export const publishedDocuments = new RenderCache()

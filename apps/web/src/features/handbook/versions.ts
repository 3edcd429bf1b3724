import type { VersionSummary } from '@thbm/shared'

/** The most recently published version (the one people should usually read), or null. */
export function latestPublished(versions: readonly VersionSummary[]): VersionSummary | null {
  return (
    versions
      .filter((v) => v.status === 'published')
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0] ?? null
  )
}

/** Versions newest first: drafts (not yet published) on top, then by publication date. */
export function newestFirst(versions: readonly VersionSummary[]): VersionSummary[] {
  return [...versions].sort((a, b) => {
    if (!a.publishedAt !== !b.publishedAt) return a.publishedAt ? 1 : -1
    return (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.label.localeCompare(a.label)
  })
}

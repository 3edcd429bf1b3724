import type { Issue } from '@thbm/shared'

/**
 * Server and schema messages of the Handbook mapped to catalog keys, so problems read in the person's language.
 * The patterns follow the messages of the shared schemas and the frameworks module; anything else is generic.
 */
const PATTERNS: [RegExp, string][] = [
  [/^Use a code like /, 'handbook:errors.indicatorCode'],
  [/^Use an upper-case code like /, 'handbook:errors.areaCode'],
  [/^Use a label like /, 'handbook:errors.label'],
  [/^Use an ISO 4217 currency code/, 'handbook:errors.currency'],
  [/^Use lower-case letters, digits and _/, 'handbook:errors.dimensionCode'],
  [/^Code .+ is used already/, 'handbook:errors.codeTaken'],
  [/^Unknown area /, 'handbook:errors.unknownArea'],
  [/^Version .+ exists already/, 'handbook:errors.labelTaken'],
  [/red-flag indicator needs/, 'handbook:errors.redFlagScale'],
  [/core indicator and cannot be excluded/, 'handbook:errors.coreExcluded'],
  [/^The parts need different codes/, 'handbook:errors.partsDistinct'],
  [/^Text in the base language/, 'handbook:errors.textRequired'],
  [/exactly five levels/, 'handbook:errors.rubricLevels'],
]

/** Catalog key for one problem with a field. */
export function issueMessageKey(issue: Pick<Issue, 'message' | 'code'>): string {
  for (const [pattern, key] of PATTERNS) if (pattern.test(issue.message)) return key
  if (issue.code === 'too_small') return 'handbook:errors.tooFew'
  if (issue.code === 'too_big') return 'handbook:errors.tooMany'
  return 'common:fieldErrors.invalid'
}

/**
 * Problems keyed by field path under a prefix: `body.title` → `title`, `body.into[1].code` → `into[1].code`.
 * Only the first problem of each field is kept.
 */
export function issuesByPath(issues: readonly Issue[], prefix = 'body'): Record<string, Issue> {
  const out: Record<string, Issue> = {}
  for (const issue of issues) {
    if (!issue.path.startsWith(`${prefix}.`) && !issue.path.startsWith(`${prefix}[`)) continue
    const field = issue.path.slice(prefix.length).replace(/^\./, '')
    if (field && !(field in out)) out[field] = issue
  }
  return out
}

/** A framework text (`{ en, 'sr-Cyrl', … }`) in the UI language, falling back to English, then to any language. */
export function localText(text: Record<string, string | undefined> | undefined, locale: string): string {
  if (!text) return ''
  return text[locale] || text.en || Object.values(text).find(Boolean) || ''
}

/**
 * A thematic area's title short enough for a chart axis or legend: without its parenthesis, and cut at the first
 * comma when still long ("Labour exploitation (forced labour, …)" → "Labour exploitation").
 */
export function shortTitle(title: string, max = 36): string {
  const bare = title.replace(/\s*\(.*$/, '').trim() || title
  if (bare.length <= max) return bare
  const head = bare.split(',')[0]?.trim() ?? ''
  return head || bare
}

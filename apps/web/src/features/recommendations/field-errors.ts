/** Server field errors keyed by the form's field: `areaCodes.2` and `evidence.0.url` become `areaCodes` and `evidence`. */
export const byTopField = (errors: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(errors)) out[path.split('.')[0] as string] ??= message
  return out
}

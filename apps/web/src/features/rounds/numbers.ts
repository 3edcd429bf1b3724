/** A NumberInput's value as a number, or null when empty or not (yet) a number. */
export const toNumber = (v: string | number): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  const trimmed = v.trim()
  if (!trimmed) return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : null
}

/** A number for a NumberInput (empty string for none). */
export const inputValue = (n: number | null | undefined): number | string => n ?? ''

/** The percentage of numerator over denominator, or null when it cannot be computed. */
export const percentage = (numerator: number | null, denominator: number | null): number | null =>
  numerator !== null && denominator ? (numerator / denominator) * 100 : null

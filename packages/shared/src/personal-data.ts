/** Kinds of personal data the free-text guard looks for. */
export type PersonalDataKind = 'national_id' | 'passport' | 'phone' | 'name_and_date'

const PATTERNS: [PersonalDataKind, RegExp][] = [
  // A 13-digit personal number (JMBG/EMBG and the Kosovo and Albanian equivalents).
  ['national_id', /\b\d{13}\b/],
  // Two letters and six to eight digits, or the word passport with a number near it.
  ['passport', /\b[A-Z]{1,2}\d{6,8}\b|(passport|pasoš|пасош|pasaport|pasaportë)\D{0,20}\d{5,}/iu],
  ['phone', /(\+|00)\s?3\d{2}[\s/.-]?\d{2,3}[\s/.-]?\d{3}[\s/.-]?\d{2,4}|\b0\d{2}[\s/.-]\d{3}[\s/.-]?\d{3,4}\b/],
  // A capitalised first and last name next to a full date (e.g. a date of birth).
  [
    'name_and_date',
    /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+[\s,;(]{1,5}(born|rođen|рођен|lindur)?\s*\d{1,2}[./-]\d{1,2}[./-](19|20)\d{2}/u,
  ],
]

/**
 * Warns when free text looks like personal data of a victim (the tool keeps aggregate figures only). It never blocks:
 * the person sees why and may edit.
 */
export function detectPersonalData(text: string | null | undefined): PersonalDataKind[] {
  if (!text) return []
  return PATTERNS.filter(([, re]) => re.test(text)).map(([kind]) => kind)
}

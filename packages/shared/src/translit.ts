const MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

/**
 * Serbian Cyrillic to Serbian Latin, letter by letter (mechanical and deterministic).
 * Digraphs (Љ, Њ, Џ) are written all-caps inside an all-caps word (ЉУБАВ → LJUBAV) and title-case otherwise (Љубав → Ljubav).
 */
export function cyrillicToLatin(text: string): string {
  let out = ''
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string
    const lower = ch.toLowerCase()
    const latin = MAP[lower]
    if (latin === undefined) {
      out += ch
      continue
    }
    if (ch === lower) {
      out += latin
      continue
    }
    if (latin.length === 1) {
      out += latin.toUpperCase()
      continue
    }
    const neighbourUpper = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !/\s/.test(chars[i + 1] ?? ' '))
    out += neighbourUpper ? latin.toUpperCase() : (latin[0] as string).toUpperCase() + latin.slice(1)
  }
  return out
}

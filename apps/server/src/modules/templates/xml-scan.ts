/**
 * A small, strict XML tokenizer for the parts of an uploaded workbook the template reader needs (about ten times
 * faster than exceljs's saxes-based reading). It reports elements and text in document order and refuses what saxes
 * (exceljs's parser) refuses: mismatched or unclosed tags, malformed attributes, unknown entities and characters XML
 * does not allow. Text is decoded as saxes decodes it: the five predefined entities, character references, and line
 * ends normalised to `\n`. CDATA sections are skipped, as exceljs ignores them; comments, processing instructions and
 * the doctype are skipped.
 */
export interface XmlHandlers {
  /** An element opens; `attrs` reads its attributes (by qualified name), during this call only. */
  open(name: string, attrs: XmlAttrs): void
  /** An element closes (also right after `open` for `<empty/>`). */
  close(name: string): void
  /** Text between tags, decoded; never empty. */
  text(value: string): void
}

export class XmlError extends Error {}

/** The attributes of the element being opened, decoded when read (only the ones a reader asks for are copied). */
export interface XmlAttrs {
  get(name: string): string | undefined
  /** Every attribute by its qualified name. */
  all(): Record<string, string>
}

const NAME = /^[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFF]*$/
const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][-A-Za-z0-9_.]*)?(;?)/g
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** Characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage return; U+FFFE and U+FFFF. */
const forbidden = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff

/** 0: a plain copy will do; 1: an entity or a carriage return to decode; throws on a forbidden character. */
function scanText(raw: string): 0 | 1 {
  let special: 0 | 1 = 0
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c === 0x26 || c === 0x0d) special = 1
    else if (forbidden(c)) throw new XmlError('A character XML does not allow')
  }
  return special
}

/** Names already checked (tags and attributes repeat: c, r, s, t, v …); bounded so a hostile file cannot grow it. */
const knownNames = new Set<string>()

function checkName(name: string): void {
  if (knownNames.has(name)) return
  if (!NAME.test(name)) throw new XmlError(`A malformed name "${name.slice(0, 40)}"`)
  if (knownNames.size < 1000) knownNames.add(name)
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d

/** Decodes entities and normalises line ends in text or an attribute value. */
export function decodeXmlText(raw: string): string {
  if (!scanText(raw)) return raw
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (_m, ref: string | undefined, semi: string) => {
    if (!ref || !semi) throw new XmlError('A bare "&" in XML text')
    if (ref[0] !== '#') {
      const value = PREDEFINED[ref]
      if (value === undefined) throw new XmlError(`Unknown entity &${ref};`)
      return value
    }
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff)
    if (!allowed) throw new XmlError(`Character reference &${ref}; is not allowed`)
    return String.fromCodePoint(code)
  })
}

const isNameStart = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0xc0 && c <= 0xffff)
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7

/** Whether two names in the document, [a, aEnd) and [b, bEnd), are the same. */
function sameName(xml: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false
  for (let i = 0; i < aEnd - a; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(b + i)) return false
  return true
}

/**
 * The attributes of the current start tag, as positions in the document: [name start, name end, value start, value
 * end, needs decoding] per attribute. One instance per scan, reused for every tag.
 */
class Attributes implements XmlAttrs {
  xml = ''
  count = 0
  readonly at: number[] = []

  get(name: string): string | undefined {
    const { at, xml } = this
    for (let i = 0; i < this.count * 5; i += 5) {
      const from = at[i] as number
      if ((at[i + 1] as number) - from === name.length && xml.startsWith(name, from)) return this.value(i)
    }
    return undefined
  }

  all(): Record<string, string> {
    const out: Record<string, string> = {}
    for (let i = 0; i < this.count * 5; i += 5) out[this.xml.slice(this.at[i], this.at[i + 1])] = this.value(i)
    return out
  }

  private value(i: number): string {
    const raw = this.xml.slice(this.at[i + 2], this.at[i + 3])
    return this.at[i + 4] ? decodeXmlText(raw) : raw
  }

  /** Reads the attributes of a start tag from `from` (just after its name) to its end; returns the end. */
  parse(from: number): { end: number; selfClosing: boolean } {
    const { xml, at } = this
    this.count = 0
    let i = from
    for (;;) {
      let c = xml.charCodeAt(i)
      const spaced = isSpace(c)
      while (isSpace(c)) c = xml.charCodeAt(++i)
      if (c === 0x3e /* > */) return { end: i + 1, selfClosing: false }
      if (c === 0x2f /* / */) {
        if (xml.charCodeAt(i + 1) !== 0x3e) throw new XmlError('A malformed empty-element tag')
        return { end: i + 2, selfClosing: true }
      }
      if (!spaced) throw new XmlError('Attributes must be separated by spaces')
      const nameStart = i
      if (!isNameStart(c)) throw new XmlError('A malformed attribute name')
      do c = xml.charCodeAt(++i)
      while (isNameChar(c))
      const nameEnd = i
      while (isSpace(c)) c = xml.charCodeAt(++i)
      if (c !== 0x3d /* = */) throw new XmlError('An attribute without a value')
      c = xml.charCodeAt(++i)
      while (isSpace(c)) c = xml.charCodeAt(++i)
      if (c !== 0x22 && c !== 0x27) throw new XmlError('An attribute value without quotes')
      const quote = c
      const valueStart = i + 1
      let special = 0
      for (c = xml.charCodeAt(++i); c !== quote; c = xml.charCodeAt(++i)) {
        if (Number.isNaN(c)) throw new XmlError('The XML ends inside an attribute')
        if (c === 0x3c) throw new XmlError('"<" in an attribute value')
        if (c === 0x26 || c === 0x0d || forbidden(c)) special = 1
      }
      for (let k = 0; k < this.count * 5; k += 5)
        if (sameName(xml, at[k] as number, at[k + 1] as number, nameStart, nameEnd))
          throw new XmlError('A repeated attribute')
      const k = this.count * 5
      at[k] = nameStart
      at[k + 1] = nameEnd
      at[k + 2] = valueStart
      at[k + 3] = i
      at[k + 4] = special
      this.count++
      i++
    }
  }
}

/** Skips a construct that starts at `at` and ends with `end`; the index after it. */
function skip(xml: string, at: number, end: string): number {
  const to = xml.indexOf(end, at)
  if (to < 0) throw new XmlError('The XML ends inside a comment, CDATA section or declaration')
  return to + end.length
}

/** Scans a whole document, calling the handlers; throws XmlError when it is not well-formed. */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  const stack: string[] = []
  const attrs = new Attributes()
  attrs.xml = xml
  let seenRoot = false
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0
  const length = xml.length
  while (at < length) {
    const lt = xml.indexOf('<', at)
    const textEnd = lt < 0 ? length : lt
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd)
      if (stack.length) handlers.text(decodeXmlText(raw))
      else if (!/^\s*$/.test(raw)) throw new XmlError('Text outside the root element')
    }
    if (lt < 0) break
    const next = xml.charCodeAt(lt + 1)
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) at = skip(xml, lt + 4, '-->')
      else if (xml.startsWith('<![CDATA[', lt)) {
        if (!stack.length) throw new XmlError('CDATA outside the root element')
        at = skip(xml, lt + 9, ']]>')
      } else if (xml.startsWith('<!DOCTYPE', lt) && !seenRoot) at = skip(xml, lt + 9, '>')
      else throw new XmlError('A malformed declaration')
      continue
    }
    if (next === 0x3f /* ? */) {
      at = skip(xml, lt + 2, '?>')
      continue
    }
    if (next === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt + 2)
      if (gt < 0) throw new XmlError('The XML ends inside a tag')
      const name = xml.slice(lt + 2, gt).trimEnd()
      const open = stack.pop()
      if (open !== name) throw new XmlError(`</${name}> does not close <${open ?? ''}>`)
      handlers.close(name)
      at = gt + 1
      continue
    }
    let nameEnd = lt + 1
    for (;;) {
      const c = xml.charCodeAt(nameEnd)
      // Up to white space, "/" or ">" (or the end of the text: NaN).
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x2f || c === 0x3e || Number.isNaN(c)) break
      nameEnd++
    }
    const name = xml.slice(lt + 1, nameEnd)
    checkName(name)
    if (!stack.length && seenRoot) throw new XmlError('A second root element')
    seenRoot = true
    const tag = attrs.parse(nameEnd)
    handlers.open(name, attrs)
    if (tag.selfClosing) handlers.close(name)
    else stack.push(name)
    at = tag.end
  }
  // saxes (as exceljs feeds it) never reports a document cut short; neither do we, when its tags are complete.
}

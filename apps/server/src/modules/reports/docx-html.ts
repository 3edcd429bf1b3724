import { ExternalHyperlink, HeadingLevel, Paragraph, type ParagraphChild, TextRun } from 'docx'

/** The numbering definitions `htmlToParagraphs` and the renderer refer to (see render-docx.ts). */
export const BULLETS = 'thbm-bullets'
export const NUMBERS = 'thbm-numbers'

/** A run of text with its formatting, or a line break, collected until its paragraph ends. */
type Inline =
  | { text: string; bold: boolean; italics: boolean; underline: boolean; href: string | null }
  | { lineBreak: true }

/** The kind of paragraph being collected: a plain one, a list item's, or a heading. */
type BlockKind = 'p' | 'li' | 'h3' | 'h4'

interface List {
  ordered: boolean
  /** Each ordered list is its own numbering instance, so it starts again at 1. */
  instance: number
}

// Tags, comments, text, or a stray "<".
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->|([^<]+)|</g
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
const SAFE_LINK = /^(https?:|mailto:)/i
const MAX_LIST_LEVEL = 8
/** Indent of each list level in twips (a quarter inch); the numbering definitions use the same. */
export const LIST_INDENT = 360

/** Decodes the character references sanitised HTML can hold; unknown named references stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/**
 * Turns sanitised rich text (p, strong/b, em/i, ul/ol/li, a, h3, h4, blockquote, br) into Word paragraphs: lists
 * use the BULLETS and NUMBERS numbering, links become hyperlinks (http, https and mailto only), h3 and h4 use Word's
 * heading styles. Any other tag is dropped and its text kept. `nextInstance` gives each ordered list its own count.
 */
export function htmlToParagraphs(html: string, nextInstance: () => number): Paragraph[] {
  const out: Paragraph[] = []
  const lists: List[] = []
  let inlines: Inline[] = []
  let block: BlockKind = 'p'
  let bold = 0
  let italics = 0
  let underline = 0
  // A list item's first paragraph gets the bullet or number; later ones in the same item are only indented.
  let itemStarted = false
  let quote = 0
  let href: string | null = null

  const flush = () => {
    const paragraph = toParagraph(inlines, { block, lists, quote, continuation: block === 'li' && itemStarted })
    if (paragraph) out.push(paragraph)
    if (paragraph && block === 'li') itemStarted = true
    inlines = []
  }

  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, rawName, attributes, text] = m
    if (text !== undefined || whole === '<') {
      const value = decodeEntities(text ?? whole).replace(/\s+/g, ' ')
      inlines.push({ text: value, bold: bold > 0, italics: italics > 0, underline: underline > 0, href })
      continue
    }
    if (!rawName) continue // a comment
    const name = rawName.toLowerCase()
    const isOpen = closing === ''
    switch (name) {
      case 'li':
        flush()
        itemStarted = false
        block = lists.length > 0 ? 'li' : 'p'
        break
      case 'p':
        // Editors wrap a list item's text in <p>: it stays part of the item.
        flush()
        block = lists.length > 0 ? 'li' : 'p'
        break
      case 'h3':
      case 'h4':
        flush()
        block = isOpen ? name : lists.length > 0 ? 'li' : 'p'
        break
      case 'ul':
      case 'ol':
        flush()
        if (isOpen) lists.push({ ordered: name === 'ol', instance: name === 'ol' ? nextInstance() : 0 })
        else lists.pop()
        // Text after a nested list belongs to the outer item, under its bullet.
        itemStarted = !isOpen && lists.length > 0
        block = lists.length > 0 ? 'li' : 'p'
        break
      case 'blockquote':
        flush()
        quote = Math.max(0, quote + (isOpen ? 1 : -1))
        break
      case 'strong':
      case 'b':
        bold = Math.max(0, bold + (isOpen ? 1 : -1))
        break
      case 'em':
      case 'i':
        italics = Math.max(0, italics + (isOpen ? 1 : -1))
        break
      case 'u':
        underline = Math.max(0, underline + (isOpen ? 1 : -1))
        break
      case 'a': {
        const found = isOpen ? HREF.exec(attributes ?? '') : null
        const target = found ? decodeEntities(found[1] ?? found[2] ?? found[3] ?? '') : ''
        href = isOpen && SAFE_LINK.test(target) ? target : null
        break
      }
      case 'br':
        inlines.push({ lineBreak: true })
        break
      default:
        break
    }
  }
  flush()
  return out
}

interface BlockState {
  block: BlockKind
  lists: List[]
  quote: number
  /** A further paragraph of a list item: indented like the item, without a bullet or number. */
  continuation: boolean
}

/** One paragraph from the collected runs, with surrounding spaces trimmed; null when nothing is left. */
function toParagraph(inlines: Inline[], { block, lists, quote, continuation }: BlockState): Paragraph | null {
  const runs = trimEnds(inlines)
  if (runs.length === 0) return null
  const children: ParagraphChild[] = []
  for (let i = 0; i < runs.length; ) {
    const run = runs[i] as Inline
    const href = 'href' in run ? run.href : null
    if (!href) {
      children.push(textRun(run))
      i++
      continue
    }
    const group: TextRun[] = []
    while (i < runs.length && (runs[i] as { href?: string | null }).href === href) {
      group.push(textRun(runs[i] as Inline, true))
      i++
    }
    children.push(new ExternalHyperlink({ link: href, children: group }))
  }
  const indent = quote > 0 ? { left: 567 * quote } : undefined
  if (block === 'h3' || block === 'h4') {
    return new Paragraph({ heading: block === 'h3' ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children })
  }
  const list = lists.at(-1)
  if (block === 'li' && list) {
    const level = Math.min(lists.length - 1, MAX_LIST_LEVEL)
    if (continuation) return new Paragraph({ children, indent: { left: LIST_INDENT * (level + 1) } })
    const numbering = list.ordered
      ? { reference: NUMBERS, level, instance: list.instance }
      : { reference: BULLETS, level }
    return new Paragraph({ numbering, children })
  }
  return new Paragraph({ children, indent, style: quote > 0 ? 'Quote' : undefined })
}

function textRun(run: Inline, isLink = false): TextRun {
  if ('lineBreak' in run) return new TextRun({ break: 1 })
  const { text, bold, italics, underline } = run
  // Only what is set: an explicit "not bold" would override a heading style's bold.
  return new TextRun({
    text,
    bold: bold || undefined,
    italics: italics || undefined,
    underline: underline ? {} : undefined,
    style: isLink ? 'Hyperlink' : undefined,
  })
}

/** Drops empty runs and the spaces at the start and end of a paragraph (HTML collapses them). */
function trimEnds(inlines: Inline[]): Inline[] {
  const runs = [...inlines]
  const trim = (index: number, pattern: RegExp) => {
    const run = runs[index]
    if (run && !('lineBreak' in run)) runs[index] = { ...run, text: run.text.replace(pattern, '') }
  }
  const isEmpty = (run: Inline | undefined) => run !== undefined && !('lineBreak' in run) && run.text === ''
  for (trim(0, /^ +/); isEmpty(runs[0]); trim(0, /^ +/)) runs.shift()
  for (trim(runs.length - 1, / +$/); isEmpty(runs.at(-1)); trim(runs.length - 1, / +$/)) runs.pop()
  const kept = runs.filter((run) => !isEmpty(run))
  return kept.some((run) => !('lineBreak' in run)) ? kept : []
}

import { Marked, type Tokens } from 'marked'

/** A heading of the chapter with its explicit anchor, for the table of contents. */
export interface TocEntry {
  depth: number
  id: string
  text: string
}

export interface RenderedChapter {
  /** The text of the chapter's first-level heading. */
  title: string
  html: string
  toc: TocEntry[]
}

export interface RenderOptions {
  /** The pixel size of the screenshot `name` (e.g. `rounds-list.png`), or null when it has not been generated. */
  imageSize: (name: string) => { width: number; height: number } | null
}

/** `## Title {#anchor}`: the explicit anchor at the end of a heading, identical in every language. */
const ANCHOR = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/
/** Screenshots are referenced as `../images/<name>.png` from a chapter. */
const IMAGE = /^\.\.\/images\/([a-z0-9][a-z0-9-]*\.png)$/
/** A link to another chapter: `country-lead.md` or `country-lead.md#validate`. */
const CHAPTER_LINK = /^([a-z0-9-]+)\.md(#[a-z0-9-]+)?$/

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")

type AnchoredHeading = Tokens.Heading & { anchor?: string }

/** The anchors of a chapter's headings, in order (`{#anchor}` and `<a id="anchor">` alike). */
export function anchorsOf(markdown: string): string[] {
  const out: string[] = []
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s.*\{#([a-z0-9][a-z0-9-]*)\}\s*$/.exec(line)
    if (heading?.[1]) out.push(heading[1])
    for (const m of line.matchAll(/<a id="([a-z0-9][a-z0-9-]*)"><\/a>/g)) if (m[1]) out.push(m[1])
  }
  return out
}

/**
 * Renders one chapter of the guide (our own Markdown, so raw HTML passes through): headings get their explicit
 * anchors, chapter links lose `.md` (they resolve beside the current page, in the same language), and a screenshot
 * that has not been generated is shown as its alt text in a bordered box.
 */
export function renderChapter(markdown: string, options: RenderOptions): RenderedChapter {
  const toc: TocEntry[] = []
  let title = ''
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type !== 'heading') return
      const heading = token as AnchoredHeading
      const match = ANCHOR.exec(heading.text)
      if (!match) return
      heading.anchor = match[1]
      heading.text = heading.text.replace(ANCHOR, '')
      const last = heading.tokens.at(-1)
      if (last && 'text' in last && typeof last.text === 'string') {
        last.text = last.text.replace(ANCHOR, '')
        last.raw = last.raw.replace(ANCHOR, '')
      }
    },
    renderer: {
      heading(token) {
        const { anchor } = token as AnchoredHeading
        const inner = this.parser.parseInline(token.tokens)
        const text = stripTags(inner).trim()
        if (token.depth === 1 && !title) title = text
        if (anchor && token.depth >= 2 && token.depth <= 3) toc.push({ depth: token.depth, id: anchor, text })
        const id = anchor ? ` id="${escapeHtml(anchor)}"` : ''
        return `<h${token.depth}${id}>${inner}</h${token.depth}>\n`
      },
      image({ href, text }) {
        const match = IMAGE.exec(href)
        if (!match?.[1]) return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`
        const name = match[1]
        const size = options.imageSize(name)
        if (!size)
          return `<span class="missing-image" role="img" aria-label="${escapeHtml(text)}">${escapeHtml(text)}</span>`
        // The size reserves the image's place, so a link to a section lands there even before images load.
        const dimensions = `width="${size.width}" height="${size.height}"`
        return `<img src="/guide/images/${name}" alt="${escapeHtml(text)}" ${dimensions} loading="lazy">`
      },
      link({ href, title: linkTitle, tokens }) {
        const inner = this.parser.parseInline(tokens)
        const chapter = CHAPTER_LINK.exec(href)
        const target = chapter ? `${chapter[1]}${chapter[2] ?? ''}` : href
        const titleAttr = linkTitle ? ` title="${escapeHtml(linkTitle)}"` : ''
        return `<a href="${escapeHtml(target)}"${titleAttr}>${inner}</a>`
      },
    },
  })
  const html = marked.parse(markdown, { async: false })
  return { title, html, toc }
}

/** The first-level heading of a chapter, without its anchor, for the list of chapters. */
export function chapterTitle(markdown: string): string {
  const line = markdown.split('\n').find((l) => /^#\s/.test(l)) ?? ''
  return line.replace(/^#\s+/, '').replace(ANCHOR, '').trim()
}

/**
 * The client's copy of the server's allow-list for findings and conclusions (`sanitizeNarrative` on the server):
 * paragraphs, line breaks, headings 3–4, emphasis, lists, quotes and links to http(s) or mailto addresses. The
 * server already stores only this subset; the browser checks again (defence in depth) and never hands a stored
 * string to `innerHTML`: saved HTML is parsed into an inert document by DOMParser (scripts do not run there) and
 * walked into a small tree of allowed nodes, which is rendered as React elements or serialised with escaping.
 */

export const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'blockquote',
  'a',
] as const
export type AllowedTag = (typeof ALLOWED_TAGS)[number]

/** Elements whose content is dropped with them (not unwrapped as text), as the server does. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'option',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
])

export type SafeNode = string | { tag: AllowedTag; href?: string; children: SafeNode[] }

const allowed = new Set<string>(ALLOWED_TAGS)

/** An http(s) or mailto address, or null (javascript:, data:, relative and protocol-relative URLs are refused). */
export function safeHref(raw: string | null): string | null {
  const href = (raw ?? '').trim()
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null
  try {
    const url = new URL(href)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? href : null
  } catch {
    return null
  }
}

function walk(node: Node): SafeNode[] {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ? [node.textContent] : []
  if (node.nodeType !== Node.ELEMENT_NODE) return []
  const element = node as Element
  const tag = element.tagName.toLowerCase()
  if (DROPPED.has(tag)) return []
  const children = [...element.childNodes].flatMap(walk)
  if (!allowed.has(tag)) return children
  if (tag === 'a') {
    const href = safeHref(element.getAttribute('href'))
    return href ? [{ tag: 'a', href, children }] : children
  }
  return [{ tag: tag as AllowedTag, children }]
}

/** Parses HTML into the allowed nodes only (no attribute survives but a checked link address). */
export function parseSafeHtml(html: string): SafeNode[] {
  if (!html) return []
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return [...doc.body.childNodes].flatMap(walk)
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;')

function serialise(node: SafeNode): string {
  if (typeof node === 'string') return escapeText(node)
  if (node.tag === 'br') return '<br>'
  const inner = node.children.map(serialise).join('')
  if (node.tag === 'a') return `<a href="${escapeAttr(node.href ?? '')}">${inner}</a>`
  return `<${node.tag}>${inner}</${node.tag}>`
}

/** The allowed subset of some HTML, as an HTML string (what is sent to the server and loaded into the editor). */
export function cleanHtml(html: string): string {
  return parseSafeHtml(html).map(serialise).join('').trim()
}

/** Whether HTML has no visible text (an empty editor gives `<p></p>`). */
export function isBlankHtml(html: string): boolean {
  const text = (nodes: SafeNode[]): string => nodes.map((n) => (typeof n === 'string' ? n : text(n.children))).join('')
  return text(parseSafeHtml(html)).trim() === ''
}

import type { GuideChapter } from '@thbm/shared/guide'
import type { Translate } from '../../i18n/translate.ts'
import { escapeHtml, type TocEntry } from './render-guide.ts'

/** No script, no frames, no forms; images and styles only from this page and this server. */
export const GUIDE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:#1f2933;background:#f8f9fa}
a{color:#1864ab}a:focus-visible{outline:3px solid #1c7ed6;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header{background:#fff;border-bottom:1px solid #dee2e6;padding:.75rem 1.5rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;justify-content:space-between}
header .name{font-weight:700;font-size:1.15rem;color:#1f2933;text-decoration:none}
.layout{display:grid;grid-template-columns:minmax(0,16rem) minmax(0,1fr);gap:2rem;max-width:78rem;margin:0 auto;padding:1.5rem}
@media (max-width:60rem){.layout{grid-template-columns:minmax(0,1fr)}}
nav h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#495057;margin:1.25rem 0 .4rem}
nav ul{list-style:none;margin:0;padding:0}nav li{margin:.2rem 0}nav li.sub{padding-left:1rem;font-size:.93rem}
nav a[aria-current="page"]{font-weight:700;color:#1f2933}
main{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:1.5rem 2rem;max-width:52rem;min-width:0}
main h1{font-size:1.9rem;line-height:1.25;margin-top:.25rem}main h2{font-size:1.4rem;margin-top:2.2rem;border-bottom:1px solid #e9ecef;padding-bottom:.2rem}
main h3{font-size:1.15rem;margin-top:1.6rem}
main img{max-width:100%;height:auto;border:1px solid #ced4da;border-radius:6px;display:block;margin:.75rem 0}
.missing-image{display:block;border:2px dashed #adb5bd;border-radius:6px;padding:1rem;margin:.75rem 0;color:#495057;background:#f1f3f5;font-style:italic}
.note{border-left:4px solid #1c7ed6;background:#e7f5ff;padding:.6rem 1rem;margin:0 0 1rem}
code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px;font-size:.92em}
pre{background:#f1f3f5;padding:.75rem 1rem;border-radius:6px;overflow-x:auto}pre code{padding:0;background:none}
table{border-collapse:collapse;margin:1rem 0;display:block;overflow-x:auto}th,td{border:1px solid #dee2e6;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f1f3f5}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #fab005;background:#fff9db}
`

export interface GuidePageInput {
  /** The UI locale: the page's `lang`, and the language of its frame. */
  locale: string
  /** The language the chapter is written in (English for a locale the guide is not written in yet). */
  contentLocale: string
  chapter: GuideChapter
  title: string
  html: string
  toc: TocEntry[]
  chapters: { chapter: GuideChapter; title: string }[]
  /** Set when the chapter is shown in English for a locale the guide is not written in. */
  fallbackNote: string | null
  t: Translate
}

/** The whole HTML page of one chapter: the app's name, the chapters, this chapter's contents, and the chapter. */
export function guidePage(input: GuidePageInput): string {
  const { t } = input
  const chapters = input.chapters
    .map(
      (c) =>
        `<li><a href="${c.chapter}"${c.chapter === input.chapter ? ' aria-current="page"' : ''}>${escapeHtml(c.title)}</a></li>`,
    )
    .join('')
  const toc = input.toc
    .map((e) => `<li${e.depth === 3 ? ' class="sub"' : ''}><a href="#${e.id}">${escapeHtml(e.text)}</a></li>`)
    .join('')
  const guideTitle = t('common:help.guideTitle')
  const documentTitle = t('common:app.documentTitle', {
    page: `${input.title} · ${guideTitle}`,
    app: t('common:app.name'),
  })
  const contentLang = input.contentLocale === input.locale ? '' : ` lang="${escapeHtml(input.contentLocale)}"`
  const note = input.fallbackNote ? `<p class="note">${escapeHtml(input.fallbackNote)}</p>` : ''
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(documentTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(t('common:a11y.skipToContent'))}</a>
<header><a class="name" href="/">${escapeHtml(t('common:app.name'))}</a><span>${escapeHtml(guideTitle)}</span><a href="/">${escapeHtml(t('common:help.backToApp'))}</a></header>
<div class="layout">
<nav aria-label="${escapeHtml(guideTitle)}">
<h2>${escapeHtml(t('common:help.chapters'))}</h2><ul>${chapters}</ul>
${toc ? `<h2>${escapeHtml(t('common:help.contents'))}</h2><ul>${toc}</ul>` : ''}
</nav>
<main id="content" tabindex="-1">${note}<article${contentLang}>${input.html}</article></main>
</div>
</body>
</html>`
}

/** A small page for an unknown chapter or language, in the frame's language. */
export function guideNotFoundPage(locale: string, t: Translate): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('common:help.notFound'))}</title><style>${STYLE}</style></head>
<body><main id="content" style="margin:2rem auto"><h1>${escapeHtml(t('common:help.notFound'))}</h1>
<p><a href="/guide/${escapeHtml(locale)}/index">${escapeHtml(t('common:help.guideTitle'))}</a> · <a href="/">${escapeHtml(t('common:help.backToApp'))}</a></p></main></body></html>`
}

import fs from 'node:fs'
import { isLocale, LOCALE_NAMES, type Locale } from '@thbm/shared'
import { type GuideChapter, guideSource, isGuideChapter } from '@thbm/shared/guide'
import type { FastifyPluginAsync } from 'fastify'
import { translator } from '../../i18n/translate.ts'
import { GUIDE_DIR, imagePath, pngSize, readAllChapters, readChapter } from './guide-files.ts'
import { GUIDE_CSP, guideNotFoundPage, guidePage } from './guide-page.ts'
import { chapterTitle, renderChapter } from './render-guide.ts'

export interface GuideRoutesOptions {
  /** The guide's folder; docs/user-guide of the repository unless a test gives another. */
  dir?: string
}

/**
 * The user guide, public like the rest of the documentation: `GET /guide/:lang/:chapter` renders a chapter of
 * docs/user-guide as an HTML page in any UI locale (Serbian Latin transliterated, untranslated locales in English
 * with a note), and `GET /guide/images/:name` serves the screenshots the e2e suite generated. Outside the API:
 * no JSON, no OpenAPI entry.
 */
export const guideRoutes: FastifyPluginAsync<GuideRoutesOptions> = async (app, options) => {
  const dir = options.dir ?? GUIDE_DIR

  app.get<{ Params: { lang: string; chapter: string } }>(
    '/guide/:lang/:chapter',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const { lang, chapter } = request.params
      const locale: Locale = isLocale(lang) ? lang : 'en'
      const t = translator(locale)
      reply.header('content-security-policy', GUIDE_CSP).header('cache-control', 'no-cache')
      const markdown = isLocale(lang) && isGuideChapter(chapter) ? readChapter(dir, locale, chapter) : null
      if (markdown === null)
        return reply.status(404).type('text/html; charset=utf-8').send(guideNotFoundPage(locale, t))
      const rendered = renderChapter(markdown, {
        imageSize: (name) => {
          const file = imagePath(dir, name)
          return file ? pngSize(file) : null
        },
      })
      const { source, fallback } = guideSource(locale)
      const chapters = readAllChapters(dir, locale).map((c) => ({
        chapter: c.chapter,
        title: chapterTitle(c.markdown),
      }))
      const html = guidePage({
        locale,
        contentLocale: fallback ? source : locale,
        chapter: chapter as GuideChapter,
        title: rendered.title,
        html: rendered.html,
        toc: rendered.toc,
        chapters,
        fallbackNote: fallback ? t('common:help.fallback', { language: LOCALE_NAMES[locale] }) : null,
        t,
      })
      return reply.type('text/html; charset=utf-8').send(html)
    },
  )

  app.get<{ Params: { name: string } }>(
    '/guide/images/:name',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const file = imagePath(dir, request.params.name)
      if (file === null) return reply.status(404).type('text/plain; charset=utf-8').send('Not found')
      return reply.header('cache-control', 'no-cache').type('image/png').send(fs.createReadStream(file))
    },
  )
}

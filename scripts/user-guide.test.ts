import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { anchorsOf } from '../apps/server/src/modules/guide/render-guide.ts'
import { HELP_MAP, splitTarget } from '../apps/web/src/components/help/help-map.ts'
import { GUIDE_CHAPTERS, GUIDE_SOURCE_LANGUAGES } from '../packages/shared/src/guide.ts'

/**
 * The user guide (docs/user-guide/): every chapter in every written language with the same anchors, screenshots only
 * from the list the e2e spec takes, links between chapters that land, and an existing section behind every in-app
 * Help link.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const GUIDE = path.join(ROOT, 'docs/user-guide')
const SPEC = path.join(ROOT, 'apps/web/e2e/user-guide.spec.ts')

const read = (lang: string, chapter: string) => fs.readFileSync(path.join(GUIDE, lang, `${chapter}.md`), 'utf8')
const anchors = new Map(GUIDE_CHAPTERS.map((c) => [c, new Set(anchorsOf(read('en', c)))]))

/** The names in the spec's `SCREENSHOTS = [ … ]` list. */
function screenshotNames(): string[] {
  const source = fs.readFileSync(SPEC, 'utf8')
  const list = /const SCREENSHOTS = \[([\s\S]*?)\] as const/.exec(source)?.[1]
  if (!list) throw new Error('No SCREENSHOTS list in user-guide.spec.ts')
  return [...list.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1] as string)
}

describe('user guide', () => {
  it('has every chapter in every written language, with the same anchors in the same order', () => {
    for (const lang of GUIDE_SOURCE_LANGUAGES)
      for (const chapter of GUIDE_CHAPTERS) {
        expect(fs.existsSync(path.join(GUIDE, lang, `${chapter}.md`)), `${lang}/${chapter}.md`).toBe(true)
        const own = anchorsOf(read(lang, chapter))
        expect(own, `${lang}/${chapter}.md`).toEqual([...(anchors.get(chapter) ?? [])])
        expect(new Set(own).size, `${lang}/${chapter}.md repeats an anchor`).toBe(own.length)
      }
  })

  it('gives every section heading an explicit anchor', () => {
    for (const lang of GUIDE_SOURCE_LANGUAGES)
      for (const chapter of GUIDE_CHAPTERS) {
        const bare = read(lang, chapter)
          .split('\n')
          .filter((line) => /^#{1,4}\s/.test(line) && !/\{#[a-z0-9-]+\}\s*$/.test(line))
        expect(bare, `${lang}/${chapter}.md`).toEqual([])
      }
  })

  it('references only screenshots the e2e spec takes, each with alt text, and uses each of them', () => {
    const names = new Set(screenshotNames())
    expect(names.size).toBeGreaterThan(10)
    for (const lang of GUIDE_SOURCE_LANGUAGES) {
      const used = new Set<string>()
      for (const chapter of GUIDE_CHAPTERS) {
        for (const m of read(lang, chapter).matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)) {
          const [, alt, href] = m as unknown as [string, string, string]
          const name = /^\.\.\/images\/([a-z0-9-]+)\.png$/.exec(href)?.[1]
          expect(name, `${lang}/${chapter}.md: ${href}`).toBeTruthy()
          expect(names.has(name as string), `${lang}/${chapter}.md: ${name} is not taken by the spec`).toBe(true)
          expect(alt.trim().length, `${lang}/${chapter}.md: alt text of ${name}`).toBeGreaterThan(10)
          used.add(name as string)
        }
      }
      expect(
        [...names].filter((n) => !used.has(n)),
        `screenshots no ${lang} chapter shows`,
      ).toEqual([])
    }
  })

  it('links between chapters only to sections that exist', () => {
    for (const lang of GUIDE_SOURCE_LANGUAGES)
      for (const chapter of GUIDE_CHAPTERS)
        for (const m of read(lang, chapter).matchAll(/\]\(([a-z0-9-]+)\.md(?:#([a-z0-9-]+))?\)|\]\(#([a-z0-9-]+)\)/g)) {
          const target = (m[1] ?? chapter) as (typeof GUIDE_CHAPTERS)[number]
          const anchor = m[2] ?? m[3]
          expect(GUIDE_CHAPTERS, `${lang}/${chapter}.md links to ${m[0]}`).toContain(target)
          if (anchor) expect(anchors.get(target)?.has(anchor), `${lang}/${chapter}.md links to ${m[0]}`).toBe(true)
        }
  })

  it('has a section behind every in-app Help link', () => {
    const targets = Object.entries(HELP_MAP).flatMap(([page, entry]) =>
      Object.values(entry).map((target) => ({ page, target })),
    )
    expect(targets.length).toBeGreaterThan(40)
    for (const { page, target } of targets) {
      const { chapter, anchor } = splitTarget(target)
      expect(anchors.get(chapter)?.has(anchor), `/${page} → ${target}`).toBe(true)
    }
  })

  it('keeps the generated screenshots out of the repository', () => {
    expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^docs\/user-guide\/images\/$/m)
  })
})

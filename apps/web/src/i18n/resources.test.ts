import { flattenCatalog, NAMESPACES, resources } from '@thbm/shared/i18n'
import { cyrillicToLatin } from '@thbm/shared/translit'
import { describe, expect, it } from 'vitest'
import { createI18n, localeFromTag } from './i18n.ts'

describe('Serbian Latin catalogs', () => {
  it('equal the transliterated Serbian Cyrillic catalogs, key by key', () => {
    for (const ns of NAMESPACES) {
      const cyrillic = flattenCatalog(resources['sr-Cyrl'][ns])
      const latin = flattenCatalog(resources['sr-Latn'][ns])
      expect(Object.keys(latin)).toEqual(Object.keys(cyrillic))
      for (const [key, message] of Object.entries(cyrillic)) expect(latin[key]).toBe(cyrillicToLatin(message))
    }
  })

  it('keep ICU syntax working: plurals format in every locale', async () => {
    const i18n = await createI18n('sr-Latn')
    expect(i18n.t('people:list.count', { count: 3 })).toBe('3 korisnika')
    expect(i18n.t('people:list.count', { count: 1 })).toBe('1 korisnik')
    await i18n.changeLanguage('sr-Cyrl')
    expect(i18n.t('people:list.count', { count: 21 })).toBe('21 корисник')
    await i18n.changeLanguage('en')
    expect(i18n.t('people:list.count', { count: 2 })).toBe('2 people')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('the seven UI locales', () => {
  it("load on demand and format plurals by each language's rules", async () => {
    const i18n = await createI18n('mk')
    expect(i18n.t('people:list.count', { count: 1 })).toMatch(/^1 [\u0400-\u04FF]/)
    expect(document.documentElement.lang).toBe('mk')
    for (const locale of ['sq', 'bs', 'cnr'] as const) {
      await i18n.changeLanguage(locale)
      const one = i18n.t('people:list.count', { count: 1 })
      const many = i18n.t('people:list.count', { count: 5 })
      expect(one).toMatch(/^1 /)
      expect(many).toMatch(/^5 /)
      expect(many).not.toBe(i18n.getFixedT('en')('people:list.count', { count: 5 }))
    }
    // Slavic rules: 21 takes the singular form in Bosnian and Montenegrin (and Macedonian), not in Albanian.
    for (const locale of ['bs', 'cnr', 'mk'] as const) {
      await i18n.changeLanguage(locale)
      expect(i18n.t('people:list.count', { count: 21 }).replace('21', '1')).toBe(
        i18n.t('people:list.count', { count: 1 }),
      )
    }
  })

  it('have every namespace in every locale', () => {
    for (const locale of Object.keys(resources) as (keyof typeof resources)[])
      for (const ns of NAMESPACES) expect(Object.keys(flattenCatalog(resources[locale][ns])).length).toBeGreaterThan(0)
  })
})

describe('localeFromTag', () => {
  it('maps browser languages to UI locales', () => {
    expect(localeFromTag('sr-RS')).toBe('sr-Cyrl')
    expect(localeFromTag('sr-Latn-RS')).toBe('sr-Latn')
    expect(localeFromTag('en-GB')).toBe('en')
    expect(localeFromTag('sq-XK')).toBe('sq')
    expect(localeFromTag('mk')).toBe('mk')
    expect(localeFromTag('bs-BA')).toBe('bs')
    expect(localeFromTag('cnr')).toBe('cnr')
    expect(localeFromTag('sr-ME')).toBe('cnr')
    expect(localeFromTag('de-DE')).toBeNull()
  })
})

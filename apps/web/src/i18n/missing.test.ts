import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from './i18n.ts'
import type { TextProblem } from './missing.ts'

describe('texts the UI cannot show as written', () => {
  let problems: TextProblem[]
  beforeEach(() => {
    problems = []
    window.__THBM_I18N_MISSING__ = problems
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    delete window.__THBM_I18N_MISSING__
    vi.restoreAllMocks()
  })

  it('reports a key no catalog has and shows words instead of the raw key', async () => {
    const i18n = await createI18n('sq')
    expect(i18n.t('enums:auditAction.review.reopenedTwice')).toBe('Reopened twice')
    expect(i18n.t('enums:role.nobody', { defaultValue: 'nobody' })).toBe('nobody')
    expect(problems).toEqual([
      { kind: 'missing', locale: 'sq', key: 'enums:auditAction.review.reopenedTwice' },
      { kind: 'missing', locale: 'sq', key: 'enums:role.nobody' },
    ])
  })

  it('reports a key only English has, shown in English', async () => {
    const i18n = await createI18n('mk')
    i18n.addResource('en', 'common', 'onlyInEnglish', 'Only in English')
    expect(i18n.t('common:onlyInEnglish')).toBe('Only in English')
    expect(i18n.t('common:app.name')).not.toBe('')
    expect(problems).toEqual([{ kind: 'fallback', locale: 'mk', key: 'common:onlyInEnglish' }])
  })

  it('reports a message given fewer arguments than it uses', async () => {
    const i18n = await createI18n('en')
    expect(i18n.t('people:list.count', { count: 2 })).toBe('2 people')
    expect(problems).toEqual([])
    i18n.t('people:list.count')
    expect(problems).toMatchObject([{ kind: 'format', locale: 'en', key: 'list.count' }])
  })

  it('reports nothing for texts every locale has', async () => {
    const i18n = await createI18n('cnr')
    i18n.t('common:nav.home')
    await i18n.changeLanguage('sr-Latn')
    i18n.t('people:list.count', { count: 5 })
    expect(problems).toEqual([])
  })
})

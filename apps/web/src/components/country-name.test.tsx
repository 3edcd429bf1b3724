import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import CountriesPage from '../features/countries/CountriesPage.tsx'
import { renderPage, stubFetch } from '../test/render.tsx'
import { sortByName } from './country-name.ts'

// The demo region by code: AL, BA, ME, MK, RS, XK.
const COUNTRIES = [
  { code: 'AL', en: 'Albania', cyr: 'Албанија', lat: 'Albanija' },
  { code: 'BA', en: 'Bosnia and Herzegovina', cyr: 'Босна и Херцеговина', lat: 'Bosna i Hercegovina' },
  { code: 'ME', en: 'Montenegro', cyr: 'Црна Гора', lat: 'Crna Gora' },
  { code: 'MK', en: 'North Macedonia', cyr: 'Северна Македонија', lat: 'Severna Makedonija' },
  { code: 'RS', en: 'Serbia', cyr: 'Србија', lat: 'Srbija' },
  { code: 'XK', en: 'Kosovo', cyr: 'Косово', lat: 'Kosovo' },
].map((c) => ({
  code: c.code,
  names: { en: c.en, 'sr-Cyrl': c.cyr, 'sr-Latn': c.lat },
  version: 1,
  abilities: [],
}))

afterEach(() => vi.unstubAllGlobals())

describe('countries in alphabetical order', () => {
  it('sorts by the name in the UI language, with its alphabet, not by code', () => {
    const names = (locale: string, key: 'en' | 'sr-Cyrl' | 'sr-Latn') =>
      sortByName(COUNTRIES, (c) => c.names[key], locale).map((c) => c.names[key])
    expect(names('sr-Cyrl', 'sr-Cyrl')).toEqual([
      'Албанија',
      'Босна и Херцеговина',
      'Косово',
      'Северна Македонија',
      'Србија',
      'Црна Гора',
    ])
    expect(names('sr-Latn', 'sr-Latn')).toEqual([
      'Albanija',
      'Bosna i Hercegovina',
      'Crna Gora',
      'Kosovo',
      'Severna Makedonija',
      'Srbija',
    ])
    // The input stays as it was.
    expect(COUNTRIES.map((c) => c.code)).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK'])
  })

  it('lists the countries page by name', async () => {
    vi.stubGlobal('fetch', vi.fn(stubFetch({ 'GET /api/countries': { status: 200, body: { data: COUNTRIES } } })))
    await renderPage(<CountriesPage />)
    const list = await screen.findByRole('list')
    await within(list).findByText('Serbia')
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('p')?.textContent),
    ).toEqual(['Albania', 'Bosnia and Herzegovina', 'Kosovo', 'Montenegro', 'North Macedonia', 'Serbia'])
  })
})

import { screen } from '@testing-library/react'
import type { RouteObject } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createRouter } from '../../app/router.tsx'
import { renderPage } from '../../test/render.tsx'
import { HelpLink, helpHref, patternOf } from './HelpLink.tsx'
import { HELP_MAP, helpTarget } from './help-map.ts'

/** Every path pattern of a route tree, joined from its parents, without the leading slash. */
function patterns(routes: readonly RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const own = route.index ? parent : route.path ? [parent, route.path].filter(Boolean).join('/') : parent
    const self = route.index || route.path ? [own] : []
    return [...self, ...patterns(route.children ?? [], own)]
  })
}

describe('help links', () => {
  it('has a guide section for every page of the router', () => {
    const all = patterns(createRouter().routes)
    expect(all).toContain('rounds/:roundId/countries/:country/indicators/:code')
    expect(all).toContain('public/:lang/countries/:code')
    expect(all.filter((p) => !(p in HELP_MAP))).toEqual([])
  })

  it('finds the page pattern as the router ranks routes', () => {
    expect(patternOf('/')).toBe('')
    expect(patternOf('/rounds/new')).toBe('rounds/new')
    expect(patternOf('/rounds/0193')).toBe('rounds/:roundId')
    expect(patternOf('/rounds/r1/countries/RS/indicators/IDN-1')).toBe(
      'rounds/:roundId/countries/:country/indicators/:code',
    )
    expect(patternOf('/no/such/page')).toBe('*')
  })

  it('leads each role to its own section, in the user language', () => {
    const entry = '/rounds/r1/countries/RS/indicators/IDN-1'
    expect(helpHref(entry, ['data_provider'], 'sr-Latn')).toBe('/guide/sr-Latn/data-provider#enter-data')
    expect(helpHref(entry, ['expert'], 'en')).toBe('/guide/en/expert#assess')
    expect(helpHref(entry, ['expert', 'country_lead'], 'sq')).toBe('/guide/sq/country-lead#validate')
    expect(helpHref('/account', ['observer'], 'mk')).toBe('/guide/mk/index#account')
    expect(helpTarget('people', [])).toBe('administrator#people')
  })

  it('shows a visible Help link that opens the section in a new tab', async () => {
    await renderPage(<HelpLink roles={['country_lead']} />, {
      path: '/rounds/:roundId/countries/:country',
      url: '/rounds/r1/countries/RS',
    })
    const link = await screen.findByRole('link', { name: 'Help' })
    expect(link.getAttribute('href')).toBe('/guide/en/country-lead#assign')
    expect(link.getAttribute('target')).toBe('_blank')
  })

  it('shows only its icon on a phone, keeping "Help" as its accessible name', async () => {
    await renderPage(<HelpLink roles={[]} />)
    const link = await screen.findByRole('link', { name: 'Help' })
    expect(link.getAttribute('aria-label')).toBe('Help')
    // The word itself is hidden below the xs breakpoint (Mantine's visibleFrom class), the icon stays.
    expect(link.querySelector('.mantine-visible-from-xs')?.textContent).toBe('Help')
    expect(link.querySelector('svg')).toBeTruthy()
  })
})

import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { cssVariablesResolver, theme } from '../app/theme.ts'
import { createI18n } from '../i18n/i18n.ts'

/** Renders a page element inside the app's providers at a URL, with English texts and a fresh query cache. */
export async function renderPage(element: ReactNode, { path = '/', url = '/' }: { path?: string; url?: string } = {}) {
  const i18n = await createI18n('en')
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>other page</p> },
    ],
    { initialEntries: [url] },
  )
  const result = render(
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>,
  )
  return { ...result, router, queryClient, i18n }
}

/** A fetch stub answering by method and path with JSON bodies. */
export function stubFetch(routes: Record<string, { status: number; body: unknown }>) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost')
    const key = `${init?.method ?? 'GET'} ${url.pathname}`
    const route = routes[key] ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'Not found' }, requestId: 'r0' },
    }
    return new Response(JSON.stringify(route.body), {
      status: route.status,
      headers: { 'content-type': 'application/json' },
    })
  }
}

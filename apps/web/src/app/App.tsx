import { MantineProvider } from '@mantine/core'
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router'
import type { createRouter } from './router.tsx'
import { cssVariablesResolver, theme } from './theme.ts'

interface AppProps {
  i18n: I18n
  queryClient: QueryClient
  router: ReturnType<typeof createRouter>
}

/** Providers in one place: theme, translations, server state, routes. */
export function App({ i18n, queryClient, router }: AppProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  )
}

import { DEFAULT_LOCALE } from '@thbm/shared/locales'
import { lazy, Suspense } from 'react'
import { Navigate, type RouteObject } from 'react-router'
import { PageLoader } from '../../components/PageLoader.tsx'

// Each portal page is its own chunk (and the charts' library another), out of the sign-in page's first load.
const PortalLayout = lazy(() => import('./PortalLayout.tsx'))
const PublishedRoundsPage = lazy(() => import('./PublishedRoundsPage.tsx'))
const PublishedRoundPage = lazy(() => import('./PublishedRoundPage.tsx'))
const PublicCountryPage = lazy(() => import('./PublicCountryPage.tsx'))
const PortalNotFoundPage = lazy(() => import('./PortalNotFound.tsx'))

function PortalFrame() {
  return (
    <Suspense fallback={<PageLoader />}>
      <PortalLayout />
    </Suspense>
  )
}

/** The public portal (no sign-in): `/public/:lang`, a published round, a country page. */
export const portalRoute: RouteObject = {
  path: 'public',
  children: [
    { index: true, element: <Navigate to={`/public/${DEFAULT_LOCALE}`} replace /> },
    {
      path: ':lang',
      Component: PortalFrame,
      children: [
        { index: true, Component: PublishedRoundsPage },
        { path: 'rounds/:roundId', Component: PublishedRoundPage },
        { path: 'countries/:code', Component: PublicCountryPage },
        { path: '*', Component: PortalNotFoundPage },
      ],
    },
  ],
}

import { lazy } from 'react'
import { createBrowserRouter } from 'react-router'
import { AppLayout } from './AppLayout.tsx'
import { PublicLayout } from './PublicLayout.tsx'
import { RequireAuth } from './RequireAuth.tsx'
import { RootLayout } from './RootLayout.tsx'

// Every page is its own chunk, so the first load (usually the sign-in page) carries only the shell.
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx'))
const InvitationPage = lazy(() => import('../features/auth/InvitationPage.tsx'))
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage.tsx'))
const HomePage = lazy(() => import('../features/home/HomePage.tsx'))
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'))
const CountriesPage = lazy(() => import('../features/countries/CountriesPage.tsx'))
const CountryPage = lazy(() => import('../features/countries/CountryPage.tsx'))
const PeoplePage = lazy(() => import('../features/people/PeoplePage.tsx'))
const PersonPage = lazy(() => import('../features/people/PersonPage.tsx'))
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'))
const NotFoundPage = lazy(() => import('../features/errors/NotFoundPage.tsx'))

/** The route table: public pages, then everything behind sign-in. */
export function createRouter() {
  return createBrowserRouter([
    {
      Component: RootLayout,
      children: [
        {
          Component: PublicLayout,
          children: [
            { path: 'sign-in', Component: SignInPage },
            { path: 'invitation', Component: InvitationPage },
            { path: 'reset-password', Component: ResetPasswordPage },
          ],
        },
        {
          Component: RequireAuth,
          children: [
            {
              Component: AppLayout,
              children: [
                { index: true, Component: HomePage },
                { path: 'account', Component: AccountPage },
                { path: 'countries', Component: CountriesPage },
                { path: 'countries/:code', Component: CountryPage },
                { path: 'people', Component: PeoplePage },
                { path: 'people/:id', Component: PersonPage },
                { path: 'audit', Component: AuditPage },
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ])
}

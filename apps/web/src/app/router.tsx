import { lazy } from 'react'
import { createBrowserRouter } from 'react-router'
import { portalRoute } from '../features/portal/routes.tsx'
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
const HandbookPage = lazy(() => import('../features/handbook/HandbookPage.tsx'))
const VersionPage = lazy(() => import('../features/handbook/VersionPage.tsx'))
const DiffPage = lazy(() => import('../features/handbook/DiffPage.tsx'))
const IndicatorPage = lazy(() => import('../features/handbook/IndicatorPage.tsx'))
const NewIndicatorPage = lazy(() => import('../features/handbook/NewIndicatorPage.tsx'))
const AdaptationPage = lazy(() => import('../features/handbook/AdaptationPage.tsx'))
const TranslationsPage = lazy(() => import('../features/handbook/translations/TranslationsPage.tsx'))
const RoundsPage = lazy(() => import('../features/rounds/RoundsPage.tsx'))
const NewRoundPage = lazy(() => import('../features/rounds/NewRoundPage.tsx'))
const RoundPage = lazy(() => import('../features/rounds/RoundPage.tsx'))
const WorkspacePage = lazy(() => import('../features/rounds/WorkspacePage.tsx'))
const EntryPage = lazy(() => import('../features/rounds/EntryPage.tsx'))
const ImportBatchesPage = lazy(() => import('../features/rounds/ImportBatchesPage.tsx'))
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx'))
const CountryRecommendationsPage = lazy(() => import('../features/recommendations/CountryRecommendationsPage.tsx'))
const RecommendationPage = lazy(() => import('../features/recommendations/RecommendationPage.tsx'))
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage.tsx'))
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'))
const NotFoundPage = lazy(() => import('../features/errors/NotFoundPage.tsx'))
const DashboardsIndexPage = lazy(() => import('../features/dashboards/DashboardsIndexPage.tsx'))
const OverviewPage = lazy(() => import('../features/dashboards/OverviewPage.tsx'))
const CountryProfilePage = lazy(() => import('../features/dashboards/CountryProfilePage.tsx'))
const ExplorerPage = lazy(() => import('../features/dashboards/ExplorerPage.tsx'))
const ReviewsPage = lazy(() => import('../features/reviews/ReviewsPage.tsx'))
const NewReviewPage = lazy(() => import('../features/reviews/NewReviewPage.tsx'))
const ReviewPage = lazy(() => import('../features/reviews/ReviewPage.tsx'))

/** The route table: public pages, then everything behind sign-in. */
export function createRouter() {
  return createBrowserRouter([
    // The public portal stands outside the root layout: its language comes from the address, and it needs no session.
    portalRoute,
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
                { path: 'countries/:code/recommendations', Component: CountryRecommendationsPage },
                { path: 'recommendations/:id', Component: RecommendationPage },
                { path: 'people', Component: PeoplePage },
                { path: 'people/:id', Component: PersonPage },
                { path: 'handbook', Component: HandbookPage },
                { path: 'handbook/:versionId', Component: VersionPage },
                { path: 'handbook/:versionId/diff', Component: DiffPage },
                { path: 'handbook/:versionId/indicators/new', Component: NewIndicatorPage },
                { path: 'handbook/:versionId/indicators/:code', Component: IndicatorPage },
                { path: 'handbook/:versionId/adaptations/:country', Component: AdaptationPage },
                { path: 'handbook/:versionId/translations', Component: TranslationsPage },
                { path: 'rounds', Component: RoundsPage },
                { path: 'rounds/new', Component: NewRoundPage },
                { path: 'rounds/:roundId', Component: RoundPage },
                { path: 'rounds/:roundId/reports', Component: ReportsPage },
                { path: 'rounds/:roundId/countries/:country', Component: WorkspacePage },
                { path: 'rounds/:roundId/countries/:country/indicators/:code', Component: EntryPage },
                { path: 'rounds/:roundId/countries/:country/imports', Component: ImportBatchesPage },
                { path: 'dashboards', Component: DashboardsIndexPage },
                { path: 'dashboards/rounds/:roundId', Component: OverviewPage },
                { path: 'dashboards/countries/:code', Component: CountryProfilePage },
                { path: 'dashboards/indicators', Component: ExplorerPage },
                { path: 'reviews', Component: ReviewsPage },
                { path: 'reviews/new', Component: NewReviewPage },
                { path: 'reviews/:id', Component: ReviewPage },
                { path: 'notifications', Component: NotificationsPage },
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

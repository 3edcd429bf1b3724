import { Center, Container } from '@mantine/core'
import { Navigate, Outlet } from 'react-router'
import { ErrorAlert } from '../components/ErrorAlert.tsx'
import { PageLoader } from '../components/PageLoader.tsx'
import { useMe } from './queries.ts'
import { currentPath } from './RootLayout.tsx'

/** Lets signed-in people through; everyone else goes to the sign-in page and comes back afterwards. */
export function RequireAuth() {
  const me = useMe()
  if (me.isPending) return <PageLoader />
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <Center>
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </Center>
      </Container>
    )
  }
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(currentPath())}`} replace />
  return <Outlet />
}

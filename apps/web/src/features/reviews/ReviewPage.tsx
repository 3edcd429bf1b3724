import { Anchor, Breadcrumbs, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useReview } from './api.ts'
import { ReviewStatusBadge } from './Badges.tsx'
import { CoordinatorView } from './CoordinatorView.tsx'
import { ParticipantView } from './ParticipantView.tsx'

/** One review: the coordinator's workspace (participants, rounds, results, decisions), or a participant's ratings. */
export default function ReviewPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const review = useReview(id)
  const data = review.data
  usePageTitle(data?.title ?? t('review:list.title'))

  if (isNotFound(review.error)) return <NotFound message={t('review:page.notFound')} />
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/reviews" size="sm">
          {t('review:list.title')}
        </Anchor>
        <span aria-current="page">{data?.title ?? t('review:page.breadcrumb')}</span>
      </Breadcrumbs>
      {review.isPending && <ListSkeleton rows={4} />}
      {review.isError && <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />}
      {data && (
        <>
          <PageHeader
            title={data.title}
            subtitle={t('review:page.subtitle', {
              framework: data.frameworkVersion.frameworkCode,
              label: data.frameworkVersion.label,
              count: data.indicatorCount,
            })}
            actions={<ReviewStatusBadge status={data.status} />}
          />
          {data.myPart === 'coordinator' ? <CoordinatorView review={data} /> : <ParticipantView review={data} />}
        </>
      )}
    </Stack>
  )
}

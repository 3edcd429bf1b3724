import type { ContentLocale, ReviewDetail } from '@thbm/shared'
import { useFrameworkVersion } from '../rounds/api.ts'

/** The reviewed version with its areas and indicators (cached: published versions do not change). */
export const useReviewedVersion = (review: Pick<ReviewDetail, 'frameworkVersion'>) =>
  useFrameworkVersion(review.frameworkVersion.id)

/** The Handbook's base language, the fallback of its texts (English until the version has loaded). */
export function useBaseLocale(review: Pick<ReviewDetail, 'frameworkVersion'>): ContentLocale {
  return useReviewedVersion(review).data?.framework.baseLocale ?? 'en'
}

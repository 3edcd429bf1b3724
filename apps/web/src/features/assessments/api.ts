import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Agreement, AreaScores, Assessment, AssessmentWork, Scorer } from '@thbm/shared'
import { api } from '../../api/client.ts'
import { indicatorPath, roundPath } from '../rounds/api.ts'

export const assessmentKeys = {
  all: ['assessments'] as const,
  work: (roundId: string, country: string, code: string) => ['assessments', 'work', roundId, country, code] as const,
  scores: (roundId: string, country: string) => ['assessments', 'scores', roundId, country] as const,
  agreement: (roundId: string, country: string) => ['assessments', 'agreement', roundId, country] as const,
}

/** The API path of an indicator's assessment (`/submit`, `/return`, … below it). */
export const assessmentPath = (roundId: string, country: string, code: string, sub = '') =>
  indicatorPath(roundId, country, code, `/assessment${sub}`)

/** The assessment(s) of one indicator the user may see, whether the sources disagree, and what the user may do. */
export function useAssessmentWork(roundId: string, country: string, code: string) {
  return useQuery({
    queryKey: assessmentKeys.work(roundId, country, code),
    queryFn: ({ signal }) =>
      api<{ data: AssessmentWork }>(assessmentPath(roundId, country, code), { signal }).then((r) => r.data),
  })
}

/** Area scores of a country in a round (404 for people who do not read assessments). */
export function useAreaScores(roundId: string, country: string) {
  return useQuery({
    queryKey: assessmentKeys.scores(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: AreaScores }>(roundPath(roundId, `/countries/${encodeURIComponent(country)}/scores`), {
        signal,
      }).then((r) => r.data),
  })
}

/** How far the two experts of a double-scored round agree in a country (404 for people who do not read assessments). */
export function useAgreement(roundId: string, country: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKeys.agreement(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: Agreement }>(roundPath(roundId, `/countries/${encodeURIComponent(country)}/agreement`), {
        signal,
      }).then((r) => r.data),
    enabled,
  })
}

/** The scorer the user writes as: the assigned expert (or the lead standing in), or the second expert. */
export function myScorer(abilities: readonly string[]): Scorer | null {
  if (abilities.includes('assessment.write.primary')) return 'primary'
  if (abilities.includes('assessment.write.second')) return 'second'
  return null
}

/**
 * Puts an assessment the server returned into the cached work of its indicator, and marks the country's area scores
 * and the experts' agreement (which it may change) for reloading.
 */
export function useStoreAssessment(roundId: string, country: string, code: string) {
  const queryClient = useQueryClient()
  return (assessment: Assessment) => {
    queryClient.setQueryData<AssessmentWork>(assessmentKeys.work(roundId, country, code), (old) =>
      old
        ? {
            ...old,
            assessments: old.assessments.some((a) => a.scorer === assessment.scorer)
              ? old.assessments.map((a) => (a.scorer === assessment.scorer ? assessment : a))
              : [...old.assessments, assessment],
          }
        : old,
    )
    void queryClient.invalidateQueries({ queryKey: assessmentKeys.scores(roundId, country) })
    void queryClient.invalidateQueries({ queryKey: assessmentKeys.agreement(roundId, country) })
  }
}

import { useQueryClient } from '@tanstack/react-query'
import type { Answer, IndicatorWork } from '@thbm/shared'
import { useCallback } from 'react'
import { roundKeys } from './api.ts'

/**
 * Writes a fresh answer into the cached indicator work (so the source cards update); when its state changed (a new
 * draft, submitted, returned), the progress board loads again.
 */
export function useStoreAnswer(roundId: string, country: string, code: string) {
  const queryClient = useQueryClient()
  return useCallback(
    (answer: Answer) => {
      let progressChanged = true
      queryClient.setQueryData<{ data: IndicatorWork }>(roundKeys.work(roundId, country, code), (old) => {
        if (!old) return old
        const before = old.data.answers.find((a) => a.organisation.id === answer.organisation.id)
        progressChanged = before?.status !== answer.status
        const others = old.data.answers.filter((a) => a.organisation.id !== answer.organisation.id)
        const answers = [...others, answer].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))
        return { data: { ...old.data, answers } }
      })
      if (progressChanged) void queryClient.invalidateQueries({ queryKey: roundKeys.progress(roundId, country) })
    },
    [queryClient, roundId, country, code],
  )
}

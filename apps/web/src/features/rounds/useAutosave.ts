import { useCallback, useEffect, useRef, useState } from 'react'

/** Where the autosave stands: nothing to do, changes waiting for the pause, saving, saved, or the last save failed. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

export interface AutosaveOptions<T> {
  /** Writes the value; rejects when it could not be saved. */
  save: (value: T) => Promise<void>
  /** Whether saving is allowed now (off while the value is invalid or a conflict is open). */
  enabled: boolean
  /** Quiet time after the last change before saving (ms). */
  delay?: number
  /** Errors worth retrying on their own (a lost connection), after `retryDelay` ms. */
  shouldRetry?: (error: unknown) => boolean
  retryDelay?: number
  isEqual?: (a: T, b: T) => boolean
}

export interface Autosave<T> {
  state: SaveState
  savedAt: Date | null
  error: unknown
  /** Unsaved changes exist. */
  dirty: boolean
  /** Saves now when there are unsaved changes; resolves true once everything is saved. */
  flush: () => Promise<boolean>
  /** Declares a value as the saved one (e.g. loaded from the server), without saving it. */
  markSaved: (value: T) => void
}

const jsonEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Saves a value some time after it stops changing (debounced), or at once on `flush` (e.g. on blur or before
 * submitting). Saves never overlap: a change made during a save is saved right after it, with the latest value.
 */
export function useAutosave<T>(value: T, saved: T, options: AutosaveOptions<T>): Autosave<T> {
  const { delay = 1500, retryDelay = 10_000 } = options
  const [state, setState] = useState<SaveState>('idle')
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [error, setError] = useState<unknown>(null)
  const valueRef = useRef(value)
  const savedRef = useRef(saved)
  const optionsRef = useRef(options)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inflight = useRef<Promise<boolean> | null>(null)
  valueRef.current = value
  optionsRef.current = options
  const equal = useCallback((a: T, b: T) => (optionsRef.current.isEqual ?? jsonEqual)(a, b), [])

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }, [])

  const run = useCallback(
    async (untilClean: boolean): Promise<boolean> => {
      clearTimer()
      // Wait for any save under way; another caller may have started one meanwhile, so wait again.
      while (inflight.current) await inflight.current
      const snapshot = valueRef.current
      if (equal(snapshot, savedRef.current)) return true
      if (!optionsRef.current.enabled) return false
      setState('saving')
      let failure: unknown = null
      const attempt = optionsRef.current.save(snapshot).then(
        () => {
          savedRef.current = snapshot
          setSavedAt(new Date())
          setError(null)
          return true
        },
        (cause: unknown) => {
          failure = cause
          setError(cause)
          setState('error')
          return false
        },
      )
      inflight.current = attempt
      const ok = await attempt
      inflight.current = null
      const clean = equal(valueRef.current, savedRef.current)
      if (!ok) {
        if (optionsRef.current.shouldRetry?.(failure))
          timer.current = setTimeout(() => void runRef.current(false), retryDelay)
        return false
      }
      setState(clean ? 'saved' : 'pending')
      // Changes made during the save: the change effect has already planned the next save; a flush goes on now.
      return clean || (untilClean ? runRef.current(true) : false)
    },
    [clearTimer, equal, retryDelay],
  )

  const runRef = useRef(run)
  runRef.current = run

  useEffect(() => {
    if (equal(value, savedRef.current)) {
      clearTimer()
      setState((s) => (s === 'pending' ? 'saved' : s))
      return
    }
    if (!options.enabled) {
      clearTimer()
      setState((s) => (s === 'saving' || s === 'error' ? s : 'pending'))
      return
    }
    setState((s) => (s === 'saving' ? s : 'pending'))
    clearTimer()
    timer.current = setTimeout(() => void runRef.current(false), delay)
  }, [value, options.enabled, delay, equal, clearTimer])

  useEffect(() => clearTimer, [clearTimer])

  const markSaved = useCallback(
    (next: T) => {
      clearTimer()
      savedRef.current = next
      setError(null)
      setState('idle')
    },
    [clearTimer],
  )

  return {
    state,
    savedAt,
    error,
    dirty: !equal(value, savedRef.current),
    flush: useCallback(() => runRef.current(true), []),
    markSaved,
  }
}

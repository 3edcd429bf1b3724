/**
 * Wakes this process's polling job runners when a request has queued a job (call it after the commit), so the job
 * starts at once instead of at the next poll (a second). Runners of other instances find it at their next poll.
 */
const listeners = new Set<() => void>()

export function notifyJobQueued(): void {
  for (const listener of listeners) listener()
}

/** Subscribes a runner; returns the unsubscribe function. */
export function onJobQueued(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

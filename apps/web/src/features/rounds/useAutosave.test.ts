import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type AutosaveOptions, useAutosave } from './useAutosave.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

/** A save that resolves only when told to, to observe what happens during a save. */
function deferredSave() {
  const calls: string[] = []
  const pending: (() => void)[] = []
  const failures: ((e: unknown) => void)[] = []
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push(value)
        pending.push(resolve)
        failures.push(reject)
      }),
  )
  return { calls, save, resolve: () => pending.shift()?.(), reject: (e: unknown) => failures.shift()?.(e) }
}

function setup(options: Partial<AutosaveOptions<string>> & Pick<AutosaveOptions<string>, 'save'>) {
  return renderHook(({ value, enabled }) => useAutosave(value, 'a', { delay: 1500, ...options, enabled }), {
    initialProps: { value: 'a', enabled: true },
  })
}

describe('useAutosave', () => {
  it('saves once, with the last value, 1.5 s after typing stops', async () => {
    const save = vi.fn(async () => {})
    const hook = setup({ save })
    hook.rerender({ value: 'ab', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1000))
    hook.rerender({ value: 'abc', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(save).not.toHaveBeenCalled()
    expect(hook.result.current.state).toBe('pending')
    expect(hook.result.current.dirty).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(600))
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('abc')
    expect(hook.result.current.state).toBe('saved')
    expect(hook.result.current.savedAt).toBeInstanceOf(Date)
    expect(hook.result.current.dirty).toBe(false)
  })

  it('saves at once on flush (blur), and not again when nothing changed', async () => {
    const save = vi.fn(async () => {})
    const hook = setup({ save })
    hook.rerender({ value: 'ab', enabled: true })
    let ok = false
    await act(async () => {
      ok = await hook.result.current.flush()
    })
    expect(ok).toBe(true)
    expect(save).toHaveBeenCalledTimes(1)
    await act(() => vi.advanceTimersByTimeAsync(5000))
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('never saves twice at the same time: a change made during a save is saved after it', async () => {
    const d = deferredSave()
    const hook = setup({ save: d.save })
    hook.rerender({ value: 'ab', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1500))
    expect(d.calls).toEqual(['ab'])
    expect(hook.result.current.state).toBe('saving')
    hook.rerender({ value: 'abc', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1500))
    expect(d.calls).toEqual(['ab'])
    await act(async () => d.resolve())
    expect(d.calls).toEqual(['ab', 'abc'])
    await act(async () => d.resolve())
    expect(hook.result.current.state).toBe('saved')
  })

  it('reports a failed save, and tries again on the next change', async () => {
    const d = deferredSave()
    const hook = setup({ save: d.save })
    hook.rerender({ value: 'ab', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1500))
    await act(async () => d.reject(new Error('offline')))
    expect(hook.result.current.state).toBe('error')
    expect(hook.result.current.error).toEqual(new Error('offline'))
    expect(hook.result.current.dirty).toBe(true)
    hook.rerender({ value: 'abc', enabled: true })
    expect(hook.result.current.state).toBe('pending')
    await act(() => vi.advanceTimersByTimeAsync(1500))
    expect(d.calls).toEqual(['ab', 'abc'])
  })

  it('retries on its own after errors it is told to retry', async () => {
    const d = deferredSave()
    const hook = setup({ save: d.save, shouldRetry: () => true, retryDelay: 10_000 })
    hook.rerender({ value: 'ab', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1500))
    await act(async () => d.reject(new Error('offline')))
    await act(() => vi.advanceTimersByTimeAsync(9000))
    expect(d.calls).toEqual(['ab'])
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(d.calls).toEqual(['ab', 'ab'])
  })

  it('does not save while disabled, and saves once enabled again', async () => {
    const save = vi.fn(async () => {})
    const hook = setup({ save })
    hook.rerender({ value: 'ab', enabled: false })
    await act(() => vi.advanceTimersByTimeAsync(5000))
    expect(save).not.toHaveBeenCalled()
    expect(hook.result.current.state).toBe('pending')
    hook.rerender({ value: 'ab', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(1500))
    expect(save).toHaveBeenCalledWith('ab')
  })

  it('does not save a value declared as saved (loaded from the server)', async () => {
    const save = vi.fn(async () => {})
    const hook = setup({ save })
    act(() => hook.result.current.markSaved('server'))
    hook.rerender({ value: 'server', enabled: true })
    await act(() => vi.advanceTimersByTimeAsync(5000))
    expect(save).not.toHaveBeenCalled()
    expect(hook.result.current.dirty).toBe(false)
  })
})

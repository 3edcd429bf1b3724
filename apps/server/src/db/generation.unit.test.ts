import { describe, expect, it } from 'vitest'
import { CoalescedRead } from './generation.ts'

/** A load whose results the test hands out one by one, with the value of the "database" when each load started. */
function fakeDatabase() {
  let value = 0
  const loads: { seen: number; resolve: (v: number) => void; reject: (e: Error) => void }[] = []
  const reader = new CoalescedRead(
    () =>
      new Promise<number>((resolve, reject) => {
        loads.push({ seen: value, resolve, reject })
      }),
  )
  const tick = () => new Promise((r) => setTimeout(r, 0))
  return { reader, loads, tick, commit: () => value++ }
}

describe('a coalesced read of the generation', () => {
  it('shares one query among the callers that asked before it was sent', async () => {
    const { reader, loads, tick } = fakeDatabase()
    const a = reader.read()
    const b = reader.read()
    await tick()
    expect(loads).toHaveLength(1)
    loads[0]?.resolve(7)
    expect([await a, await b]).toEqual([7, 7])
  })

  it('never answers a caller with a read sent before it asked (a write committed meanwhile is seen)', async () => {
    const { reader, loads, tick, commit } = fakeDatabase()
    const before = reader.read()
    await tick()
    // The first read is running (it saw the database before the commit); the caller after the commit waits for
    // the next read, which starts only when the running one has ended.
    commit()
    const after = reader.read()
    const alsoAfter = reader.read()
    await tick()
    expect(loads).toHaveLength(1)
    loads[0]?.resolve(loads[0].seen)
    expect(await before).toBe(0)
    await tick()
    expect(loads).toHaveLength(2)
    expect(loads[1]?.seen).toBe(1)
    loads[1]?.resolve(loads[1].seen)
    expect([await after, await alsoAfter]).toEqual([1, 1])
  })

  it('passes a failed read to its callers only, and reads again for the next', async () => {
    const { reader, loads, tick } = fakeDatabase()
    const failing = reader.read()
    await tick()
    const next = reader.read()
    loads[0]?.reject(new Error('database down'))
    await expect(failing).rejects.toThrow('database down')
    await tick()
    loads[1]?.resolve(3)
    expect(await next).toBe(3)
  })
})

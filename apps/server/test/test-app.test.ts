import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestApp } from './test-app.ts'

describe('createTestApp', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it.each(['true', 'false'])(
    'fails, never skips, when TEST_DB=postgres has no TEST_DATABASE_URL (CI=%s)',
    async (ci) => {
      vi.stubEnv('TEST_DB', 'postgres')
      vi.stubEnv('TEST_DATABASE_URL', '')
      vi.stubEnv('CI', ci)
      await expect(createTestApp()).rejects.toThrow(/TEST_DATABASE_URL/)
    },
  )

  it('gives each call its own database', async () => {
    const [a, b] = await Promise.all([createTestApp(), createTestApp()])
    try {
      await a.db.insertInto('appMeta').values({ key: 'only-in-a', value: '1' }).execute()
      expect(await b.db.selectFrom('appMeta').select('key').where('key', '=', 'only-in-a').execute()).toEqual([])
      expect(await a.db.selectFrom('countries').select('code').execute()).toHaveLength(6)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

import { defineConfig } from 'vitest/config'

const ci = process.env.CI === 'true'
const hasPg = Boolean(process.env.TEST_DATABASE_URL)
if (ci && !hasPg) throw new Error('CI=true needs TEST_DATABASE_URL: the PostgreSQL suite may not be skipped in CI')

const serverTests = ['apps/server/**/*.test.ts']

export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; much of a server test's time is spent waiting on
    // SQLite files, PostgreSQL and password hashing, so two workers finish the suite far sooner.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['packages/shared/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server-sqlite',
          environment: 'node',
          include: serverTests,
          env: { TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(hasPg
        ? [
            {
              test: {
                name: 'server-postgres',
                environment: 'node',
                include: serverTests,
                // Tests that only exercise pure code run once, in the SQLite project.
                exclude: ['apps/server/src/**/*.unit.test.ts', '**/node_modules/**'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          setupFiles: ['apps/web/src/test/setup.ts'],
          // Component tests type into Mantine forms; a loaded CI machine needs more than the 5 s default.
          testTimeout: 20_000,
        },
      },
    ],
  },
})

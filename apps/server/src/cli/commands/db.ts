import { migrateToLatest } from '../../db/migrate.ts'
import { seedDemo } from '../../seed/demo.ts'
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { seedReferenceData } from '../../seed/reference.ts'
import { SCALE_ADMIN_EMAIL, SCALE_ADMIN_PASSWORD, seedScale } from '../../seed/scale.ts'
import { type Command, UsageError } from '../command.ts'
import { withDatabase } from '../context.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations (forward-only); add missing reference data and the default Handbook',
  usage: ['thbm migrate'],
  options: {},
  async run() {
    await withDatabase(
      async (handle) => {
        const applied = await migrateToLatest(handle)
        const countries = await seedReferenceData(handle.db)
        console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.')
        if (countries) console.log(`Added ${countries} countries.`)
        if (await seedDefaultHandbook(handle.db)) console.log('Added and published the default Handbook.')
      },
      { prepare: false },
    )
  },
}

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Seed demo data, or a synthetic installation of N countries for benchmarks',
  usage: [
    'thbm seed --demo',
    'thbm seed --scale N [--indicators M]',
    '  --scale       N synthetic countries × 20 rounds, for benchmarks (into a new, empty database)',
    '  --indicators  indicators of the generated framework, a multiple of 10 (default 300)',
  ],
  options: { demo: { type: 'boolean' }, scale: { type: 'string' }, indicators: { type: 'string' } },
  async run(values) {
    if (values.scale !== undefined) {
      const n = Number(values.scale)
      if (!Number.isInteger(n) || n < 1 || n > 600) throw new UsageError('--scale is a number of countries, 1 to 600')
      const indicators = Number(values.indicators ?? 300)
      if (!Number.isInteger(indicators) || indicators < 10 || indicators > 1000 || indicators % 10 !== 0)
        throw new UsageError('--indicators is a multiple of 10, from 10 to 1000')
      await withDatabase(async (handle) => {
        const summary = await seedScale(handle, { countries: n, indicators, log: (line) => console.log(line) })
        if (!summary) return console.log('A synthetic installation was seeded before; nothing to do.')
        const rows = Object.entries(summary.rows).map(([t, r]) => `${t} ${r}`)
        console.log(`Seeded ${n} countries in ${summary.seconds.toFixed(1)} s: ${rows.join(', ')}.`)
        console.log(`Sign in as ${SCALE_ADMIN_EMAIL} with the password ${SCALE_ADMIN_PASSWORD}.`)
      })
      return
    }
    if (!values.demo) throw new UsageError('Say what to seed: --demo or --scale N')
    await withDatabase(async (handle) => {
      const seeded = await seedDemo(handle.db)
      console.log(
        seeded
          ? `Demo data seeded. Demo accounts use the password ${DEMO_PASSWORD}.`
          : 'Demo data was seeded before; nothing to do.',
      )
    })
  },
}

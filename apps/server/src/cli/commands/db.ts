import { migrateToLatest } from '../../db/migrate.ts'
import { seedDemo } from '../../seed/demo.ts'
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { seedReferenceData } from '../../seed/reference.ts'
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
  summary: 'Seed demo data (demo accounts and organisations) into the configured database',
  usage: ['thbm seed --demo'],
  options: { demo: { type: 'boolean' } },
  async run(values) {
    if (!values.demo) throw new UsageError('Say what to seed: --demo')
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

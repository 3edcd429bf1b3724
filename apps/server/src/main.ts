import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { startJobWorker } from './jobs/start.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.ts'
import { isDemoInstallation } from './seed/meta.ts'
import { prepareDatabase } from './seed/startup.ts'

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(1)
    }
    throw err
  }
  const database = openDatabase(config.database, { backgroundCheckpoints: true })
  await prepareDatabase(database, config)
  const app = await buildApp({ config, database })
  let stopJobs = async () => {}
  const shutdown = async () => {
    await stopJobs()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  await app.listen({ port: config.port, host: config.host })
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host
  const url = config.publicUrl ?? `http://${shownHost}:${(app.server.address() as { port: number }).port}`
  stopJobs = startJobWorker(database, config, app.log, url)
  const lines = [
    ``,
    `THB Monitor is running at ${url}`,
    `Database: ${database.engine}${config.database.kind === 'sqlite' ? ` (${config.database.file})` : ''}`,
  ]
  if (await isDemoInstallation(database.db)) {
    lines.push(`Demo installation. Sign in with any of these accounts, password ${DEMO_PASSWORD}:`)
    for (const a of DEMO_ACCOUNTS)
      lines.push(`  ${a.email.padEnd(26)} ${a.role}${a.countryCode ? ` (${a.countryCode})` : ''}`)
  }
  console.log(lines.join('\n'))
}

main().catch((err) => {
  console.error('THB Monitor could not start:', err instanceof Error ? err.message : err)
  process.exit(1)
})

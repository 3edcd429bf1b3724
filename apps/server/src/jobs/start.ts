import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { serverJobDefinitions } from './definitions.ts'
import { JobRunner, type RunnerOptions } from './runner.ts'

/**
 * Starts the server's worker (main.ts; tests start runners of their own): it picks up queued jobs, and jobs whose
 * worker died once their lease expires, on start and then as they come. Returns the function that stops it.
 */
export function startJobWorker(
  handle: DatabaseHandle,
  config: Config,
  log: RunnerOptions['log'],
  baseUrl: string,
): () => Promise<void> {
  const { definitions, close } = serverJobDefinitions(config, baseUrl)
  const runner = new JobRunner({ db: handle.db, engine: handle.engine, definitions, log })
  runner.start()
  return async () => {
    await runner.stop()
    close()
  }
}

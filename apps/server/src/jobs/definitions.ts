import type { Config } from '../config.ts'
import { notificationJobs } from '../modules/notifications/jobs.ts'
import { reportRenderJob } from '../modules/reports/render-job.ts'
import { templateImportJob } from '../modules/templates/import-job.ts'
import type { JobDefinition } from './types.ts'

/** Every kind of job the server runs, with what must be closed when the runner stops (the SMTP pool). */
export function serverJobDefinitions(config: Config, baseUrl: string): { definitions: JobDefinition[]; close(): void } {
  const notifications = notificationJobs(config, baseUrl)
  return {
    definitions: [
      reportRenderJob({ chromiumPath: config.chromiumPath, locales: config.prerenderLocales }) as JobDefinition,
      ...notifications.definitions,
      templateImportJob({ engine: config.database.kind }) as JobDefinition,
    ],
    close: notifications.close,
  }
}

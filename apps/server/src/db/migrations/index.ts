import type { Kysely } from 'kysely'
import * as m0001 from './0001_core.ts'
import * as m0002 from './0002_frameworks.ts'
import * as m0003 from './0003_rounds.ts'
import * as m0004 from './0004_import_batches.ts'
import * as m0005 from './0005_notifications.ts'
import * as m0006 from './0006_assessments.ts'
import * as m0007 from './0007_report_publications.ts'
import * as m0008 from './0008_reviews.ts'
import * as m0009 from './0009_bench_indexes.ts'
import * as m0010 from './0010_jobs.ts'
import * as m0012 from './0012_template_uploads.ts'
import * as m0013 from './0013_generation_shards.ts'
import type { Engine } from './helpers.ts'

/** Forward-only migrations, in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: Record<string, { up: (db: Kysely<unknown>, engine: Engine) => Promise<void> }> = {
  '0001_core': m0001,
  '0002_frameworks': m0002,
  '0003_rounds': m0003,
  '0004_import_batches': m0004,
  '0005_notifications': m0005,
  '0006_assessments': m0006,
  '0007_report_publications': m0007,
  '0008_reviews': m0008,
  '0009_bench_indexes': m0009,
  '0010_jobs': m0010,
  '0012_template_uploads': m0012,
  '0013_generation_shards': m0013,
}

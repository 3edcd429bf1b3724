import { loadConfig } from '../../apps/server/src/config.ts'
import { openDatabase } from '../../apps/server/src/db/database.ts'
import { SCALE_FRAMEWORK_CODE, scaleKindOf } from '../../apps/server/src/seed/scale-framework.ts'

/** What the measurements need to know about the synthetic installation. */
export interface SeedInfo {
  versionId: string
  /** The latest published round (reports, overview) and the open one (data entry, templates). */
  publishedRoundId: string
  openRoundId: string
  countries: string[]
  /** The country whose profile, national report and template are measured. */
  country: string
  /** An indicator for the explorer. */
  explorerCode: string
  /** Person-count indicators (answers with 52 breakdown cells), for data-entry saves. */
  personCodes: string[]
  /** The government organisation of each country (it has no answers in the open round yet). */
  govOrgs: Map<string, string>
}

export async function readSeedInfo(databaseUrl: string): Promise<SeedInfo> {
  const handle = openDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database)
  try {
    const { db } = handle
    const version = await db
      .selectFrom('frameworkVersions')
      .innerJoin('frameworks', 'frameworks.id', 'frameworkVersions.frameworkId')
      .select('frameworkVersions.id')
      .where('frameworks.code', '=', SCALE_FRAMEWORK_CODE)
      .executeTakeFirstOrThrow()
    const rounds = await db
      .selectFrom('rounds')
      .select(['id', 'status', 'periodTo'])
      .where('frameworkVersionId', '=', version.id)
      .orderBy('periodTo', 'desc')
      .execute()
    const open = rounds.find((r) => r.status === 'collecting')
    const published = rounds.find((r) => r.status === 'published')
    if (!open || !published) throw new Error('The database has no synthetic installation (run thbm seed --scale N)')
    const countries = (
      await db.selectFrom('roundCountries').select('countryCode').where('roundId', '=', open.id).execute()
    ).map((r) => r.countryCode)
    const indicators = await db
      .selectFrom('indicators')
      .innerJoin('frameworkAreas', 'frameworkAreas.id', 'indicators.areaId')
      .select('indicators.code')
      .where('indicators.versionId', '=', version.id)
      .orderBy('frameworkAreas.position')
      .orderBy('indicators.position')
      .execute()
    const orgs = await db
      .selectFrom('organisations')
      .select(['id', 'countryCode'])
      .where('type', '=', 'government')
      .where('name', 'like', 'Bench ministry%')
      .execute()
    return {
      versionId: version.id,
      publishedRoundId: published.id,
      openRoundId: open.id,
      countries,
      country: countries.includes('RS') ? 'RS' : (countries[0] as string),
      explorerCode: indicators[Math.min(71, indicators.length - 1)]?.code as string,
      personCodes: indicators.filter((_, i) => scaleKindOf(i) === 'persons').map((i) => i.code),
      govOrgs: new Map(orgs.map((o) => [o.countryCode, o.id])),
    }
  } finally {
    await handle.close()
  }
}

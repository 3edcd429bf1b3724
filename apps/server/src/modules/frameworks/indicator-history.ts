import type { Database } from '../../db/database.ts'
import { notFound } from '../../errors.ts'
import { type LoadedVersion, loadVersion } from './frameworks.queries.ts'

export interface LineageStep {
  versionId: string
  label: string
  code: string
  title: LoadedVersion['indicators'][number]['title']
  lineage: LoadedVersion['indicators'][number]['lineage']
}

/**
 * The history of an indicator through its lineage: generation 0 is the indicator itself, generation 1 the codes it
 * continues in the version it was based on, and so on back to the first version.
 */
export async function indicatorHistory(db: Database, versionId: string, code: string): Promise<LineageStep[][]> {
  let version = await loadVersion(db, versionId)
  const start = version.indicators.find((i) => i.code === code)
  if (!start) throw notFound(`Indicator ${code} is not in this version`)
  const step = (v: LoadedVersion, ind: LoadedVersion['indicators'][number]): LineageStep => ({
    versionId: v.row.id,
    label: v.row.label,
    code: ind.code,
    title: ind.title,
    lineage: ind.lineage,
  })
  const generations: LineageStep[][] = [[step(version, start)]]
  let codes = start.lineage.from
  while (codes.length && version.row.basedOnId) {
    version = await loadVersion(db, version.row.basedOnId)
    const found = version.indicators.filter((i) => codes.includes(i.code))
    if (!found.length) break
    generations.push(found.map((i) => step(version, i)))
    codes = [...new Set(found.flatMap((i) => i.lineage.from))]
  }
  return generations
}

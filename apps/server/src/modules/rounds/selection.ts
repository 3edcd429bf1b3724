import type { RoundFocus, SelectionReason } from '@thbm/shared'
import type { Trx } from '../../db/transaction.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'

export interface SelectedIndicator {
  code: string
  area: string
  position: number
  reason: SelectionReason
}

/**
 * A country's indicators for a round: the core set, the indicators tagged with the round's focus and the manual
 * additions, minus what the country's adaptation excludes, plus the country's own extra indicators; in Handbook order.
 */
export async function selectIndicators(
  trx: Trx,
  input: { versionId: string; countryCode: string; focus: RoundFocus | null; manual: string[] },
): Promise<SelectedIndicator[]> {
  const version = await loadVersion(trx, input.versionId)
  const adaptation = await loadAdaptation(trx, input.versionId, input.countryCode)
  const excluded = new Set(adaptation.items.filter((i) => i.excluded).map((i) => i.code))
  const manual = new Set(input.manual)
  const areaOrder = new Map(version.areas.map((a, i) => [a.code, i]))
  const picked: SelectedIndicator[] = []
  for (const ind of version.indicators) {
    const reason: SelectionReason | null = ind.core
      ? 'core'
      : input.focus && input.focus !== 'custom' && ind.topics.includes(input.focus)
        ? 'focus'
        : manual.has(ind.code)
          ? 'manual'
          : null
    if (reason && (ind.core || !excluded.has(ind.code)))
      picked.push({ code: ind.code, area: ind.area, position: picked.length, reason })
  }
  for (const extra of adaptation.extraIndicators)
    picked.push({ code: extra.code, area: extra.area, position: 0, reason: 'national' })
  picked.sort((a, b) => (areaOrder.get(a.area) ?? 0) - (areaOrder.get(b.area) ?? 0) || a.position - b.position)
  return picked.map((p, i) => ({ ...p, position: i }))
}

/** Replaces a round's stored country lists with a fresh selection. */
export async function refreshRoundIndicators(
  trx: Trx,
  round: { id: string; frameworkVersionId: string; focus: RoundFocus | null },
  countries: string[],
  manual: string[],
): Promise<void> {
  await trx.deleteFrom('roundIndicators').where('roundId', '=', round.id).execute()
  for (const countryCode of countries) {
    const rows = await selectIndicators(trx, {
      versionId: round.frameworkVersionId,
      countryCode,
      focus: round.focus,
      manual,
    })
    if (rows.length === 0) continue
    await trx
      .insertInto('roundIndicators')
      .values(
        rows.map((r) => ({
          roundId: round.id,
          countryCode,
          indicatorCode: r.code,
          areaCode: r.area,
          position: r.position,
          reason: r.reason,
        })),
      )
      .execute()
  }
}

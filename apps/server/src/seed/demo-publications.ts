import { DEFAULT_DISCLOSURE_THRESHOLD } from '@thbm/shared'
import type { Trx } from '../db/transaction.ts'
import { newId, nowIso } from '../ids.ts'
import { publishReport } from '../modules/reports/publish-report.ts'
import { loadRound } from '../modules/rounds/rounds.queries.ts'

const SUMMARY = (country: string, year: number) =>
  `<p><strong>Demo data.</strong> In ${year}, ${country} kept its referral mechanism working and identified more victims ` +
  'than a year before. Assistance remains uneven outside the capital, and compensation is still rare.</p>'
const CONCLUSION =
  '<p>Demo data. Identification improved where labour inspectors and social workers were trained together.</p>' +
  '<ul><li>Fund specialised NGOs with multi-year contracts.</li><li>Screen child beggars systematically.</li></ul>'
const REGION_SUMMARY = (year: number) =>
  `<p><strong>Demo data.</strong> Across the six participants, ${year} shows steady progress in identification and ` +
  'a persistent gap in compensation and in the identification of labour exploitation.</p>'

/**
 * Demo texts (summary and conclusions per country and for the region) and the publication of every past round's
 * national reports and regional report, so the public portal and the report pages have content.
 */
export async function seedDemoPublications(trx: Trx, past: { year: number; id: string }[], countries: string[]) {
  const system = { actor: null, requestId: 'demo' }
  for (const { year, id } of past) {
    const now = nowIso()
    for (const scope of [...countries, 'region'])
      for (const [kind, html] of [
        ['summary', scope === 'region' ? REGION_SUMMARY(year) : SUMMARY(scope, year)],
        ['conclusion', CONCLUSION],
      ] as const)
        await trx
          .insertInto('narratives')
          .values({
            id: newId(),
            roundId: id,
            scope,
            kind,
            areaCode: '',
            bodyHtml: html,
            updatedAt: now,
            updatedBy: null,
            version: 1,
          })
          .execute()
    const round = await loadRound(trx, id)
    if (!round) continue
    // Demo releases are rendered on first download: rendering them all at the first start would keep a new
    // installation's CPU busy for minutes.
    for (const scope of [...round.countries, 'region'])
      await publishReport(trx, system, round, scope, null, DEFAULT_DISCLOSURE_THRESHOLD, { render: false })
  }
}

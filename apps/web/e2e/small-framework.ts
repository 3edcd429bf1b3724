import { type APIRequestContext, expect } from '@playwright/test'

const en = (text: string) => ({ en: text })

/** The indicator codes of the small Handbook, one per kind of measurement. */
export const SMALL_CODES = {
  rubric: 'SMF-1',
  yesPartialNo: 'SMF-2',
  count: 'SMF-3',
  amount: 'SMF-4',
  percentage: 'SMF-5',
  text: 'SMF-6',
} as const

type Measurement = Record<string, unknown> & { type: string }

function indicator(code: string, title: string, measurement: Measurement, extra: Record<string, unknown> = {}) {
  return {
    code,
    area: 'SMF',
    title: en(title),
    definition: en(`Definition of ${title.toLowerCase()} (end-to-end test).`),
    guidance: en(`Guidance for ${title.toLowerCase()} (end-to-end test).`),
    kind: 'process',
    measurement,
    disaggregations: [],
    customDimensions: [],
    legalReferences: [{ instrument: 'coe_convention', article: '10' }],
    sources: ['government', 'ngo'],
    topics: ['identification'],
    core: true,
    frameworkIndicator: false,
    redFlag: false,
    weight: 1,
    lineage: { type: 'new', from: [] },
    ...extra,
  }
}

/**
 * Imports and publishes a small Handbook through the API (the request context must be signed in as someone who
 * edits the Handbook): one area and six core indicators, one for each measurement type, the count broken down by
 * victim status and sex. Its framework code and version label are unique, so runs never clash.
 */
export async function createSmallHandbook(
  request: APIRequestContext,
): Promise<{ versionId: string; versionLabel: string; frameworkCode: string; frameworkName: string; codes: string[] }> {
  const stamp = Date.now().toString(36).toUpperCase()
  const frameworkCode = `E2E-${stamp}`
  const frameworkName = `Small e2e Handbook ${stamp}`
  const versionLabel = `e2e.${stamp.toLowerCase()}`
  const c = SMALL_CODES
  const doc = {
    schema: 'thbm.framework',
    schemaVersion: 1,
    framework: { code: frameworkCode, name: en(frameworkName), baseLocale: 'en' },
    version: { label: versionLabel, basedOn: null, notes: en('A small Handbook for the end-to-end round journey.') },
    areas: [{ code: 'SMF', title: en('Small framework'), description: en('Every kind of measurement once.') }],
    indicators: [
      indicator(c.rubric, 'National referral mechanism', {
        type: 'rubric',
        levels: [en('No mechanism'), en('On paper'), en('Partly applied'), en('Mostly applied'), en('Fully applied')],
      }),
      indicator(c.yesPartialNo, 'Reflection period in law', {
        type: 'yes_partial_no',
        descriptors: { yes: en('Granted by law'), partial: en('Granted in practice only'), no: en('Not granted') },
      }),
      indicator(
        c.count,
        'Victims identified or presumed',
        { type: 'count', unit: en('persons') },
        { kind: 'outcome', unit: en('persons'), disaggregations: ['sex', 'victim_status'] },
      ),
      indicator(c.amount, 'Public funds for victim services', { type: 'amount', currency: 'EUR' }),
      indicator(c.percentage, 'Frontline staff trained', {
        type: 'percentage',
        numeratorLabel: en('Frontline staff trained on identification'),
        denominatorLabel: en('Frontline staff in post'),
      }),
      indicator(c.text, 'Main obstacles to identification', { type: 'text' }),
    ],
  }
  const imported = await request.post('/api/frameworks/import', {
    multipart: {
      file: { name: 'small-handbook.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) },
    },
  })
  expect(imported.status(), await imported.text()).toBe(201)
  const draft = (await imported.json()) as { data: { id: string; version: number } }
  const published = await request.post(`/api/framework-versions/${draft.data.id}/publish`, {
    data: { version: draft.data.version },
  })
  expect(published.status(), await published.text()).toBe(200)
  return { versionId: draft.data.id, versionLabel, frameworkCode, frameworkName, codes: Object.values(c) }
}

import type { FrameworkDoc, IndicatorDoc } from '@thbm/shared'

const t = (en: string) => ({ en })

/** A valid indicator; tests override what they care about. */
export function indicator(code: string, overrides: Partial<IndicatorDoc> = {}): IndicatorDoc {
  return {
    code,
    area: code.split('-')[0] as string,
    title: t(`Title of ${code}`),
    definition: t(`Definition of ${code}`),
    guidance: t(`Guidance for ${code}`),
    kind: 'process',
    measurement: { type: 'rubric', levels: [t('Nothing'), t('On paper'), t('Partly'), t('Mostly'), t('Fully')] },
    disaggregations: [],
    customDimensions: [],
    legalReferences: [{ instrument: 'coe_convention', article: '10' }],
    sources: ['government', 'ngo'],
    topics: ['identification'],
    core: false,
    frameworkIndicator: false,
    redFlag: false,
    weight: 1,
    lineage: { type: 'new', from: [] },
    ...overrides,
  }
}

/** A small valid framework: two areas, five indicators (IDN-1 is core). */
export function frameworkDoc(overrides: Partial<FrameworkDoc> = {}): FrameworkDoc {
  return {
    schema: 'thbm.framework',
    schemaVersion: 1,
    framework: { code: 'TEST', name: t('Test framework'), baseLocale: 'en' },
    version: { label: '1.0', basedOn: null, notes: t('First version') },
    areas: [
      { code: 'IDN', title: t('Identification'), description: t('How victims are identified') },
      { code: 'AST', title: t('Assistance'), description: t('How victims are assisted') },
    ],
    indicators: [
      indicator('IDN-1', { core: true }),
      indicator('IDN-2'),
      indicator('IDN-3', { measurement: { type: 'count', unit: t('victims') }, disaggregations: ['sex', 'age_group'] }),
      indicator('AST-1', { topics: ['assistance'] }),
      indicator('AST-2', {
        measurement: { type: 'yes_partial_no', descriptors: { yes: t('Yes'), partial: t('Partly'), no: t('No') } },
      }),
    ],
    ...overrides,
  }
}

/** A multipart/form-data body with one file field, for app.inject(). */
export function multipartFile(content: Buffer | string, filename = 'framework.json', field = 'file') {
  const boundary = `----thbm${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

import type { TFunction } from 'i18next'

const TOP: Record<string, string> = {
  code: 'handbook:form.code',
  area: 'handbook:form.area',
  title: 'handbook:form.title',
  definition: 'handbook:form.definition',
  guidance: 'handbook:form.guidance',
  kind: 'handbook:form.kind',
  unit: 'handbook:form.unit',
  measurement: 'handbook:form.measurementType',
  'measurement.type': 'handbook:form.measurementType',
  'measurement.currency': 'handbook:form.currency',
  'measurement.unit': 'handbook:form.countUnit',
  'measurement.numeratorLabel': 'handbook:measure.numerator',
  'measurement.denominatorLabel': 'handbook:measure.denominator',
  'measurement.targetBands': 'handbook:measure.bands',
  disaggregations: 'handbook:form.disaggregations',
  customDimensions: 'handbook:form.customDimensions',
  legalReferences: 'handbook:form.legalReferences',
  sources: 'handbook:form.sources',
  topics: 'handbook:form.topics',
  core: 'enums:indicatorFlag.core',
  frameworkIndicator: 'enums:indicatorFlag.framework',
  redFlag: 'enums:indicatorFlag.redFlag',
  weight: 'handbook:form.weight',
}

/** A readable name for a field path of the indicator form, for the error summary. */
export function fieldLabel(t: TFunction, path: string): string {
  if (TOP[path]) return t(TOP[path])
  const level = /^measurement\.levels\[(\d+)\]/.exec(path)
  if (level) return t('handbook:measure.level', { level: Number(level[1]) })
  const answer = /^measurement\.descriptors\.(yes|partial|no)/.exec(path)
  if (answer) return t(`handbook:measure.answer.${answer[1] as 'yes' | 'partial' | 'no'}`)
  const band = /^measurement\.targetBands\[(\d+)\]/.exec(path)
  if (band) return t('handbook:form.bandN', { n: Number(band[1]) + 1 })
  const dim = /^customDimensions\[(\d+)\]/.exec(path)
  if (dim) return t('handbook:form.customDimensionN', { n: Number(dim[1]) + 1 })
  const ref = /^legalReferences\[(\d+)\]/.exec(path)
  if (ref) return t('handbook:form.legalReferenceN', { n: Number(ref[1]) + 1 })
  const parent = path.replace(/(\.[a-zA-Z-]+|\[\d+\])$/, '')
  return parent && parent !== path ? fieldLabel(t, parent) : path
}

/** Labels for every path that has an error. */
export function labelsFor(t: TFunction, errors: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.keys(errors).map((path) => [path, fieldLabel(t, path)]))
}

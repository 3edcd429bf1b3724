import { CONTENT_LOCALES, INDICATOR_KINDS, LINEAGE_TYPES, MEASUREMENT_TYPES } from '@thbm/shared'
import { SCALE_KEYS, SHEETS } from './layout.ts'

/** The text of the Instructions sheet: one paragraph per row; lines starting with '#' are headings. */
export function instructionLines(baseLocale: string): string[] {
  return [
    '# THB Monitor framework workbook',
    'This workbook holds one version of a framework (the Handbook). Edit it and import it again to create a new draft version.',
    'Do not rename the sheets and do not change the first row (the column headers) of any sheet: the import finds sheets and columns by these names. You may reorder columns and add columns of your own; they are ignored.',
    'Every problem found on import is reported with its cell, e.g. Indicators!G12 (sheet, column letter, row), and nothing is imported until all problems are fixed.',
    'Cells are read as plain text: a formula is kept as its text (e.g. "=SUM(A1)") and never calculated, formatting is dropped, and HTML is kept as literal text.',
    '',
    '# Languages',
    `The base locale of this framework is "${baseLocale}" (sheet ${SHEETS.framework}, row "base locale"). All other sheets show texts in the base locale only.`,
    `The sheet ${SHEETS.translations} has one row per text, named by its address (e.g. indicator:IDN-3:title, area:IDN:description, indicator:IDN-3:level:2, framework:name, version:notes) and one column per content locale (${CONTENT_LOCALES.join(', ')}).`,
    `Rule: for the base locale, the main sheets win (the base-locale column of ${SHEETS.translations} is shown for reference and ignored on import); for every other locale, the ${SHEETS.translations} sheet is the only source.`,
    'Serbian Latin (sr-Latn) is generated from Serbian Cyrillic (sr-Cyrl) wherever Cyrillic text exists; edit the Cyrillic text.',
    'An optional text (a unit, a percentage label) exists when it has text on its main sheet or a row on the Translations sheet; delete both to remove it.',
    '',
    '# Lists and yes/no',
    'Cells that hold a list (disaggregations, topics, sources, lineage from) take values separated by commas, e.g. "sex, age_group". A value that itself contains a comma can be written as a JSON list, e.g. ["A,1", "B"].',
    'Yes/no cells take yes or no. Cells with a dropdown take one of its values (the values live on the hidden Lists sheet).',
    '',
    '# Sheets',
    `${SHEETS.framework}: one row per field (framework code, framework name, base locale, version label, based on, version notes, schema version); the value is in column "value".`,
    `${SHEETS.areas}: one row per area, in order: code (upper case, e.g. IDN), title and description.`,
    `${SHEETS.indicators}: one row per indicator, in order. code (e.g. IDN-3); area (an area code from ${SHEETS.areas}); title, definition, guidance; kind (${INDICATOR_KINDS.join(', ')}); measurement type (${MEASUREMENT_TYPES.join(', ')}); currency (ISO code, amount indicators only); unit; disaggregations (standard dimension codes); core, framework indicator, red flag (yes/no); weight (0 to 100); topics; sources (organisation types); lineage type (${LINEAGE_TYPES.join(', ')}); lineage from (codes in the previous version).`,
    `${SHEETS.scales}: the levels of each indicator's scale, one row per level: indicator code, level, descriptor, and for target bands from, to and score.`,
    '  rubric: levels 0, 1, 2, 3 and 4, all five required. yes_partial_no: levels yes, partial and no, all three required.',
    `  count: optional level "${SCALE_KEYS.unit}" (the descriptor is the unit). percentage: optional levels "${SCALE_KEYS.numerator}" and "${SCALE_KEYS.denominator}" (labels).`,
    `  count and percentage: any number of "${SCALE_KEYS.band}" rows (a value from "from" up to but not including "to" scores "score", 0 to 100), in order. A single "${SCALE_KEYS.noBands}" row records an empty list of bands.`,
    `${SHEETS.legal}: one row per legal reference: indicator code, instrument (from the dropdown), article (e.g. 10(2)) and title (for national and other instruments).`,
    `${SHEETS.dimensions}: one row per category of an indicator's own disaggregation: indicator code, dimension code, dimension label, category code, category label. Codes are lower case (letters, digits, _). A dimension needs at least two categories.`,
    `${SHEETS.translations}: see Languages above. Do not change the addresses in column A except when you rename a code on the other sheets.`,
  ]
}

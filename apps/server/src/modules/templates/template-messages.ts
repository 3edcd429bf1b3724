import { CHOICES, cyrillicToLatin, LOCALES, type Locale, type LocalizedText } from '@thbm/shared'
import { type Catalog, resources } from '@thbm/shared/i18n'
import type { AnswerField, DataColumn } from './template-layout.ts'
import { bs } from './template-messages-bs.ts'
import { cnr } from './template-messages-cnr.ts'
import { mk } from './template-messages-mk.ts'
import { sq } from './template-messages-sq.ts'

/**
 * The few fixed texts of a template, in every UI language (one file each); Serbian Latin is transliterated. Labels of
 * measurement types and dimensions come from the UI catalogs (enums), indicator texts from the framework.
 */
export interface Messages {
  headers: Record<DataColumn, string>
  fields: Record<AnswerField, string>
  /** What the "no data" dropdown offers. */
  noData: string
  unit: string
  currency: string
  /** The message of a refused value (Excel's data validation). */
  invalidValue: string
  /** The message of a typed yes / partial / no that is not a code of the list (Excel lets it stay: see CHOICE_WORDS). */
  choiceValue: string
  /** Lines of the Instructions sheet; `# ` starts a heading; {round}, {country}, {organisations}, {createdAt}. */
  instructions: string[]
}

const en: Messages = {
  headers: {
    organisation: 'Organisation',
    code: 'Indicator code',
    indicator: 'Indicator',
    measurement: 'Measurement',
    help: 'Unit or levels',
    breakdown: 'Breakdown',
    key: 'Key (technical, do not change)',
    value: 'Value',
    ref: 'Reference (technical)',
  },
  fields: {
    choice: 'Answer',
    number: 'Total',
    numerator: 'Numerator',
    denominator: 'Denominator',
    text: 'Answer (text)',
    noData: 'No data? Choose "no data" if the figure is not available',
    noDataReason: 'Why there is no data',
    narrative: 'Narrative: sources, method, comments',
    partsExplanation: 'Why the breakdown does not add up to the total',
    changeComment: 'Comment on a large change since the previous round',
  },
  noData: 'no data',
  unit: 'Unit',
  currency: 'Currency',
  invalidValue: 'Use a value from the list, or a number of the right kind (see the Instructions sheet).',
  choiceValue:
    'Choose yes, partial or no from the list. The words yes, partially and no in any language of THB Monitor are accepted too: click OK to keep what you typed.',
  instructions: [
    '# THB Monitor data template',
    'Round: {round} · Country: {country} · Organisations: {organisations} · Downloaded: {createdAt}',
    'Fill in this workbook offline and upload it in THB Monitor (or give it to your country lead). Nothing is saved until it is uploaded.',
    '# How to fill it in',
    'The Data sheet has one row per indicator, organisation and field. Type only in the column "Value" (the white cells); every other cell is locked.',
    'Pick answers from the dropdown lists: yes, partial or no; rubric levels 0 to 4; "no data" in the "No data" row when the figure is not available (then say why in the next row).',
    'Counts are whole numbers and never negative. A percentage is given as numerator and denominator; the numerator cannot be larger than the denominator.',
    'Breakdowns: fill in each category you know. The parts should add up to the total; when they do not, explain why in the row meant for it. Identified and presumed victims are always given separately.',
    'Existing values are filled in. Change only what you mean to change; empty a cell to clear its value.',
    '# The upload',
    'Do not add, delete, move or sort rows, do not rename the sheets and do not change hidden columns or sheets: such a workbook is refused. Download a new template instead.',
    'The upload checks everything first and lists every problem with its cell (e.g. Data!H12). Nothing is saved until all problems are fixed.',
    'Values are saved as drafts, as if typed in the form: submit each answer in THB Monitor when it is complete. Warnings (e.g. parts that do not add up) do not stop the upload, but must be explained before submission.',
    'If someone changed an answer in THB Monitor after this template was downloaded, its rows are reported as a conflict instead of being overwritten: download a new template and enter your changes again.',
    'Evidence (files, links, legal citations) is added in THB Monitor; an upload keeps the evidence an answer already has. The country lead can revert a whole upload.',
  ],
}

const srCyrl: Messages = {
  headers: {
    organisation: 'Организација',
    code: 'Шифра индикатора',
    indicator: 'Индикатор',
    measurement: 'Мерење',
    help: 'Јединица или нивои',
    breakdown: 'Разврставање',
    key: 'Кључ (технички, не мењати)',
    value: 'Вредност',
    ref: 'Ознака (техничка)',
  },
  fields: {
    choice: 'Одговор',
    number: 'Укупно',
    numerator: 'Бројилац',
    denominator: 'Именилац',
    text: 'Одговор (текст)',
    noData: 'Нема података? Изаберите „нема података” ако податак није доступан',
    noDataReason: 'Зашто нема података',
    narrative: 'Опис: извори, метод, напомене',
    partsExplanation: 'Зашто збир делова није једнак укупном броју',
    changeComment: 'Коментар на велику промену у односу на претходни круг',
  },
  noData: 'нема података',
  unit: 'Јединица',
  currency: 'Валута',
  invalidValue: 'Користите вредност са листе или број одговарајуће врсте (видети лист Instructions).',
  choiceValue:
    'Изаберите yes, partial или no са листе. Прихватају се и речи да, делимично и не (и на другим језицима THB Monitor-а): кликните OK да задржите унос.',
  instructions: [
    '# THB Monitor – шаблон за унос података',
    'Круг: {round} · Држава: {country} · Организације: {organisations} · Преузето: {createdAt}',
    'Попуните ову радну свеску без интернета и отпремите је у THB Monitor (или је предајте руководиоцу за државу). Ништа се не чува док се свеска не отпреми.',
    '# Како се попуњава',
    'Лист Data има по један ред за сваки индикатор, организацију и поље. Уносите само у колону „Вредност” (беле ћелије); све остале ћелије су закључане.',
    'Одговоре бирајте са падајућих листа: yes (да), partial (делимично) или no (не); нивое рубрике од 0 до 4; „нема података” у реду „Нема података” када податак није доступан (па у следећем реду наведите зашто).',
    'Бројеви особа и случајева су цели и никад негативни. Проценат се уноси као бројилац и именилац; бројилац не може бити већи од имениоца.',
    'Разврставање: унесите сваку категорију коју знате. Збир делова треба да буде једнак укупном броју; ако није, објасните зашто у реду предвиђеном за то. Идентификоване и претпостављене жртве увек се уносе одвојено.',
    'Постојеће вредности су већ унете. Мењајте само оно што желите да промените; испразните ћелију да бисте обрисали вредност.',
    '# Отпремање',
    'Не додајте, не бришите, не померајте и не сортирајте редове, не преименујте листове и не мењајте скривене колоне и листове: таква свеска се одбија. Уместо тога преузмите нови шаблон.',
    'Отпремање прво све проверава и наводи сваки проблем са његовом ћелијом (нпр. Data!H12). Ништа се не чува док се сви проблеми не исправе.',
    'Вредности се чувају као нацрти, као да су унете у образац: сваки одговор поднесите у THB Monitor-у када буде потпун. Упозорења (нпр. делови који се не сабирају) не спречавају отпремање, али морају бити објашњена пре подношења.',
    'Ако је неко изменио одговор у THB Monitor-у након преузимања овог шаблона, његови редови се пријављују као сукоб уместо да буду преписани: преузмите нови шаблон и поново унесите своје измене.',
    'Докази (датотеке, линкови, правни извори) додају се у THB Monitor-у; отпремање задржава доказе које одговор већ има. Руководилац за државу може да поништи цело отпремање.',
  ],
}

function transliterate(m: Messages): Messages {
  const map = <K extends string>(r: Record<K, string>) =>
    Object.fromEntries(Object.entries<string>(r).map(([k, v]) => [k, cyrillicToLatin(v)])) as Record<K, string>
  return {
    headers: map(m.headers),
    fields: map(m.fields),
    noData: cyrillicToLatin(m.noData),
    unit: cyrillicToLatin(m.unit),
    currency: cyrillicToLatin(m.currency),
    invalidValue: cyrillicToLatin(m.invalidValue),
    choiceValue: cyrillicToLatin(m.choiceValue),
    instructions: m.instructions.map(cyrillicToLatin),
  }
}

const MESSAGES: Partial<Record<Locale, Messages>> = {
  en,
  'sr-Cyrl': srCyrl,
  'sr-Latn': transliterate(srCyrl),
  sq,
  mk,
  bs,
  cnr,
}

/** The fixed texts of a template in a language (English for a language added without them). */
export const templateMessages = (lang: Locale): Messages => MESSAGES[lang] ?? en

/** The languages that have their own template texts (a test requires every UI language). */
export const TEMPLATE_LANGUAGES = Object.keys(MESSAGES) as Locale[]

/** Every spelling of "no data" a template accepts, whatever its language (lower case). */
export const NO_DATA_WORDS: ReadonlySet<string> = new Set(Object.values(MESSAGES).map((m) => m.noData.toLowerCase()))

/** A typed word as the template compares it: trimmed, composed and in lower case (`  Да ` → `да`). */
export const foldWord = (word: string): string => word.trim().normalize('NFC').toLocaleLowerCase()

/**
 * The yes / partial / no answers a template accepts, whatever its language: the codes its dropdown offers and each UI
 * language's words for them (the form's labels, rounds:entry.choice.*), folded by foldWord → the code.
 */
export const CHOICE_WORDS: ReadonlyMap<string, (typeof CHOICES.yes_partial_no)[number]> = new Map(
  CHOICES.yes_partial_no.flatMap((code) => [
    [code, code] as const,
    ...LOCALES.map((lang) => [foldWord(catalogText(lang, 'rounds', `entry.choice.${code}`) ?? code), code] as const),
  ]),
)

/** A framework text in the language: Serbian Latin falls back to transliterated Cyrillic, then the base locale. */
export function pickText(text: LocalizedText | undefined, lang: Locale, base: string): string {
  if (!text) return ''
  const own = text[lang]
  if (own) return own
  if (lang === 'sr-Latn' && text['sr-Cyrl']) return cyrillicToLatin(text['sr-Cyrl'])
  return text[base as keyof LocalizedText] ?? text.en ?? ''
}

/** A text of a UI catalog (namespace and dotted path), undefined when there is none. */
function catalogText(lang: Locale, ns: keyof (typeof resources)[Locale], path: string): string | undefined {
  let node: string | Catalog | undefined = resources[lang][ns]
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

/** A label from the enums catalog (e.g. `dimension.sex`), or the code itself when there is none. */
export function enumLabel(lang: Locale, path: string): string {
  return catalogText(lang, 'enums', path) ?? path.split('.').pop() ?? path
}

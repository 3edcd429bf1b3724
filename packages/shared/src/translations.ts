import { z } from 'zod'
import { IdSchema, LocaleSchema } from './common.ts'
import { LocalizedTextSchema } from './framework.ts'
import { VERSION_STATUSES } from './framework-api.ts'
import { CONTENT_LOCALES, type ContentLocale } from './locales.ts'

/**
 * Content translation of a Handbook version: every text of the version has an address (the same addresses as the
 * framework workbook's Translations sheet, e.g. `indicator:IDN-3:level:2`). The side-by-side editor and the
 * translators' workbook read and write texts by address. Serbian Latin is never written: it is generated from
 * Serbian Cyrillic.
 */
export const TRANSLATABLE_LOCALES = CONTENT_LOCALES.filter(
  (l): l is Exclude<ContentLocale, 'sr-Latn'> => l !== 'sr-Latn',
)
export type TranslatableLocale = (typeof TRANSLATABLE_LOCALES)[number]

/** What a text is, for its label in the editor: the field, and for levels and dimensions their key. */
export const TRANSLATION_FIELDS = [
  'name',
  'notes',
  'title',
  'description',
  'definition',
  'guidance',
  'unit',
  'level',
  'dimension',
  'category',
] as const
export type TranslationField = (typeof TRANSLATION_FIELDS)[number]

export const TranslationTextSchema = z.object({
  address: z.string(),
  field: z.enum(TRANSLATION_FIELDS),
  /** The level key (`0`-`4`, `yes`, `unit`, …), dimension or category code; '' for plain fields. */
  key: z.string(),
  values: LocalizedTextSchema,
})
export type TranslationText = z.infer<typeof TranslationTextSchema>

/** One item of the editor: the framework (name, version notes), an area, or an indicator, with its texts. */
export const TranslationItemSchema = z.object({
  /** `framework`, `area:<code>` or `indicator:<code>`. */
  key: z.string(),
  kind: z.enum(['framework', 'area', 'indicator']),
  code: z.string().nullable(),
  areaCode: z.string().nullable(),
  /** The row's version, sent back when saving (409 when someone else saved first). */
  version: z.number().int(),
  texts: z.array(TranslationTextSchema),
})
export type TranslationItem = z.infer<typeof TranslationItemSchema>

/** Missing translations: texts that have base-locale text and none in the locale, per area (null: framework). */
export const TranslationGapSchema = z.object({
  areaCode: z.string().nullable(),
  locale: z.enum(CONTENT_LOCALES),
  total: z.number().int(),
  missing: z.number().int(),
})
export type TranslationGap = z.infer<typeof TranslationGapSchema>

export const TranslationOverviewSchema = z.object({
  versionId: IdSchema,
  label: z.string(),
  status: z.enum(VERSION_STATUSES),
  baseLocale: z.enum(CONTENT_LOCALES),
  /** Locales the actor may write here (empty when read-only): never the base locale, never Serbian Latin. */
  editableLocales: z.array(z.enum(TRANSLATABLE_LOCALES)),
  items: z.array(TranslationItemSchema),
  gaps: z.array(TranslationGapSchema),
})
export type TranslationOverview = z.infer<typeof TranslationOverviewSchema>

export const TranslationItemParamsSchema = z.object({
  versionId: IdSchema,
  itemKey: z.string().min(1).max(200),
})

/** Saves some texts of one item; an empty text removes that translation. */
export const SaveTranslationsBodySchema = z
  .object({
    version: z.number().int().min(1),
    texts: z
      .array(
        z
          .object({
            address: z.string().min(1).max(300),
            locale: z.enum(TRANSLATABLE_LOCALES),
            text: z.string().max(20_000),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict()
export type SaveTranslationsBody = z.infer<typeof SaveTranslationsBodySchema>

/** The result of a translators' workbook import. */
export const TranslationImportResultSchema = z.object({
  /** Texts whose value changed. */
  changed: z.number().int(),
  /** Rows read (texts that were the same stay as they were). */
  rows: z.number().int(),
})
export type TranslationImportResult = z.infer<typeof TranslationImportResultSchema>

/** The answer to a save: the item as stored now, and the missing counts of the whole version. */
export const SaveTranslationsResultSchema = z.object({
  item: TranslationItemSchema,
  gaps: z.array(TranslationGapSchema),
})
export type SaveTranslationsResult = z.infer<typeof SaveTranslationsResultSchema>

/** The translators' workbook: which locales get a column (comma-separated; default every one but the base). */
export const TranslationWorkbookQuerySchema = z.object({
  locales: z
    .string()
    .max(200)
    .regex(/^[A-Za-z-]+(,[A-Za-z-]+)*$/, 'Locales separated by commas, e.g. sq,mk')
    .optional(),
  /** Language of the Instructions sheet. */
  lang: LocaleSchema.default('en'),
})
export type TranslationWorkbookQuery = z.infer<typeof TranslationWorkbookQuerySchema>

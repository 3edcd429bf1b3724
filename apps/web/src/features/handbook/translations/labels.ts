import type { ContentLocale, TranslationItem, TranslationText } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useContentText } from '../useContentText.ts'

/** Words for the editor's items and texts: "IDN-3 Victims identified", "Level 2", "Category place:city". */
export function useTranslationLabels(baseLocale: ContentLocale) {
  const { t } = useTranslation()
  const pick = useContentText(baseLocale)
  /** The item's title text (the framework's name, an area's or indicator's title), in the UI language if it can. */
  const itemTitle = (item: TranslationItem) => {
    const address = item.kind === 'framework' ? 'framework:name' : `${item.key}:title`
    return pick(item.texts.find((x) => x.address === address)?.values)
  }
  return {
    itemTitle,
    /** The item's name as the list and the editor's heading show it. */
    itemName: (item: TranslationItem): string =>
      item.kind === 'framework'
        ? t('handbook:contentTranslation.frameworkItem')
        : t('handbook:contentTranslation.itemName', { code: item.code ?? '', title: itemTitle(item).text }),
    fieldName: (text: TranslationText): string =>
      t(`handbook:contentTranslation.field.${text.field}`, { key: text.key }),
    language: (locale: ContentLocale): string => t(`enums:contentLocale.${locale}`),
  }
}

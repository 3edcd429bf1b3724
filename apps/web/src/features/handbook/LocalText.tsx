import { Text, type TextProps } from '@mantine/core'
import type { ContentLocale, LocalizedText } from '@thbm/shared'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'

interface LocalTextProps extends Omit<TextProps, 'children' | 'style'> {
  text: LocalizedText | undefined
  baseLocale: ContentLocale
  /** Rendered as a block paragraph (default) or inline. */
  inline?: boolean
  /** Shown when the text is empty in every language. */
  empty?: string
}

/**
 * A Handbook text in the UI language. When it is not translated, the base-language text is shown with its `lang`
 * and a small "not translated" badge in words, so the fallback is visible without relying on colour.
 */
export function LocalText({ text, baseLocale, inline, empty, ...props }: LocalTextProps) {
  const pick = useContentText(baseLocale)
  const shown = pick(text)
  if (!shown.text) {
    return empty ? (
      <Text component={inline ? 'span' : 'p'} c="dimmed" fs="italic" {...props}>
        {empty}
      </Text>
    ) : null
  }
  return (
    <Text component={inline ? 'span' : 'p'} {...props} style={{ whiteSpace: 'pre-line' }}>
      <span lang={shown.lang}>{shown.text}</span>
      {shown.missing && <NotTranslatedBadge baseLocale={baseLocale} />}
    </Text>
  )
}

import { Badge, type CSSVariablesResolver, createTheme } from '@mantine/core'

/** One calm theme: blue primary with darker shades for text contrast, system fonts, medium radius. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // Sentence-case badges read better than all-caps, especially in Serbian.
  components: { Badge: Badge.extend({ defaultProps: { tt: 'none', radius: 'sm' } }) },
})

// Mantine's default dimmed grey (gray.6) is below 4.5:1 on white; gray.7 meets WCAG AA for small text.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
})

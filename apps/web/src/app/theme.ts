import { Badge, type CSSVariablesResolver, colorsTuple, createTheme, DEFAULT_THEME } from '@mantine/core'

// Warnings are written in orange.9, which in Mantine's palette (#d9480f) is 4.3:1 on white, below WCAG AA for small
// text; a darker last shade (5.2:1) keeps the hue. Filled and light orange components use other shades.
const orange = colorsTuple([...DEFAULT_THEME.colors.orange.slice(0, 9), '#c2410c'])

/** One calm theme: blue primary with darker shades for text contrast, system fonts, medium radius. */
export const theme = createTheme({
  primaryColor: 'blue',
  colors: { orange },
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

import { Badge, type CSSVariablesResolver, colorsTuple, createTheme, DEFAULT_THEME, InputError } from '@mantine/core'

// Shade 9 is the text of warnings (on white), of light alerts (on shade 1) and of status badges (on shade 0). In
// Mantine's palette it is below WCAG AA for small text there for orange (4.3:1 on white, 3.6:1 on shade 1), teal
// (4.3:1 on shade 1) and green (3.8:1 on shade 1); a darker last shade keeps the hue and gives 5:1 or more everywhere.
// Filled components use other shades.
const darkerLast = (name: 'orange' | 'teal' | 'green', shade9: string) =>
  colorsTuple([...DEFAULT_THEME.colors[name].slice(0, 9), shade9])
const orange = darkerLast('orange', '#b03c0b')
const teal = darkerLast('teal', '#0b6b50')
const green = darkerLast('green', '#237032')

/** One calm theme: blue primary with darker shades for text contrast, system fonts, medium radius. */
export const theme = createTheme({
  primaryColor: 'blue',
  colors: { orange, teal, green },
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // Sentence-case badges read better than all-caps, especially in Serbian.
  components: {
    Badge: Badge.extend({ defaultProps: { tt: 'none', radius: 'sm' } }),
    // A field's error is tied to it (aria-describedby, aria-invalid) and announced when it appears (role=alert), also
    // in forms without an error summary and for errors found while typing.
    InputError: InputError.extend({ defaultProps: { role: 'alert' } }),
  },
})

// Mantine's default dimmed grey (gray.6) is below 4.5:1 on white; gray.7 meets WCAG AA for small text.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field error text in the default red.6 is below 4.5:1 on white; red.8 meets WCAG AA.
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // Placeholders that Mantine renders as text (file inputs, pickers) in the default gray.5 are at 2:1 on white;
    // this grey keeps them lighter than entered text and at 4.7:1.
    '--mantine-color-placeholder': '#6c757d',
  },
  dark: {},
})

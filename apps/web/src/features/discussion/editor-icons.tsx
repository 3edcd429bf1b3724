import type { ReactNode } from 'react'
import { Icon } from '../../components/icons.tsx'

/** Small decorative toolbar glyphs (the buttons carry the names); hidden from assistive technology. */
function Glyph({ children }: { children: ReactNode }) {
  return <Icon size={16}>{children}</Icon>
}

const Letter = ({ children, style }: { children: ReactNode; style?: React.CSSProperties }) => (
  <span aria-hidden="true" style={{ fontSize: 13, lineHeight: 1, ...style }}>
    {children}
  </span>
)

export const BoldGlyph = () => <Letter style={{ fontWeight: 800 }}>B</Letter>
export const ItalicGlyph = () => <Letter style={{ fontStyle: 'italic', fontFamily: 'serif', fontSize: 15 }}>I</Letter>
export const UnderlineGlyph = () => <Letter style={{ textDecoration: 'underline' }}>U</Letter>
export const H3Glyph = () => <Letter style={{ fontWeight: 700 }}>H3</Letter>
export const H4Glyph = () => <Letter style={{ fontWeight: 700 }}>H4</Letter>
export const BulletListGlyph = () => (
  <Glyph>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r="1" />
    <circle cx="4.5" cy="12" r="1" />
    <circle cx="4.5" cy="18" r="1" />
  </Glyph>
)
export const OrderedListGlyph = () => (
  <Glyph>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M4 4h1.5v4M4 8h3M4 11.5a1.5 1.5 0 0 1 3 .5L4 16h3" strokeWidth={1.5} />
  </Glyph>
)
export const QuoteGlyph = () => (
  <Glyph>
    <path d="M7 7H4v5h3v-1a4 4 0 0 1-3 4M17 7h-3v5h3v-1a4 4 0 0 1-3 4" />
  </Glyph>
)
export const LinkGlyph = () => (
  <Glyph>
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
  </Glyph>
)
export const UnlinkGlyph = () => (
  <Glyph>
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
    <path d="M3 3l18 18" />
  </Glyph>
)
export const UndoGlyph = () => (
  <Glyph>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
  </Glyph>
)
export const RedoGlyph = () => (
  <Glyph>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H10a6 6 0 0 0 0 12h3" />
  </Glyph>
)

import './discussion.css'
import { Button, Group, Popover, Stack, Text, TextInput, Toolbar } from '@mantine/core'
import Link from '@tiptap/extension-link'
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  BoldGlyph,
  BulletListGlyph,
  H3Glyph,
  H4Glyph,
  ItalicGlyph,
  LinkGlyph,
  OrderedListGlyph,
  QuoteGlyph,
  RedoGlyph,
  UnderlineGlyph,
  UndoGlyph,
  UnlinkGlyph,
} from './editor-icons.tsx'
import { cleanHtml, safeHref } from './safe-html.ts'

export interface RichTextEditorProps {
  /** The saved HTML to start from (already sanitised by the server; cleaned again here). */
  initialHtml: string
  /** The editor's visible label. */
  label: string
  /** Called with the editor's HTML after every change. */
  onChange: (html: string) => void
  autoFocus?: boolean
}

/**
 * Only what the server keeps: paragraphs, line breaks, headings 3–4, bold, italic, underline, lists, quotes and
 * http(s)/mailto links. Code, strike-through and rules are left out of the schema, so they cannot be typed or pasted.
 */
const extensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    strike: false,
    horizontalRule: false,
    heading: { levels: [3, 4] },
    link: false,
  }),
  Link.configure({
    openOnClick: false,
    autolink: true,
    defaultProtocol: 'https',
    protocols: ['http', 'https', 'mailto'],
    isAllowedUri: (url) => safeHref(url) !== null,
    HTMLAttributes: { rel: 'noopener noreferrer', target: '_blank' },
  }),
]

/**
 * A rich-text editor (Tiptap) limited to the server's subset, with a labelled toolbar: one tab stop, arrow keys move
 * between buttons, toggles report their state (`aria-pressed`). The editable area is a labelled multi-line textbox.
 * Loaded lazily: only people who edit a finding download it.
 */
export default function RichTextEditor({ initialHtml, label, onChange, autoFocus }: RichTextEditorProps) {
  const { t } = useTranslation()
  const labelId = useId()
  const hintId = useId()
  const editor = useEditor({
    extensions,
    content: cleanHtml(initialHtml),
    injectCSS: false,
    autofocus: autoFocus ? 'end' : false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': hintId,
        class: 'narrative-editor-content',
        'data-testid': 'narrative-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  })

  return (
    <Stack gap={6}>
      <Text component="div" id={labelId} size="sm" fw={500} onClick={() => editor.commands.focus()}>
        {label}
      </Text>
      <div className="narrative-editor">
        <EditorToolbar editor={editor} />
        <EditorContent editor={editor} />
      </div>
      <Text id={hintId} size="xs" c="dimmed">
        {t('discussion:editor.hint')}
      </Text>
    </Stack>
  )
}

interface ToggleProps {
  label: string
  active?: boolean
  disabled?: boolean
  onClick: () => void
  children: ReactNode
}

function Toggle({ label, active, disabled, onClick, children }: ToggleProps) {
  return (
    <Toolbar.Toggle
      aria-label={label}
      title={label}
      active={active}
      disabled={disabled}
      // Keep the editor's selection: the click must not move focus away before the command runs.
      onMouseDown={(e: React.MouseEvent) => e.preventDefault()}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </Toolbar.Toggle>
  )
}

function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const run = () => editor.chain().focus()
  return (
    <Toolbar aria-label={t('discussion:editor.toolbar')} size="sm" withBorder={false} className="narrative-toolbar">
      <Toolbar.Group>
        <Toggle label={t('discussion:editor.bold')} active={state.bold} onClick={() => run().toggleBold().run()}>
          <BoldGlyph />
        </Toggle>
        <Toggle label={t('discussion:editor.italic')} active={state.italic} onClick={() => run().toggleItalic().run()}>
          <ItalicGlyph />
        </Toggle>
        <Toggle
          label={t('discussion:editor.underline')}
          active={state.underline}
          onClick={() => run().toggleUnderline().run()}
        >
          <UnderlineGlyph />
        </Toggle>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <Toggle
          label={t('discussion:editor.heading3')}
          active={state.h3}
          onClick={() => run().toggleHeading({ level: 3 }).run()}
        >
          <H3Glyph />
        </Toggle>
        <Toggle
          label={t('discussion:editor.heading4')}
          active={state.h4}
          onClick={() => run().toggleHeading({ level: 4 }).run()}
        >
          <H4Glyph />
        </Toggle>
        <Toggle
          label={t('discussion:editor.bulletList')}
          active={state.bulletList}
          onClick={() => run().toggleBulletList().run()}
        >
          <BulletListGlyph />
        </Toggle>
        <Toggle
          label={t('discussion:editor.orderedList')}
          active={state.orderedList}
          onClick={() => run().toggleOrderedList().run()}
        >
          <OrderedListGlyph />
        </Toggle>
        <Toggle
          label={t('discussion:editor.blockquote')}
          active={state.blockquote}
          onClick={() => run().toggleBlockquote().run()}
        >
          <QuoteGlyph />
        </Toggle>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <LinkButton editor={editor} active={state.link} href={state.href} />
        <Toggle
          label={t('discussion:editor.unlink')}
          disabled={!state.link}
          onClick={() => run().extendMarkRange('link').unsetLink().run()}
        >
          <UnlinkGlyph />
        </Toggle>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <Toggle label={t('discussion:editor.undo')} disabled={!state.canUndo} onClick={() => run().undo().run()}>
          <UndoGlyph />
        </Toggle>
        <Toggle label={t('discussion:editor.redo')} disabled={!state.canRedo} onClick={() => run().redo().run()}>
          <RedoGlyph />
        </Toggle>
      </Toolbar.Group>
    </Toolbar>
  )
}

/** The link button: a small dialog asks for the address (http, https or mailto) and applies it to the selection. */
function LinkButton({ editor, active, href }: { editor: Editor; active: boolean; href: string }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const open = () => {
    setUrl(href)
    setError(null)
    setOpened(true)
  }
  const close = () => {
    setOpened(false)
    editor.commands.focus()
  }
  const apply = (event: FormEvent) => {
    event.preventDefault()
    const checked = safeHref(url)
    if (!checked) {
      setError(t('discussion:editor.linkInvalid'))
      return
    }
    const chain = editor.chain().focus()
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: checked, marks: [{ type: 'link', attrs: { href: checked } }] }).run()
    } else {
      chain.extendMarkRange('link').setLink({ href: checked }).run()
    }
    setOpened(false)
  }
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus returnFocus={false} position="bottom-start" withArrow>
      <Popover.Target>
        <Toolbar.Toggle
          aria-label={t('discussion:editor.link')}
          title={t('discussion:editor.link')}
          aria-haspopup="dialog"
          aria-expanded={opened}
          active={active}
          onMouseDown={(e: React.MouseEvent) => e.preventDefault()}
          onClick={() => (opened ? close() : open())}
        >
          <LinkGlyph />
        </Toolbar.Toggle>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('discussion:editor.link')}>
        <form onSubmit={apply} noValidate>
          <Stack gap="xs" w={300}>
            <TextInput
              label={t('discussion:editor.linkUrl')}
              description={t('discussion:editor.linkUrlHint')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={error}
              type="url"
              data-autofocus
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation()
                  close()
                }
              }}
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={close}>
                {t('discussion:editor.linkCancel')}
              </Button>
              <Button size="xs" type="submit">
                {t('discussion:editor.linkApply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  )
}

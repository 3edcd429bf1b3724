import './discussion.css'
import { Typography } from '@mantine/core'
import { createElement, Fragment, type ReactNode, useMemo } from 'react'
import { parseSafeHtml, type SafeNode } from './safe-html.ts'

function render(node: SafeNode, key: number): ReactNode {
  if (typeof node === 'string') return <Fragment key={key}>{node}</Fragment>
  const children = node.children.map(render)
  if (node.tag === 'br') return <br key={key} />
  if (node.tag === 'a')
    return (
      <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    )
  return createElement(node.tag, { key }, ...children)
}

/**
 * Saved rich text (a finding, a conclusion) shown read-only. The HTML is never injected: it is re-parsed with the
 * browser's DOMParser and only the allow-listed elements are rebuilt as React elements (see `safe-html.ts`).
 */
export function SafeHtml({ html, testId }: { html: string; testId?: string }) {
  const nodes = useMemo(() => parseSafeHtml(html), [html])
  return (
    <Typography className="narrative-text" data-testid={testId}>
      {nodes.map(render)}
    </Typography>
  )
}

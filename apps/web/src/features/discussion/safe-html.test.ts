import { describe, expect, it } from 'vitest'
import { cleanHtml, isBlankHtml, safeHref } from './safe-html.ts'

describe('safe-html', () => {
  it('keeps the allowed subset and drops everything else, with the content of scripts and styles', () => {
    expect(
      cleanHtml(
        '<h2>Title</h2><p class="x" style="color:red">A <strong>b</strong> <span>c</span></p>' +
          '<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><ul><li>one</li></ul>',
      ),
    ).toBe('Title<p>A <strong>b</strong> c</p><ul><li>one</li></ul>')
  })

  it('keeps links to http(s) and mailto only, without their other attributes', () => {
    expect(cleanHtml('<a href="https://e.org/?a=1&b=2" onclick="x()" target="_top">ok</a>')).toBe(
      '<a href="https://e.org/?a=1&amp;b=2">ok</a>',
    )
    expect(
      cleanHtml('<a href="javascript:alert(1)">x</a><a href="//evil.org">y</a><a href="data:text/html,1">z</a>'),
    ).toBe('xyz')
    expect(safeHref(' mailto:a@example.org ')).toBe('mailto:a@example.org')
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeNull()
  })

  it('escapes text and tells an empty editor from a written one', () => {
    expect(cleanHtml('<p>1 &lt; 2 &amp; &lt;b&gt;</p>')).toBe('<p>1 &lt; 2 &amp; &lt;b&gt;</p>')
    expect(isBlankHtml('<p></p>')).toBe(true)
    expect(isBlankHtml('<p> <br> </p>')).toBe(true)
    expect(isBlankHtml('<p>x</p>')).toBe(false)
  })
})

// The first-load budget for slow connections: the compressed JavaScript a browser fetches to show the sign-in page
// and the home page (the entry, its static imports, and each page's lazy chunk with its imports) must stay under
// 300 KB gzip. Reads the Vite manifest of the last build (apps/web/dist/.vite/manifest.json); exit 1 over budget.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 300
const PAGES = ['src/features/auth/SignInPage.tsx', 'src/features/home/HomePage.tsx']
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist')
const manifest = JSON.parse(fs.readFileSync(path.join(root, '.vite/manifest.json'), 'utf8'))

/** A chunk and everything it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen
  const chunk = manifest[key]
  if (!chunk) throw new Error(`No chunk ${key} in the manifest`)
  seen.add(key)
  for (const imported of chunk.imports ?? []) closure(imported, seen)
  return seen
}

const gzipKb = (file) => gzipSync(fs.readFileSync(path.join(root, file)), { level: 9 }).length / 1024
let failed = false
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)
for (const page of PAGES) {
  const keys = closure(page, closure(entry))
  const files = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'))
  const total = files.reduce((sum, f) => sum + gzipKb(f), 0)
  const ok = total <= BUDGET_KB
  failed ||= !ok
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${page}: ${total.toFixed(1)} KB gzip of JavaScript in ${files.length} files (budget ${BUDGET_KB} KB)`,
  )
  if (!ok) for (const f of files) console.log(`       ${f}: ${gzipKb(f).toFixed(1)} KB`)
}
process.exit(failed ? 1 : 0)

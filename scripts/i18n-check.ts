/**
 * Checks the UI catalogs (`npm run i18n:check`; exit code 1 on any problem):
 * - every locale has exactly the keys of English (none missing, none extra), per namespace;
 * - no hand-written translation equals the English text unless allow-listed (packages/shared/src/i18n/allow-identical.json);
 * - every message parses as ICU (intl-messageformat) and uses the same arguments as English;
 * - every `namespace:key` literal in apps/web/src exists in English, and every English key is used
 *   (directly, or under a `namespace:prefix.${…}` template used in the code);
 * - every role, organisation type and audit action has a translation.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { IntlMessageFormat } from 'intl-messageformat'
import { AUDIT_ACTIONS } from '../packages/shared/src/audit.ts'
import { flattenCatalog, NAMESPACES, resources, SOURCE_RESOURCES } from '../packages/shared/src/i18n/index.ts'
import { LOCALES } from '../packages/shared/src/locales.ts'
import { ORGANISATION_TYPES, ROLES } from '../packages/shared/src/roles.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WEB_SRC = path.join(ROOT, 'apps/web/src')
// The server renders a few messages itself (e-mails), with the same `ns:key` literals.
const SERVER_SRC = path.join(ROOT, 'apps/server/src')
const ALLOW_FILE = path.join(ROOT, 'packages/shared/src/i18n/allow-identical.json')
const HAND_WRITTEN = new Set(Object.keys(SOURCE_RESOURCES))

const problems: string[] = []
const problem = (message: string) => problems.push(message)

/** Every key of a locale as `namespace:dotted.key` → message. */
function flatLocale(locale: (typeof LOCALES)[number]): Map<string, string> {
  const out = new Map<string, string>()
  for (const ns of NAMESPACES) {
    for (const [key, message] of Object.entries(flattenCatalog(resources[locale][ns]))) out.set(`${ns}:${key}`, message)
  }
  return out
}

/** Argument names an ICU message uses (including nested plural/select branches). */
function argumentsOf(message: string, locale: string): Set<string> {
  const names = new Set<string>()
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return
    for (const node of nodes as Array<Record<string, unknown>>) {
      if (typeof node.value === 'string' && node.type !== 0) names.add(node.value)
      const options = node.options as Record<string, { value: unknown }> | undefined
      if (options) for (const option of Object.values(options)) walk(option.value)
    }
  }
  walk(new IntlMessageFormat(message, locale).getAst())
  return names
}

const english = flatLocale('en')
const allowed = new Set<string>((JSON.parse(fs.readFileSync(ALLOW_FILE, 'utf8')) as { keys: string[] }).keys)

for (const locale of LOCALES) {
  const messages = flatLocale(locale)
  for (const key of english.keys()) if (!messages.has(key)) problem(`${locale}: missing key ${key}`)
  for (const [key, message] of messages) {
    const source = english.get(key)
    if (source === undefined) {
      problem(`${locale}: extra key ${key} (not in en)`)
      continue
    }
    let args: Set<string>
    try {
      args = argumentsOf(message, locale)
    } catch (error) {
      problem(`${locale}: ${key} is not a valid ICU message: ${(error as Error).message}`)
      continue
    }
    if (locale !== 'en') {
      const sourceArgs = argumentsOf(source, 'en')
      const differ = [...args].some((a) => !sourceArgs.has(a)) || [...sourceArgs].some((a) => !args.has(a))
      if (differ) problem(`${locale}: ${key} uses arguments {${[...args]}} but en uses {${[...sourceArgs]}}`)
      if (HAND_WRITTEN.has(locale) && message === source && !allowed.has(`${locale}/${key}`)) {
        problem(`${locale}: ${key} is identical to English ("${message}"); translate it or allow-list it`)
      }
    }
  }
}
for (const entry of allowed) {
  const [locale, key] = entry.split('/') as [string, string]
  if (!HAND_WRITTEN.has(locale) || !english.has(key)) problem(`allow-identical.json: stale entry ${entry}`)
}

// Keys the web app (and the server) uses: any quoted 'ns:key' literal, and `ns:prefix.${…}` templates as prefixes.
const nsPattern = NAMESPACES.join('|')
const literal = new RegExp(`['"\`]((?:${nsPattern}):[A-Za-z0-9_.]+)['"\`]`, 'g')
const template = new RegExp(`\`((?:${nsPattern}):[A-Za-z0-9_.]*)\\$\\{`, 'g')
const used = new Set<string>()
const prefixes = new Set<string>()
function scan(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) scan(full)
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      const text = fs.readFileSync(full, 'utf8')
      const rel = path.relative(ROOT, full)
      for (const m of text.matchAll(literal)) {
        const key = m[1] as string
        used.add(key)
        if (!english.has(key)) problem(`${rel}: uses ${key}, which is not in the en catalogs`)
      }
      for (const m of text.matchAll(template)) prefixes.add(m[1] as string)
    }
  }
}
scan(WEB_SRC)
scan(SERVER_SRC)
for (const key of english.keys()) {
  if (!used.has(key) && ![...prefixes].some((p) => key.startsWith(p)))
    problem(`en: ${key} is not used in apps/web/src or apps/server/src`)
}

const expectKey = (key: string) => {
  if (!english.has(key)) problem(`en: missing translation ${key}`)
}
for (const role of ROLES) expectKey(`enums:role.${role}`)
for (const type of ORGANISATION_TYPES) expectKey(`enums:organisationType.${type}`)
for (const action of AUDIT_ACTIONS) expectKey(`enums:auditAction.${action}`)

if (problems.length > 0) {
  console.error(`i18n check: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`i18n check: ${english.size} keys × ${LOCALES.length} locales OK`)

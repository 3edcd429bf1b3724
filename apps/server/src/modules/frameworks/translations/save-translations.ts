import type { Issue, SaveTranslationsBody } from '@thbm/shared'
import type { RequestContext } from '../../../actor.ts'
import type { Trx } from '../../../db/transaction.ts'
import { assertVersion, validationFailed } from '../../../errors.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { writableLocales } from './translations.queries.ts'
import { itemVersion, loadTranslationTarget, setTranslation, writeItemTexts } from './write-texts.ts'

/**
 * Saves translations of one item (the framework, an area or an indicator) of a draft or published version: only
 * locales other than the base (and never Serbian Latin, generated from Serbian Cyrillic) change; an empty text removes
 * that translation. Version-checked against the item's row (409), audited in the same transaction.
 */
export async function saveTranslations(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  key: string,
  body: SaveTranslationsBody,
): Promise<void> {
  const target = await loadTranslationTarget(trx, versionId)
  const { v, doc, index } = target
  const stored = itemVersion(v, key)
  const writable = new Set<string>(writableLocales(doc.framework.baseLocale))
  const issues: Issue[] = []
  body.texts.forEach((t, i) => {
    const entry = index.get(t.address)
    if (!entry) issues.push({ path: `body.texts[${i}].address`, message: `No text has the address '${t.address}'` })
    else if (entry.itemKey !== key)
      issues.push({ path: `body.texts[${i}].address`, message: `'${t.address}' is a text of ${entry.itemKey}` })
    if (!writable.has(t.locale))
      issues.push({
        path: `body.texts[${i}].locale`,
        message: `${t.locale} is the base language: its text is edited with the content, not translated`,
      })
  })
  if (issues.length) throw validationFailed(issues)
  assertVersion(stored, body.version)

  const changed: { address: string; locale: string }[] = []
  for (const t of body.texts) {
    const entry = index.get(t.address)
    if (!entry || (entry.text[t.locale] ?? '') === (t.text.trim() ? t.text : '')) continue
    setTranslation(entry, t.locale, t.text)
    changed.push({ address: t.address, locale: t.locale })
  }
  // Nothing differs from what is stored: nothing to write or record.
  if (changed.length === 0) return
  await writeItemTexts(trx, target, [key])
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.translated',
    subjectType: 'frameworkVersion',
    subjectId: v.row.id,
    after: {
      version: v.row.label,
      item: key,
      locales: [...new Set(changed.map((c) => c.locale))].sort(),
      addresses: [...new Set(changed.map((c) => c.address))],
    },
  })
}

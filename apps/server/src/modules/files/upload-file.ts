import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import type { FileStore } from '../../files-store/file-store.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { detectEvidenceType, EVIDENCE_TYPES, nameMatchesType } from './detect-type.ts'

/** The key of an evidence file in the file store: `<first two characters of the id>/<id>` (FILES_DIR's layout). */
export const evidenceKey = (id: string) => `${id.slice(0, 2)}/${id}`

/**
 * Stores an evidence file after checking its content is an accepted type (PDF, DOCX, XLSX, ODT, images). The row and
 * its audit entry are written in the caller's transaction, then the bytes go to the file store under a fresh id,
 * before the commit: when the database refuses, nothing is written; when the store fails (disk full, S3 down), no
 * partial file is kept and the transaction is undone. The caller runs it inside withFileWrites, which deletes the
 * file again if the transaction rolls back later.
 */
export async function uploadFile(
  trx: Trx,
  ctx: RequestContext,
  actor: Actor,
  input: { files: Pick<FileStore, 'put'>; countryCode: string; name: string; data: Buffer },
) {
  const mediaType = detectEvidenceType(input.data)
  if (!mediaType) {
    throw validationFailed(
      [
        {
          path: 'file',
          message: `Only ${Object.values(EVIDENCE_TYPES).join(', ')} files are accepted (checked from the content)`,
        },
      ],
      'Unsupported file type',
    )
  }
  if (!nameMatchesType(input.name, mediaType)) {
    throw validationFailed(
      [{ path: 'file', message: `The content is ${EVIDENCE_TYPES[mediaType].toUpperCase()}; name the file to match` }],
      'The file name does not match its content',
    )
  }
  const id = newId()
  const organisationId =
    actor.memberships.find((m) => m.role === 'data_provider' && m.countryCode === input.countryCode)?.organisationId ??
    null
  const name = safeFileName(input.name)
  const row = {
    id,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    size: input.data.length,
    mediaType,
    originalName: name,
    countryCode: input.countryCode,
    organisationId,
    uploadedBy: actor.id,
    createdAt: nowIso(),
  }
  await trx.insertInto('files').values(row).execute()
  await recordAudit(trx, ctx, {
    action: 'file.uploaded',
    subjectType: 'file',
    subjectId: id,
    countryCode: input.countryCode,
    after: { name, size: row.size, mediaType, sha256: row.sha256 },
  })
  await input.files.put(evidenceKey(id), input.data)
  return row
}

/** The base name of an uploaded file, without control characters, quotes or backslashes, at most 200 characters. */
function safeFileName(raw: string): string {
  const cleaned = Array.from(path.basename(raw), (ch) =>
    ch.charCodeAt(0) < 0x20 || ch === '"' || ch === '\\' ? '_' : ch,
  ).join('')
  return cleaned.slice(0, 200) || 'file'
}

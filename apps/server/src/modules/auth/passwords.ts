import { hash, verify } from '@node-rs/argon2'
import { checkPassword } from '@thbm/shared'
import { validationFailed } from '../../errors.ts'

// argon2id with the library defaults (m=19456 KiB, t=2, p=1: the OWASP recommendation).
export const hashPassword = (password: string): Promise<string> => hash(password)

// A real hash of a random string: verifying against it costs what a real check costs, so timing tells nothing.
let dummyHash: Promise<string> | null = null

/** Verifies a password; with no stored hash it still spends the same time and returns false. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash(`dummy-${Math.random()}`)
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}

const MESSAGES = {
  too_short: 'Use at least 12 characters',
  too_long: 'Use at most 256 characters',
  same_as_email: 'The password must not be your email address',
  too_common: 'This password is too common; choose another',
} as const

/** Throws 400 with the field path when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, email: string, path: string): void {
  const problem = checkPassword(password, email)
  if (problem) throw validationFailed([{ path, message: MESSAGES[problem], code: `password.${problem}` }])
}

/** Password rules shared by the server (authoritative) and the web forms (preview). */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

// A small built-in list of passwords that are common or trivially guessed, compared case-insensitively.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'password1234',
  'password12345',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiopas',
  'qwerty123456',
  'iloveyou1234',
  'administrator',
  'admin1234567',
  'letmein12345',
  'welcome12345',
  'changeme1234',
  'monkey123456',
  'football1234',
  'abcdefghijkl',
  'abc123456789',
  '111111111111',
  '000000000000',
  'aaaaaaaaaaaa',
  'trustno1trustno1',
  'sunshine1234',
  'princess1234',
  'password123!',
  'password2024',
  'password2025',
  'password2026',
  'p@ssw0rd1234',
  'passw0rd1234',
  'qazwsxedcrfv',
  '1q2w3e4r5t6y',
  'zaq12wsxcde3',
  'lozinka12345',
  'lozinka123456',
  'fjalekalimi1',
])

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email' | 'too_common'

/** Returns the first rule the password breaks, or null when it is acceptable. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short'
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long'
  const lower = password.toLowerCase()
  if (email) {
    const e = email.toLowerCase()
    if (lower === e || lower === e.split('@')[0]) return 'same_as_email'
  }
  if (COMMON.has(lower)) return 'too_common'
  if (new Set(lower).size <= 2) return 'too_common'
  return null
}

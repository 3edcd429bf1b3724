import { PasswordInput } from '@mantine/core'
import { checkPassword, PASSWORD_MIN_LENGTH } from '@thbm/shared/password'
import { useTranslation } from 'react-i18next'
import { AlertIcon, CheckIcon } from './icons.tsx'

interface PasswordWithPolicyProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** The account's email: the password must differ from it. */
  email?: string
  error?: string
  /** Extra guidance shown above the rules (e.g. about existing accounts). */
  note?: string
  autoComplete?: 'new-password' | 'current-password'
}

/**
 * A password input whose description lists the policy and says live, in words (not only colour), whether the typed
 * password meets it. The check is the shared `checkPassword` the server applies. The description is tied to the
 * input by aria-describedby, and the live line is a polite live region.
 */
export function PasswordWithPolicy(props: PasswordWithPolicyProps) {
  const { id, label, value, onChange, email, error, note, autoComplete = 'new-password' } = props
  const { t } = useTranslation()
  const problem = value ? checkPassword(value, email) : null
  const ok = value.length > 0 && problem === null
  const description = (
    <>
      {note && <span className="block-line">{note}</span>}
      <span className="block-line">{t('auth:password.policyIntro')}</span>
      <span className="block-line policy-rule">{t('auth:password.rule.length', { min: PASSWORD_MIN_LENGTH })}</span>
      <span className="block-line policy-rule">{t('auth:password.rule.notEmail')}</span>
      <span className="block-line policy-rule">{t('auth:password.rule.notCommon')}</span>
      <span
        className="block-line password-status"
        aria-live="polite"
        data-state={ok ? 'ok' : problem ? 'problem' : 'empty'}
      >
        {ok && (
          <>
            <CheckIcon size={14} /> {t('auth:password.status.ok')}
          </>
        )}
        {problem && (
          <>
            <AlertIcon size={14} /> {t(`auth:password.problem.${problem}`)}
          </>
        )}
      </span>
    </>
  )
  return (
    <PasswordInput
      id={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={description}
      error={error}
      autoComplete={autoComplete}
      required
      visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
    />
  )
}

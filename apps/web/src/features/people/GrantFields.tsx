import { Select } from '@mantine/core'
import type { Me, Role } from '@thbm/shared'
import { COUNTRY_ROLES, REGION_ROLES, ROLES } from '@thbm/shared/roles'
import { useTranslation } from 'react-i18next'
import { grantableRoles, isAdmin, ledCountries } from '../../app/permissions.ts'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { useOrganisations } from '../countries/api.ts'

/** A role grant being edited: role, country (or '' for the whole region) and organisation. */
export interface GrantValue {
  role: Role | null
  countryCode: string
  organisationId: string | null
}

export const REGION = ''

interface GrantFieldsProps {
  me: Me
  value: GrantValue
  onChange: (value: GrantValue) => void
  errors: Partial<Record<'role' | 'countryCode' | 'organisationId', string>>
  idPrefix: string
}

/** Role, scope and organisation inputs, offering only what the signed-in user may grant. */
export function GrantFields({ me, value, onChange, errors, idPrefix }: GrantFieldsProps) {
  const { t, i18n } = useTranslation()
  const countries = useCountries()
  const admin = isAdmin(me)
  const led = ledCountries(me)
  const orgs = useOrganisations(value.role === 'data_provider' && value.countryCode ? value.countryCode : null)
  const regionAllowed = admin && value.role !== null && REGION_ROLES.includes(value.role)
  const countryAllowed = value.role === null || COUNTRY_ROLES.includes(value.role)
  const countryOptions = (countries.data ?? [])
    .filter((c) => countryAllowed && (admin || led.includes(c.code)))
    .map((c) => ({ value: c.code, label: countryName(c, i18n.language) }))
  return (
    <>
      <Select
        id={fieldId(idPrefix, 'role')}
        label={t('people:grant.role')}
        placeholder={t('people:grant.rolePlaceholder')}
        data={grantableRoles(me, ROLES).map((r) => ({ value: r, label: t(`enums:role.${r}`) }))}
        value={value.role}
        onChange={(v) => onChange({ ...value, role: (v as Role | null) ?? null, organisationId: null })}
        error={errors.role}
        required
      />
      <Select
        id={fieldId(idPrefix, 'countryCode')}
        label={t('people:grant.country')}
        description={regionAllowed ? t('people:grant.countryHintRegion') : t('people:grant.countryHint')}
        data={[...(regionAllowed ? [{ value: '__region', label: t('common:scope.region') }] : []), ...countryOptions]}
        value={value.countryCode === REGION ? (regionAllowed ? '__region' : null) : value.countryCode}
        onChange={(v) => onChange({ ...value, countryCode: !v || v === '__region' ? REGION : v, organisationId: null })}
        error={errors.countryCode}
        required={!regionAllowed}
      />
      {value.role === 'data_provider' && (
        <Select
          id={fieldId(idPrefix, 'organisationId')}
          label={t('people:grant.organisation')}
          description={value.countryCode ? undefined : t('people:grant.organisationPickCountry')}
          data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={value.organisationId}
          onChange={(v) => onChange({ ...value, organisationId: v })}
          disabled={!value.countryCode}
          error={errors.organisationId}
          nothingFoundMessage={t('people:grant.noOrganisations')}
          required
        />
      )}
    </>
  )
}

/** Client-side check of a grant before sending it; returns translated problems by field. */
export function validateGrant(value: GrantValue, admin: boolean, t: (key: string) => string) {
  const errors: Partial<Record<'role' | 'countryCode' | 'organisationId', string>> = {}
  if (!value.role) errors.role = t('people:grant.roleRequired')
  else if (value.countryCode === REGION && !(admin && REGION_ROLES.includes(value.role))) {
    errors.countryCode = t('common:fieldErrors.roleNeedsCountry')
  } else if (value.countryCode !== REGION && !COUNTRY_ROLES.includes(value.role)) {
    errors.countryCode = t('common:fieldErrors.roleIsRegional')
  }
  if (value.role === 'data_provider' && !value.organisationId) {
    errors.organisationId = t('common:fieldErrors.providerNeedsOrganisation')
  }
  return errors
}

import type { Country } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useCountries } from '../app/queries.ts'

/** A country's name in the active locale, falling back to English and then to its code. */
export function countryName(country: Pick<Country, 'code' | 'names'>, locale: string): string {
  return country.names[locale] || country.names.en || country.code
}

/** Names countries by code from the cached list of visible countries. */
export function useCountryName(): (code: string | null) => string {
  const { t, i18n } = useTranslation()
  const countries = useCountries()
  return (code) => {
    if (code === null) return t('common:scope.region')
    const country = countries.data?.find((c) => c.code === code)
    return country ? countryName(country, i18n.language) : code
  }
}

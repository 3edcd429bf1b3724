import { useTranslation } from 'react-i18next'
import { useCountries } from '../app/queries.ts'
import { countryName } from './names.ts'

export { countryName, sortByName } from './names.ts'

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

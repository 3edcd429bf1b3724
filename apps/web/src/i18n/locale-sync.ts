import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MeResponse } from '@thbm/shared'
import { isLocale, type Locale } from '@thbm/shared/locales'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client.ts'
import { queryKeys, useMe, usePublicConfig } from '../app/queries.ts'
import { browserLocale, storedLocale, storeLocale } from './i18n.ts'

/**
 * Applies the locale choice in order: the profile's locale, then a choice made on this device or the browser's
 * language, then the installation's default. Runs whenever the signed-in user or the configuration loads.
 */
export function useLocaleSync(): void {
  const { i18n } = useTranslation()
  const me = useMe()
  const config = usePublicConfig()
  const profileLocale = me.data?.data.locale ?? null
  const defaultLocale = config.data?.defaultLocale ?? null
  const applied = useRef<string | null>(null)

  useEffect(() => {
    const local = storedLocale() ?? browserLocale()
    const wanted: Locale | null = profileLocale ?? local ?? defaultLocale
    // Apply each distinct decision once, so a later manual switch is not undone by a stale profile.
    const decision = `${profileLocale}|${local}|${defaultLocale}`
    if (!wanted || applied.current === decision) return
    applied.current = decision
    if (wanted !== i18n.language) void i18n.changeLanguage(wanted)
  }, [profileLocale, defaultLocale, i18n])
}

/** Switches the UI language; when signed in, saves it to the profile. Form state is kept (nothing remounts). */
export function useSwitchLocale() {
  const { i18n } = useTranslation()
  const queryClient = useQueryClient()
  const save = useMutation({
    mutationFn: (locale: Locale) => api<MeResponse>('/auth/me', { method: 'PATCH', body: { locale } }),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  })
  return (locale: string) => {
    if (!isLocale(locale)) return
    storeLocale(locale)
    void i18n.changeLanguage(locale)
    const me = queryClient.getQueryData<MeResponse | null>(queryKeys.me)
    if (me && me.data.locale !== locale) save.mutate(locale)
  }
}

import { useMutation } from '@tanstack/react-query'
import type { CreateIndicatorBody, Indicator, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { useRefreshHandbook, versionApi } from './api.ts'
import { IndicatorForm } from './IndicatorForm.tsx'
import { toIndicatorBody } from './indicator-form.ts'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

interface Props {
  version: VersionDetail
  indicator: Indicator
  onDone: () => void
}

/** Edits every field of a draft's indicator (version-checked; a new code renames it, lineage follows). */
export function IndicatorEditor({ version, indicator, onDone }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const save = useMutation({
    mutationFn: (doc: CreateIndicatorBody) =>
      versionApi(version.id, `/indicators/${encodeURIComponent(indicator.code)}`, {
        method: 'PATCH',
        body: { ...doc, version: indicator.version },
      }).then(() => doc),
    onSuccess: async (doc) => {
      await refresh()
      if (doc.code !== indicator.code) navigate(`/handbook/${version.id}/indicators/${doc.code}`, { replace: true })
      else onDone()
    },
  })
  const reload = async () => {
    await refresh()
    save.reset()
  }
  return (
    <Section title={t('handbook:indicator.editTitle')} description={t('handbook:indicator.editHint')}>
      <IndicatorForm
        // A reloaded indicator (after a conflict) starts the form afresh.
        key={indicator.version}
        idPrefix="ind"
        initial={toIndicatorBody(indicator)}
        areas={version.areas}
        baseLocale={version.framework.baseLocale}
        serverErrors={fieldErrors(save.error)}
        submitting={save.isPending}
        submitLabel={t('common:actions.save')}
        onSubmit={(doc) => save.mutate(doc)}
        onCancel={onDone}
        top={<WriteError error={save.error} onReload={() => void reload()} fieldsShown />}
      />
    </Section>
  )
}

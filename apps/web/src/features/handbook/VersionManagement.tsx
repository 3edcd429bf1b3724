import { Button, Group } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { AreaFormModal } from './AreaFormModal.tsx'
import { CreateDraftModal } from './CreateDraftModal.tsx'
import { PublishModal } from './PublishModal.tsx'
import { VersionDetailsModal } from './VersionDetailsModal.tsx'
import { VersionLifecycleConfirm } from './VersionLifecycleConfirm.tsx'

type Dialog = 'details' | 'publish' | 'draft' | 'area' | 'retire' | 'delete' | null

/** The actions an editor may take on the version, by the abilities the server reported. */
export function VersionManagement({ version }: { version: VersionDetail }) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>(null)
  const can = (ability: string) => version.abilities.includes(ability)
  const close = () => setDialog(null)
  return (
    <Section title={t('handbook:manage.title')} description={t(`handbook:manage.hint.${version.status}`)}>
      <Group gap="sm" wrap="wrap">
        {can('version.publish') && <Button onClick={() => setDialog('publish')}>{t('handbook:manage.publish')}</Button>}
        {can('version.createDraft') && (
          <Button onClick={() => setDialog('draft')}>{t('handbook:manage.createDraft')}</Button>
        )}
        {can('version.edit') && (
          <>
            <Button variant="default" onClick={() => setDialog('details')}>
              {t('handbook:manage.editDetails')}
            </Button>
            <Button variant="default" onClick={() => setDialog('area')}>
              {t('handbook:manage.addArea')}
            </Button>
            <Button variant="default" component={Link} to={`/handbook/${version.id}/indicators/new`}>
              {t('handbook:manage.addIndicator')}
            </Button>
          </>
        )}
        {can('version.retire') && (
          <Button variant="outline" color="red" onClick={() => setDialog('retire')}>
            {t('handbook:manage.retire')}
          </Button>
        )}
        {can('version.delete') && (
          <Button variant="outline" color="red" onClick={() => setDialog('delete')}>
            {t('handbook:manage.delete')}
          </Button>
        )}
      </Group>
      {dialog === 'details' && <VersionDetailsModal version={version} onClose={close} />}
      {dialog === 'publish' && <PublishModal version={version} onClose={close} />}
      {dialog === 'draft' && <CreateDraftModal version={version} onClose={close} />}
      {dialog === 'area' && <AreaFormModal version={version} area={null} onClose={close} />}
      {(dialog === 'retire' || dialog === 'delete') && (
        <VersionLifecycleConfirm version={version} action={dialog} onClose={close} />
      )}
    </Section>
  )
}

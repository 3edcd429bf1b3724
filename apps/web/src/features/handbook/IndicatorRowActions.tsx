import { Button, Menu } from '@mantine/core'
import type { Indicator, VersionDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronDownIcon } from '../../components/icons.tsx'
import { MergeModal } from './MergeModal.tsx'
import { RemoveIndicatorConfirm } from './RemoveIndicatorConfirm.tsx'
import { RenameModal } from './RenameModal.tsx'
import { SplitModal } from './SplitModal.tsx'

type Dialog = 'rename' | 'merge' | 'split' | 'remove' | null

/** An editor's actions on one indicator of a draft: edit, rename, merge, split, remove. */
export function IndicatorRowActions({ version, indicator }: { version: VersionDetail; indicator: Indicator }) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            rightSection={<ChevronDownIcon size={14} />}
            aria-label={t('handbook:row.actionsFor', { code: indicator.code })}
          >
            {t('handbook:row.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component={Link} to={`/handbook/${version.id}/indicators/${indicator.code}?edit=1`}>
            {t('handbook:row.edit')}
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('rename')}>{t('handbook:row.rename')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('merge')}>{t('handbook:row.merge')}</Menu.Item>
          <Menu.Item onClick={() => setDialog('split')}>{t('handbook:row.split')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog('remove')}>{t('handbook:row.remove')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'rename' && <RenameModal version={version} indicator={indicator} onClose={close} />}
      {dialog === 'merge' && <MergeModal version={version} first={indicator} onClose={close} />}
      {dialog === 'split' && <SplitModal version={version} indicator={indicator} onClose={close} />}
      {dialog === 'remove' && <RemoveIndicatorConfirm version={version} indicator={indicator} onClose={close} />}
    </>
  )
}

import { Box, Button, Menu } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { Me } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api } from '../api/client.ts'
import { ChevronDownIcon, UserIcon } from './icons.tsx'

/** The signed-in person's menu: their account page and signing out. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const signOut = async () => {
    try {
      await api('/auth/logout', { method: 'POST', allowAnonymous: true })
    } finally {
      queryClient.clear()
      queryClient.setQueryData(['me'], null)
      navigate('/sign-in?signedOut=1', { replace: true })
    }
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<UserIcon />}
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={t('common:userMenu.button', { name: me.name })}
          px="xs"
          maw={260}
        >
          <Box component="span" className="user-name" visibleFrom="sm">
            {me.name}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('common:nav.account')}
        </Menu.Item>
        <Menu.Item onClick={() => void signOut()}>{t('common:userMenu.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

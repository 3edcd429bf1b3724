import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { MembershipList } from '../../components/MembershipList.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { ChangePasswordForm } from './ChangePasswordForm.tsx'
import { ProfileForm } from './ProfileForm.tsx'

/** The signed-in person's own account: profile, password, roles. */
export default function AccountPage() {
  const { t } = useTranslation()
  usePageTitle(t('account:title'))
  const me = useMe().data
  if (!me) return null
  return (
    <Stack gap="lg">
      <PageHeader title={t('account:title')} subtitle={me.data.email} />
      <Section title={t('account:profile.title')}>
        <ProfileForm me={me.data} />
      </Section>
      <Section title={t('account:password.title')} description={t('account:password.description')}>
        <ChangePasswordForm email={me.data.email} />
      </Section>
      <Section title={t('account:memberships.title')} description={t('account:memberships.description')}>
        <MembershipList memberships={me.data.memberships} empty={t('account:memberships.empty')} />
      </Section>
    </Stack>
  )
}

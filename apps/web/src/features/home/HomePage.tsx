import { Alert, Card, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { hasAbility } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { ClipboardIcon, GlobeIcon, InfoIcon, ListIcon, UserIcon, UsersIcon } from '../../components/icons.tsx'
import { MembershipList } from '../../components/MembershipList.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotificationDigest } from '../notifications/NotificationDigest.tsx'
import { YourWork } from '../rounds/YourWork.tsx'

interface QuickLink {
  to: string
  title: string
  text: string
  icon: ReactNode
}

/** The start page: a greeting, the person's roles, and links to what they can do next. */
export default function HomePage() {
  const { t } = useTranslation()
  usePageTitle(t('home:title'))
  const me = useMe().data
  if (!me) return null
  const links: QuickLink[] = [
    {
      to: '/rounds',
      title: t('home:links.rounds.title'),
      text: t('home:links.rounds.text'),
      icon: <ClipboardIcon size={22} />,
    },
    {
      to: '/countries',
      title: t('home:links.countries.title'),
      text: t('home:links.countries.text'),
      icon: <GlobeIcon size={22} />,
    },
    ...(hasAbility(me, 'user.list')
      ? [
          {
            to: '/people',
            title: t('home:links.people.title'),
            text: t('home:links.people.text'),
            icon: <UsersIcon size={22} />,
          },
        ]
      : []),
    ...(hasAbility(me, 'audit.read')
      ? [
          {
            to: '/audit',
            title: t('home:links.audit.title'),
            text: t('home:links.audit.text'),
            icon: <ListIcon size={22} />,
          },
        ]
      : []),
    {
      to: '/account',
      title: t('home:links.account.title'),
      text: t('home:links.account.text'),
      icon: <UserIcon size={22} />,
    },
  ]
  return (
    <Stack gap="lg">
      <PageHeader title={t('home:greeting', { name: me.data.name })} subtitle={t('home:subtitle')} />
      <NotificationDigest />
      <YourWork me={me.data} />
      <Section title={t('home:roles.title')} description={t('home:roles.description')}>
        {me.data.memberships.length === 0 ? (
          <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('home:roles.emptyTitle')}>
            {t('home:roles.emptyText')}
          </Alert>
        ) : (
          <MembershipList memberships={me.data.memberships} empty={t('home:roles.emptyTitle')} />
        )}
      </Section>
      <section aria-labelledby="quick-links">
        <Text component="h2" id="quick-links" fw={650} size="lg" mb="sm">
          {t('home:links.title')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
          {links.map((l) => (
            <Card key={l.to} component={Link} to={l.to} withBorder radius="md" padding="lg" className="link-card">
              <Stack gap={6}>
                <Text c="blue.8">{l.icon}</Text>
                <Text fw={600}>{l.title}</Text>
                <Text size="sm" c="dimmed">
                  {l.text}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  )
}

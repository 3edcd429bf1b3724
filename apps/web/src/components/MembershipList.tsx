import { Badge, Group, Stack, Text } from '@mantine/core'
import type { Membership } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCountryName } from './country-name.ts'
import { EmptyState } from './EmptyState.tsx'

interface MembershipListProps {
  memberships: Membership[]
  /** Extra controls per membership (e.g. a remove button). */
  actions?: (membership: Membership) => ReactNode
  empty: string
}

/** Roles with their scope (country or the whole region) and organisation, as a list. */
export function MembershipList({ memberships, actions, empty }: MembershipListProps) {
  const { t } = useTranslation()
  const name = useCountryName()
  if (memberships.length === 0) return <EmptyState>{empty}</EmptyState>
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {memberships.map((m) => (
        <Group key={m.id} component="li" justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" size="lg" radius="sm">
              {t(`enums:role.${m.role}`)}
            </Badge>
            <Text size="sm">
              {m.countryCode ? name(m.countryCode) : t('common:scope.region')}
              {m.organisationName ? ` · ${m.organisationName}` : ''}
            </Text>
          </Group>
          {actions?.(m)}
        </Group>
      ))}
    </Stack>
  )
}

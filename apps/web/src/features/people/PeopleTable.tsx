import { Anchor, Badge, Group, Table, Text } from '@mantine/core'
import type { User } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCountryName } from '../../components/country-name.ts'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { useFormat } from '../../i18n/format.ts'

/** People with their roles, status (in words) and last sign-in; names link to each person's page. */
export function PeopleTable({ users, caption }: { users: User[]; caption: string }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const countryName = useCountryName()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people:table.name')}</Table.Th>
            <Table.Th scope="col">{t('people:table.roles')}</Table.Th>
            <Table.Th scope="col">{t('people:table.status')}</Table.Th>
            <Table.Th scope="col">{t('people:table.lastSignIn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${u.id}`} fw={500}>
                  {u.name}
                </Anchor>
                <Text size="xs" c="dimmed" className="break-all">
                  {u.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.memberships.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('people:table.noRoles')}
                    </Text>
                  )}
                  {u.memberships.map((m) => (
                    <Badge key={m.id} variant="light" radius="sm" tt="none">
                      {t('people:table.roleIn', { role: t(`enums:role.${m.role}`), scope: countryName(m.countryCode) })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <StatusBadge active={u.active} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t('people:table.never')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

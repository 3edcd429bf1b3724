import { Code, Table, Text } from '@mantine/core'
import type { AuditEvent } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

type Flat = Record<string, unknown>

function flatten(value: unknown, prefix = '', out: Flat = {}): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix) {
    out[prefix] = value
  }
  return out
}

function show(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** The before/after summary of an audit event as a field-by-field table (changed fields first). */
export function AuditSummary({ summary }: { summary: AuditEvent['summary'] }) {
  const { t } = useTranslation()
  const before = flatten(summary.before)
  const after = flatten(summary.after)
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  if (fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit:summary.empty')}
      </Text>
    )
  }
  const changed = (f: string) => show(before[f]) !== show(after[f])
  fields.sort((a, b) => Number(changed(b)) - Number(changed(a)))
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit:summary.field')}</Table.Th>
          <Table.Th scope="col">{t('audit:summary.before')}</Table.Th>
          <Table.Th scope="col">{t('audit:summary.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f}>
            <Table.Th scope="row" fw={500}>
              <Code>{f}</Code>
              {changed(f) && f in before && f in after && (
                <span className="visually-hidden"> {t('audit:summary.changed')}</span>
              )}
            </Table.Th>
            <Table.Td className="break-all">
              {show(before[f]) || (
                <Text span c="dimmed">
                  {t('audit:summary.none')}
                </Text>
              )}
            </Table.Td>
            <Table.Td className="break-all" fw={changed(f) ? 600 : undefined}>
              {show(after[f]) || (
                <Text span c="dimmed">
                  {t('audit:summary.none')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

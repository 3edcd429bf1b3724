import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { Answer, IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { AlertIcon } from '../../components/icons.tsx'
import { type AnswerDraft, draftFromAnswer } from './answer-draft.ts'
import { answerDifferences } from './answer-summary.ts'
import { useDates } from './dates.ts'

interface Props {
  indicator: IndicatorDoc
  mine: AnswerDraft
  /** The answer as saved on the server now. */
  theirs: Answer
  onKeepMine: () => void
  onUseTheirs: () => void
}

/**
 * After a save was refused because someone else saved in between (409): both versions side by side, and the person
 * chooses which one to keep. Nothing is overwritten until they choose; a validated answer can no longer change.
 */
export function ConflictChoice({ indicator, mine, theirs, onKeepMine, onUseTheirs }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const rows = answerDifferences(indicator, mine, draftFromAnswer(theirs), t, (n) => fmt.number(n, 2))
  const locked = theirs.status === 'validated'
  return (
    <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('rounds:conflict.title')} role="alert">
      <Stack gap="sm">
        <Text size="sm">
          {t('rounds:conflict.text', {
            who: theirs.updatedBy ?? t('rounds:conflict.someone'),
            when: fmt.dateTime(theirs.updatedAt),
          })}
        </Text>
        {rows.length === 0 ? (
          <Text size="sm">{t('rounds:conflict.same')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder verticalSpacing={4} bg="white">
              <Table.Caption className="visually-hidden">{t('rounds:conflict.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rounds:conflict.part')}</Table.Th>
                  <Table.Th scope="col">{t('rounds:conflict.mine')}</Table.Th>
                  <Table.Th scope="col">{t('rounds:conflict.theirs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.label}>
                    <Table.Th scope="row">{r.label}</Table.Th>
                    <Table.Td>{r.mine}</Table.Td>
                    <Table.Td>{r.theirs}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {locked && <Text size="sm">{t('rounds:conflict.validated')}</Text>}
        <Group gap="sm">
          {!locked && (
            <Button size="sm" onClick={onKeepMine}>
              {t('rounds:conflict.keepMine')}
            </Button>
          )}
          <Button size="sm" variant="default" onClick={onUseTheirs}>
            {t('rounds:conflict.useTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

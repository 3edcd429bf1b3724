import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { LOCALES, type Locale, type ReviewDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon, CheckIcon, InfoIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { conflictsOf, generateDraft, missingOf, reportUrl, reviewKeys } from './api.ts'
import { reviewCan } from './permissions.ts'

/** The two outputs: the draft of the next Handbook version made from the decisions, and the review report. */
export function OutputTab({ review }: { review: ReviewDetail }) {
  return (
    <Stack gap="lg">
      <GenerateSection review={review} />
      <ReportSection review={review} />
    </Stack>
  )
}

const LABEL = /^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$/

function GenerateSection({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const [, setParams] = useSearchParams()
  const queryClient = useQueryClient()
  const [label, setLabel] = useState('')
  const [labelError, setLabelError] = useState(false)
  const generate = useMutation({
    mutationFn: () => generateDraft(review.id, label.trim()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const bad = !LABEL.test(label.trim())
    setLabelError(bad)
    if (!bad) generate.mutate()
  }
  const missing = missingOf(generate.error)
  const conflicts = conflictsOf(generate.error)
  const versionId = generate.data?.versionId ?? review.generatedVersionId
  const badLabel =
    generate.error instanceof ApiError && generate.error.issues.some((i) => i.path.startsWith('body.label'))
  return (
    <Section title={t('review:generate.title')} description={t('review:generate.hint')}>
      {versionId ? (
        <Alert color="teal" variant="light" icon={<CheckIcon />} title={t('review:generate.doneTitle')} role="status">
          <Stack gap={4}>
            <Text size="sm">
              {generate.data
                ? t('review:generate.made', { label: generate.data.label })
                : t('review:generate.madeBefore')}
            </Text>
            <Group gap="sm">
              <Button component={Link} to={`/handbook/${versionId}/diff`} size="xs" variant="default">
                {t('review:generate.diffLink')}
              </Button>
              <Button component={Link} to={`/handbook/${versionId}`} size="xs" variant="default">
                {t('review:generate.versionLink')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : reviewCan(review, 'review.generate') ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('review:generate.label')}
              description={t('review:generate.labelHint')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={labelError || badLabel ? t('review:generate.labelError') : undefined}
              required
              maw={260}
            />
            {missing.length > 0 && (
              <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('review:generate.missingTitle')}>
                <Stack gap={6}>
                  <Text size="sm">
                    {t('review:generate.missing', { count: missing.length, codes: missing.join(', ') })}
                  </Text>
                  <Group>
                    <Button size="xs" variant="white" color="orange" onClick={() => setParams({ tab: 'decisions' })}>
                      {t('review:generate.toDecisions')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {conflicts.length > 0 && (
              <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('review:generate.conflictsTitle')}>
                {conflicts.map((c) => t('review:decisions.conflict', { code: c.code, target: c.target })).join(' ')}
              </Alert>
            )}
            {generate.error && missing.length === 0 && conflicts.length === 0 && !badLabel && (
              <ErrorAlert error={generate.error} />
            )}
            <Group>
              <Button type="submit" loading={generate.isPending}>
                {t('review:generate.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          {t('review:generate.closeFirst')}
        </Alert>
      )}
    </Section>
  )
}

function ReportSection({ review }: { review: ReviewDetail }) {
  const { t, i18n } = useTranslation()
  const [lang, setLang] = useState<Locale>(
    (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'en',
  )
  return (
    <Section title={t('review:reportSection.title')} description={t('review:reportSection.hint')}>
      {review.currentRound === 0 ? (
        <Text size="sm" c="dimmed">
          {t('review:reportSection.notStarted')}
        </Text>
      ) : (
        <Group align="flex-end" gap="md">
          <NativeSelect
            label={t('review:reportSection.language')}
            data={LOCALES.map((l) => ({ value: l, label: t(`enums:contentLocale.${l}`) }))}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value as Locale)}
            w={220}
          />
          <Group gap="sm" pb={6}>
            <Anchor href={reportUrl(review.id, 'html', lang)} target="_blank" rel="noopener" fw={500}>
              {t('review:reportSection.html')}
            </Anchor>
            <Anchor href={reportUrl(review.id, 'docx', lang)} download fw={500}>
              {t('review:reportSection.docx')}
            </Anchor>
          </Group>
        </Group>
      )}
    </Section>
  )
}

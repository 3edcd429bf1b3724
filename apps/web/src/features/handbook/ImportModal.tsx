import { Button, FileInput, Group, Modal, Progress, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { handbookKeys } from './api.ts'
import { IssueList } from './IssueList.tsx'
import { hasImportExtension, IMPORT_MAX_BYTES, uploadFramework } from './upload.ts'

const ACCEPT = '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Imports a JSON or XLSX framework file as a new draft, with upload progress and every problem listed on 400. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const abort = useRef<AbortController | null>(null)

  const upload = useMutation({
    mutationFn: (f: File) => {
      abort.current = new AbortController()
      setProgress(0)
      return uploadFramework(f, setProgress, abort.current.signal)
    },
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: handbookKeys.frameworks })
      queryClient.setQueryData(handbookKeys.version(draft.id), draft)
      navigate(`/handbook/${draft.id}`)
    },
  })

  const submit = () => {
    if (!file) return setFileError(t('handbook:import.fileRequired'))
    if (!hasImportExtension(file.name)) return setFileError(t('handbook:import.wrongType'))
    if (file.size > IMPORT_MAX_BYTES) return setFileError(t('handbook:import.tooLarge'))
    setFileError(null)
    upload.mutate(file)
  }
  const close = () => {
    abort.current?.abort()
    onClose()
  }
  const error = upload.error
  const issues = error instanceof ApiError && error.status === 400 ? error.issues : []
  const percent = progress === null ? null : Math.round(progress * 100)

  return (
    <Modal
      opened
      onClose={close}
      title={t('handbook:import.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('handbook:import.intro')}</Text>
          <FileInput
            id={fieldId('import', 'file')}
            label={t('handbook:import.file')}
            description={t('handbook:import.fileHint')}
            placeholder={t('handbook:import.choose')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f)
              setFileError(null)
              upload.reset()
            }}
            error={fileError}
            clearable
            required
            data-autofocus
          />
          {upload.isPending && (
            <Stack gap={4}>
              <Text size="sm" role="status" aria-live="polite">
                {percent === null || percent >= 100
                  ? t('handbook:import.processing')
                  : t('handbook:import.uploading', { percent })}
              </Text>
              <Progress.Root size="lg" aria-hidden="true">
                <Progress.Section value={percent ?? 100} animated={percent === null || percent >= 100} />
              </Progress.Root>
            </Stack>
          )}
          {issues.length > 0 && (
            <IssueList
              title={t('handbook:import.problemsTitle', { count: issues.length })}
              intro={t('handbook:import.problemsIntro')}
              issues={issues}
            />
          )}
          {error && issues.length === 0 && <ErrorAlert error={error} title={t('handbook:import.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={upload.isPending}>
              {t('handbook:import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

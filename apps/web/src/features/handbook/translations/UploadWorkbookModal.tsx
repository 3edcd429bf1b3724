import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../api/client.ts'
import { ErrorAlert } from '../../../components/ErrorAlert.tsx'
import { handbookKeys } from '../api.ts'
import { IssueList } from '../IssueList.tsx'
import { IMPORT_MAX_BYTES } from '../upload.ts'
import { uploadWorkbook } from './api.ts'

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Uploads a filled-in translators' workbook: every problem with its cell on 400 (nothing saved), else the counts. */
export function UploadWorkbookModal({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: (f: File) => uploadWorkbook(versionId, f),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: handbookKeys.all }),
  })
  const submit = () => {
    if (!file) return setFileError(t('handbook:contentTranslation.upload.fileRequired'))
    if (!file.name.toLowerCase().endsWith('.xlsx'))
      return setFileError(t('handbook:contentTranslation.upload.wrongType'))
    if (file.size > IMPORT_MAX_BYTES) return setFileError(t('handbook:import.tooLarge'))
    setFileError(null)
    upload.mutate(file)
  }
  const error = upload.error
  const issues = error instanceof ApiError && error.status === 400 ? error.issues : []

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:contentTranslation.upload.title')}
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
          <Text size="sm">{t('handbook:contentTranslation.upload.intro')}</Text>
          <FileInput
            label={t('handbook:contentTranslation.upload.file')}
            placeholder={t('handbook:import.choose')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f)
              setFileError(null)
              upload.reset()
            }}
            error={fileError}
            required
            data-autofocus
          />
          {issues.length > 0 && (
            <IssueList
              title={t('handbook:contentTranslation.upload.problemsTitle', { count: issues.length })}
              intro={t('handbook:contentTranslation.upload.problemsIntro')}
              issues={issues}
            />
          )}
          {error && issues.length === 0 && <ErrorAlert error={error} />}
          {upload.data && (
            <Alert color="teal" variant="light" role="status" title={t('handbook:contentTranslation.upload.done')}>
              {t('handbook:contentTranslation.upload.result', { changed: upload.data.changed, rows: upload.data.rows })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {upload.data ? t('common:actions.close') : t('common:actions.cancel')}
            </Button>
            {!upload.data && (
              <Button type="submit" loading={upload.isPending}>
                {t('handbook:contentTranslation.upload.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

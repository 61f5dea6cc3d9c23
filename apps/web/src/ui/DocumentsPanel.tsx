import { ActionIcon, Alert, Badge, Button, FileButton, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch, downloadTo } from '../api/client';
import type { Checklist, ChecklistItem, ChecklistStatus } from '../api/contract';
import { ProblemAlert } from './ProblemAlert';
import { documentKindLabel } from './labels';
import { notify } from './notify';

const STATUS_COLOR: Record<ChecklistStatus, string> = { missing: 'red', pending_check: 'yellow', verified: 'green', rejected: 'red' };

type DateField = ChecklistItem['datesNeeded'][number];
/** Each date in plain words, with where to find it on the paper. */
const DATE_WORDS: Record<DateField, { label: string; hint: string }> = {
  issuedOn: { label: 'documents.dateOnDocument', hint: 'documents.dateOnDocumentHint' },
  expiresOn: { label: 'documents.expiryDate', hint: 'documents.expiryDateHint' },
};

/** Sends one document: the kind and dates as query parameters (checked before the bytes), the file as multipart. */
export async function uploadDocument(applicationId: string, kind: string, file: File, dates: { issuedOn?: string; expiresOn?: string } = {}): Promise<unknown> {
  const q = new URLSearchParams({ kind });
  if (dates.issuedOn) q.set('issuedOn', dates.issuedOn);
  if (dates.expiresOn) q.set('expiresOn', dates.expiresOn);
  const form = new FormData();
  form.append('file', file);
  const res = await authorizedFetch(`/applications/${encodeURIComponent(applicationId)}/documents?${q}`, { method: 'POST', body: form });
  return res.json();
}

/**
 * The checklist of a file and its documents: what is missing, being checked, verified or refused (with the reason),
 * a download for each upload, and an upload form. The form offers two ways in: "Take a photo" (`capture`, which
 * opens the phone's camera directly) and "Choose a file" (an existing PDF or photo; a `capture` input could not
 * offer that on Android). An applicant (`simple`) is asked only for the dates the checklist says the kind needs,
 * so that the checks can pass without a caseworker; a caseworker may give both.
 */
export function DocumentsPanel({ applicationId, canUpload, simple = false }: { applicationId: string; canUpload: boolean; simple?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const checklist = useQuery({
    queryKey: ['checklist', applicationId],
    queryFn: async () => (await authorizedFetch(`/applications/${encodeURIComponent(applicationId)}/documents`).then((r) => r.json())) as Checklist,
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'pending_check') ? 5000 : false),
  });
  const [kind, setKind] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // The inputs forget their file too, so that the same file can be picked again after it was removed.
  const resetPhoto = useRef<() => void>(null);
  const resetChosen = useRef<() => void>(null);
  const clearFile = () => {
    setFile(null);
    resetPhoto.current?.();
    resetChosen.current?.();
  };
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');

  const upload = useMutation({
    mutationFn: () => uploadDocument(applicationId, kind!, file!, { issuedOn: issuedOn || undefined, expiresOn: expiresOn || undefined }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('documents.uploaded') });
      clearFile();
      setIssuedOn('');
      setExpiresOn('');
      await client.invalidateQueries({ queryKey: ['checklist', applicationId] });
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
    },
  });

  const items = checklist.data?.items ?? [];
  const missingKinds = items.filter((i) => i.status === 'missing' || i.status === 'rejected').map((i) => i.kind);
  // The kinds of the file's checklist (the API refuses any other), those still wanted first.
  const kindOptions = [...new Set([...missingKinds, ...items.map((i) => i.kind)])].map((k) => ({ value: k, label: documentKindLabel(t, k) }));
  const datesAsked: DateField[] = simple ? (items.find((i) => i.kind === kind)?.datesNeeded ?? []) : ['issuedOn', 'expiresOn'];
  const dateValue: Record<DateField, string> = { issuedOn, expiresOn };
  const dateSetter: Record<DateField, (v: string) => void> = { issuedOn: setIssuedOn, expiresOn: setExpiresOn };
  const datesMissing = simple && datesAsked.some((f) => !dateValue[f]);

  function chooseKind(next: string | null) {
    setKind(next);
    setIssuedOn('');
    setExpiresOn('');
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (kind && file && !datesMissing) upload.mutate();
  }

  return (
    <Stack gap="sm">
      {checklist.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : checklist.isError ? (
        <ProblemAlert error={checklist.error} />
      ) : (
        <>
          {checklist.data.complete ? (
            <Alert color="green">{t('documents.complete')}</Alert>
          ) : (
            <Alert color="yellow">{t('documents.incomplete', { count: missingKinds.length })}</Alert>
          )}
          <Table verticalSpacing="sm" data-testid="checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documents.document')}</Table.Th>
                <Table.Th scope="col">{t('documents.status')}</Table.Th>
                {!simple && <Table.Th scope="col">{t('documents.files')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.kind}>
                  <Table.Td>
                    {documentKindLabel(t, item.kind)}
                    {!item.required && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('documents.optional')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[item.status]} variant="light" size="lg">
                      {t(`documents.statuses.${item.status}`)}
                    </Badge>
                    {item.inReview && <Text size="xs">{t('documents.inReview')}</Text>}
                    {item.status === 'rejected' && item.reason && (
                      <Text size="sm" c="red.8">
                        {t(`documents.reasons.${item.reason}`, { defaultValue: item.detail ?? item.reason })}
                      </Text>
                    )}
                  </Table.Td>
                  {!simple && (
                    <Table.Td>
                      <Group gap="xs">
                        {item.documentIds.map((id, n) => (
                          <Button key={id} size="xs" variant="subtle" onClick={() => void downloadTo(`/documents/${id}/content`, `${item.kind}-${n + 1}`).catch((e) => notify({ color: 'red', message: (e as Error).message }))}>
                            {t('documents.view', { n: n + 1 })}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      {canUpload && (
        <Stack component="form" onSubmit={onSubmit} gap="sm" aria-label={t('documents.uploadTitle')}>
          <Text fw={700}>{t('documents.uploadTitle')}</Text>
          <Select label={t('documents.which')} data={kindOptions} value={kind} onChange={chooseKind} required searchable={!simple} size={simple ? 'lg' : 'sm'} />
          <Stack gap={4} role="group" aria-labelledby={`${applicationId}-file-label`}>
            <Text id={`${applicationId}-file-label`} size="sm" fw={500}>
              {t('documents.file')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('documents.fileHint')}
            </Text>
            <Group grow gap="sm" wrap="wrap">
              <FileButton onChange={setFile} accept="image/*" capture="environment" resetRef={resetPhoto}>
                {(props) => (
                  <Button {...props} size="lg" variant="light" mih={56}>
                    {t('documents.takePhoto')}
                  </Button>
                )}
              </FileButton>
              <FileButton onChange={setFile} accept="image/*,application/pdf" resetRef={resetChosen}>
                {(props) => (
                  <Button {...props} size="lg" variant="light" mih={56}>
                    {t('documents.chooseFile')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {file && (
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" data-testid="chosen-file" style={{ overflowWrap: 'anywhere' }}>
                  {t('documents.chosen', { name: file.name })}
                </Text>
                <ActionIcon variant="subtle" color="gray" size="lg" onClick={clearFile} aria-label={t('documents.removeFile')}>
                  ×
                </ActionIcon>
              </Group>
            )}
          </Stack>
          {datesAsked.length > 0 && (
            <Group grow align="flex-start" wrap="wrap">
              {datesAsked.map((field) => (
                <TextInput
                  key={field}
                  type="date"
                  size={simple ? 'lg' : 'sm'}
                  label={simple ? t(DATE_WORDS[field].label) : t(`documents.${field}`)}
                  description={simple ? t(DATE_WORDS[field].hint) : undefined}
                  // A document cannot be dated after today.
                  max={field === 'issuedOn' ? new Date().toISOString().slice(0, 10) : undefined}
                  required={simple}
                  value={dateValue[field]}
                  onChange={(e) => dateSetter[field](e.currentTarget.value)}
                  miw={200}
                />
              ))}
            </Group>
          )}
          {upload.isError && <ProblemAlert error={upload.error} />}
          <Button type="submit" size="lg" loading={upload.isPending} disabled={!kind || !file || datesMissing}>
            {t('documents.send')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}


import { Alert, Badge, Button, FileInput, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch, downloadTo } from '../api/client';
import { DOCUMENT_KINDS, type Checklist, type ChecklistStatus } from '../api/contract';
import { ProblemAlert } from './ProblemAlert';
import { documentKindLabel } from './labels';
import { notify } from './notify';

const STATUS_COLOR: Record<ChecklistStatus, string> = { missing: 'red', pending_check: 'yellow', verified: 'green', rejected: 'red' };

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
 * a download for each upload, and an upload form. On a phone, `capture` opens the camera directly.
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
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');

  const upload = useMutation({
    mutationFn: () => uploadDocument(applicationId, kind!, file!, { issuedOn: issuedOn || undefined, expiresOn: expiresOn || undefined }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('documents.uploaded') });
      setFile(null);
      await client.invalidateQueries({ queryKey: ['checklist', applicationId] });
      await client.invalidateQueries({ queryKey: ['application', applicationId] });
    },
  });

  const items = checklist.data?.items ?? [];
  const missingKinds = items.filter((i) => i.status === 'missing' || i.status === 'rejected').map((i) => i.kind);
  const kindOptions = [...new Set([...missingKinds, ...items.map((i) => i.kind), ...DOCUMENT_KINDS])].map((k) => ({ value: k, label: documentKindLabel(t, k) }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (kind && file) upload.mutate();
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
          <Select label={t('documents.which')} data={kindOptions} value={kind} onChange={setKind} required searchable={!simple} />
          <FileInput
            label={t('documents.file')}
            description={t('documents.fileHint')}
            placeholder={t('documents.choose')}
            value={file}
            onChange={setFile}
            accept="image/*,application/pdf"
            capture="environment"
            clearable
            required
          />
          {!simple && (
            <Group grow>
              <TextInput type="date" label={t('documents.issuedOn')} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} />
              <TextInput type="date" label={t('documents.expiresOn')} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} />
            </Group>
          )}
          {upload.isError && <ProblemAlert error={upload.error} />}
          <Button type="submit" size="lg" loading={upload.isPending} disabled={!kind || !file}>
            {t('documents.send')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}


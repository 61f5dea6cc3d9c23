import { Alert, Button, Group, List, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { assigneeChoices, holdingOffice, reassignFiles, type FileToReassign, type ReassignOutcome } from './reassignment';

const MIN_REASON = 3;

/**
 * A supervisor gives one file, or several selected in the queue, to another member of staff of the office that holds
 * them, with a reason kept in each file's history. Each file goes at the version the supervisor saw: one changed
 * meanwhile is refused and named, the others go through.
 */
export function ReassignDialog({ files, onClose, onDone }: { files: FileToReassign[]; onClose: () => void; onDone: (outcome: ReassignOutcome) => void }) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const office = holdingOffice(files);
  const staff = useQuery({
    queryKey: ['office-staff', office],
    queryFn: () => unwrap(api.GET('/offices/{id}/staff', { params: { path: { id: office! } } })),
    enabled: office !== null,
  });
  const reassign = useMutation({
    mutationFn: () =>
      reassignFiles(files, assigneeId!, reason, (file, body) => unwrap(api.PUT('/applications/{id}/assignment', { params: { path: { id: file.id } }, body }))),
    onSuccess: (outcome) => onDone(outcome),
  });
  const choices = staff.data ? assigneeChoices(staff.data, files) : [];
  const ready = assigneeId !== null && reason.trim().length >= MIN_REASON;
  const refused = reassign.data?.refused ?? [];

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened onClose={onClose} title={files.length === 1 ? t('reassign.title') : t('reassign.titleMany', { count: files.length })} size="lg">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !reassign.isPending) reassign.mutate();
        }}
      >
        {files.length > 1 && (
          <Text size="sm" className="masar-mono">
            {files.map((f) => f.reference).join(' · ')}
          </Text>
        )}
        {office === null ? (
          <Alert color="orange">{t('reassign.oneOffice')}</Alert>
        ) : staff.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : staff.isError ? (
          <ProblemAlert error={staff.error} />
        ) : choices.length === 0 ? (
          <Alert color="gray">{t('reassign.noStaff')}</Alert>
        ) : (
          <Select
            label={t('reassign.to')}
            placeholder={t('reassign.search')}
            searchable
            required
            data-autofocus
            value={assigneeId}
            onChange={setAssigneeId}
            nothingFoundMessage={t('reassign.noStaff')}
            data={choices.map((s) => ({ value: s.id, label: `${s.displayName} (${t(`reassign.roles.${s.role}`)})` }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="reassign-to"
          />
        )}
        <Textarea label={t('reassign.reason')} description={t('reassign.reasonHint')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {refused.length > 0 && (
          <Alert color="red" role="alert" title={t('reassign.doneMany', { ok: reassign.data!.done.length, count: files.length })}>
            <List size="sm">
              {refused.map((r) => (
                <List.Item key={r.file.id}>
                  <span className="masar-mono">{r.file.reference}</span>: {r.changed ? t('reassign.changed') : ((r.error as Error).message ?? '')}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {reassign.isError && <ProblemAlert error={reassign.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {refused.length ? t('common.close') : t('common.cancel')}
          </Button>
          <Button type="submit" loading={reassign.isPending} disabled={!ready || office === null}>
            {t('reassign.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

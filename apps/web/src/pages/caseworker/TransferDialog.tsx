import { Button, Group, Loader, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { isProblem } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';

export const MIN_TRANSFER_REASON = 15;

/** Offices a file may move to: another prefecture or province (the appeal body receives files by appeal only). */
export function transferTargets<O extends { id: string; kind: string; code: string; name: string }>(offices: readonly O[], currentOfficeId: string): O[] {
  return offices.filter((o) => o.id !== currentOfficeId && o.kind !== 'national_commission');
}

/**
 * A supervisor moves a file to another office (the person moved), with the reason, at the version on screen: the
 * file leaves its caseworker and the applicant is told which office now holds it. A 409 goes to the case page's
 * conflict dialog.
 */
export function TransferDialog({
  file,
  onClose,
  onDone,
  onConflict,
}: {
  file: { id: string; officeId: string; version: number };
  onClose: () => void;
  onDone: (officeName: string) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const offices = useQuery({ queryKey: ['offices'], queryFn: () => unwrap(api.GET('/offices')), staleTime: 10 * 60_000 });
  const targets = offices.data ? transferTargets(offices.data, file.officeId) : [];
  const transfer = useMutation({
    mutationFn: () => unwrap(api.POST('/applications/{id}/transfer', { params: { path: { id: file.id } }, body: { officeId: officeId!, reason: reason.trim(), expectedVersion: file.version } })),
    onSuccess: () => onDone(targets.find((o) => o.id === officeId)?.name ?? ''),
    onError: (e) => {
      if (isProblem(e, 409)) onConflict();
    },
  });
  const ready = officeId !== null && reason.trim().length >= MIN_TRANSFER_REASON;

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened onClose={onClose} title={t('transfer.action')} size="lg">
      <Stack
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !transfer.isPending) transfer.mutate();
        }}
      >
        {offices.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : offices.isError ? (
          <ProblemAlert error={offices.error} />
        ) : (
          <Select
            label={t('transfer.office')}
            placeholder={t('transfer.search')}
            searchable
            required
            data-autofocus
            value={officeId}
            onChange={setOfficeId}
            data={targets.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
          />
        )}
        <Textarea label={t('transfer.reason')} description={t('transfer.reasonHint')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {transfer.isError && !isProblem(transfer.error, 409) && <ProblemAlert error={transfer.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={transfer.isPending} disabled={!ready}>
            {t('common.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

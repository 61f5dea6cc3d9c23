import { Button, Group } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../api/contract';
import { notify } from '../../ui/notify';
import { ReassignDialog } from './ReassignDialog';
import { TransferDialog } from './TransferDialog';

/** The supervisor's buttons on a case page: give the file to someone else of the office, or move it to another office. */
export function SupervisorCaseTools({ file, onConflict }: { file: ApplicationDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState<'reassign' | 'transfer' | null>(null);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['application', file.id] });
    await client.invalidateQueries({ queryKey: ['work-queue'] });
  };
  if (file.final) return null;
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => setOpen('reassign')} data-testid="reassign">
        {t('reassign.action')}
      </Button>
      {!file.appealOfficeId && (
        <Button size="xs" variant="default" onClick={() => setOpen('transfer')} data-testid="transfer">
          {t('transfer.action')}
        </Button>
      )}
      {open === 'reassign' && (
        <ReassignDialog
          files={[{ id: file.id, reference: file.reference, officeId: file.appealOfficeId ?? file.officeId, assigneeId: file.assigneeId, version: file.version }]}
          onClose={() => setOpen(null)}
          onDone={(outcome) => {
            void refresh();
            if (outcome.done.length) {
              setOpen(null);
              notify({ color: 'green', message: t('reassign.done') });
            } else if (outcome.refused[0]?.changed) {
              setOpen(null);
              onConflict();
            }
          }}
        />
      )}
      {open === 'transfer' && (
        <TransferDialog
          file={file}
          onClose={() => setOpen(null)}
          onDone={(office) => {
            setOpen(null);
            notify({ color: 'green', message: t('transfer.done', { office }) });
            void refresh();
          }}
          onConflict={() => {
            setOpen(null);
            onConflict();
          }}
        />
      )}
    </Group>
  );
}

import { Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { notify } from '../../ui/notify';
import { personName } from '../../ui/labels';
import { ReasonDialog } from './ReasonDialog';
import { MERGE_REASON_MIN, undoableMerges, type MergeEntry } from './person-logic';

/** The merges that involve this record, newest first; a supervisor undoes one that still stands. */
export function MergesPanel({ personId, mayUndo }: { personId: string; mayUndo: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useQueryClient();
  const merges = useQuery({
    queryKey: ['applicant', personId, 'merges'],
    queryFn: () => unwrap(api.GET('/applicants/{id}/merges', { params: { path: { id: personId } } })),
  });
  const [undoing, setUndoing] = useState<MergeEntry | null>(null);
  const undo = useMutation({
    mutationFn: (v: { id: string; reason: string }) => unwrap(api.POST('/applicant-merges/{id}/undo', { params: { path: { id: v.id } }, body: { reason: v.reason } })),
    onSuccess: async (r) => {
      setUndoing(null);
      notify({ color: 'green', message: t('personPage.undoneOk', { count: r.restoredApplications }) });
      await client.invalidateQueries({ queryKey: ['applicant', personId] });
      await client.invalidateQueries({ queryKey: ['work-queue'] });
      // The moved files' case pages show another person now.
      await client.invalidateQueries({ queryKey: ['application'] });
    },
  });

  if (merges.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (merges.isError) return <ProblemAlert error={merges.error} />;
  if (merges.data.length === 0) return <Text>{t('personPage.noMerges')}</Text>;
  const undoable = new Set(undoableMerges(merges.data, personId).map((m) => m.id));
  const nameOf = (m: MergeEntry) => personName({ latinName: m.mergedLatinName, arabicName: m.mergedArabicName }) || '—';

  return (
    <Stack gap="sm">
      {merges.data.map((m) => (
        <Stack key={m.id} gap={2} data-testid="person-merge" data-undone={m.undoneAt ? 'yes' : 'no'}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700}>
              {m.survivorId === personId ? (
                t('personPage.mergedHere', { name: nameOf(m) })
              ) : (
                <>
                  {t('personPage.mergedAway')}:{' '}
                  <Anchor component={Link} to={`/app/applicants/${m.survivorId}`}>
                    {t('personPage.openSurvivor')}
                  </Anchor>
                </>
              )}
            </Text>
            <Text size="sm" c="dimmed">
              {t('personPage.on', { date: formatDate(m.mergedAt, lang, true) })}
            </Text>
            {m.undoneAt && (
              <Badge color="gray" variant="light">
                {t('personPage.undone', { date: formatDate(m.undoneAt, lang, true) })}
              </Badge>
            )}
          </Group>
          <Text size="sm">{t('personPage.moved', { files: m.movedApplications, documents: m.movedDocuments })}</Text>
          <Text size="sm">
            {t('personPage.reason')}: {m.reason}
          </Text>
          {m.undoReason && (
            <Text size="sm">
              {t('personPage.undoReason')}: {m.undoReason}
            </Text>
          )}
          {mayUndo && undoable.has(m.id) && (
            <Group>
              <Button size="xs" variant="outline" color="red" onClick={() => setUndoing(m)}>
                {t('personPage.undo')}
              </Button>
            </Group>
          )}
        </Stack>
      ))}
      {undoing && (
        <ReasonDialog
          opened
          title={t('personPage.undoTitle')}
          what={t('personPage.undoWhat', { files: undoing.movedApplications, documents: undoing.movedDocuments, name: nameOf(undoing) })}
          reasonLabel={t('personPage.undoReason')}
          min={MERGE_REASON_MIN}
          confirmLabel={t('personPage.undo')}
          busy={undo.isPending}
          error={undo.error}
          onClose={() => {
            setUndoing(null);
            undo.reset();
          }}
          onConfirm={(reason) => undo.mutate({ id: undoing.id, reason })}
        />
      )}
    </Stack>
  );
}

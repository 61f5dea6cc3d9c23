import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/use-auth';
import { formatDate, type Language } from '../../i18n/languages';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';

const MIN_REASON = 15;

/**
 * Whether the file is under a legal hold (kept past its retention for a court case or an inquiry), who placed it,
 * when and why; a supervisor places or releases one with a reason.
 */
export function LegalHoldPanel({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const me = useMe();
  const client = useQueryClient();
  const key = ['legal-hold', applicationId];
  const hold = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/applications/{id}/legal-hold', { params: { path: { id: applicationId } } })) });
  const [asking, setAsking] = useState<'place' | 'release' | null>(null);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (what: 'place' | 'release'): Promise<unknown> =>
      what === 'place'
        ? unwrap(api.POST('/applications/{id}/legal-hold', { params: { path: { id: applicationId } }, body: { reason: reason.trim() } }))
        : unwrap(api.POST('/applications/{id}/legal-hold/release', { params: { path: { id: applicationId } }, body: { reason: reason.trim() } })),
    onSuccess: async (_, what) => {
      setAsking(null);
      setReason('');
      notify({ color: 'green', message: what === 'place' ? t('legalHold.placed') : t('legalHold.released') });
      await client.invalidateQueries({ queryKey: key });
    },
  });

  if (hold.isPending) return <Loader aria-label={t('common.loading')} />;
  if (hold.isError) return <ProblemAlert error={hold.error} />;
  const h = hold.data.hold;
  return (
    <Stack gap="xs" data-testid="legal-hold" data-held={h ? 'yes' : 'no'}>
      {h ? (
        <>
          <Badge color="grape" variant="filled" size="lg">
            {t('legalHold.active')}
          </Badge>
          <Text size="sm">{t('legalHold.setBy', { name: h.setBy === me.data?.id ? t('case.you') : (h.setByName ?? '—'), date: formatDate(h.setAt, lang, true) })}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            « {h.reason} »
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('legalHold.none')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('legalHold.help')}
      </Text>
      <Group>
        <Button size="xs" variant={h ? 'default' : 'outline'} color={h ? undefined : 'grape'} onClick={() => setAsking(h ? 'release' : 'place')}>
          {h ? t('legalHold.release') : t('legalHold.place')}
        </Button>
      </Group>
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={asking !== null} onClose={() => setAsking(null)} title={asking === 'release' ? t('legalHold.release') : t('legalHold.place')}>
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (asking && reason.trim().length >= MIN_REASON) change.mutate(asking);
          }}
        >
          <Textarea label={t('legalHold.reason')} description={t('legalHold.reasonHint')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {change.isError && <ProblemAlert error={change.error} />}
          {reason.trim().length > 0 && reason.trim().length < MIN_REASON && <Alert color="gray">{t('legalHold.reasonHint')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={asking === 'place' ? 'grape' : undefined} loading={change.isPending} disabled={reason.trim().length < MIN_REASON}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

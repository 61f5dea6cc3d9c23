import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchApplication } from '../../api/cases';
import type { ApplicationDetail } from '../../api/contract';
import { useMe } from '../../auth/use-auth';
import { formatDate, type Language } from '../../i18n/languages';
import { actionLabel, stateLabel } from '../../ui/labels';
import { describeChanges } from './case-changes';

/**
 * Someone changed the file while this user was deciding (409 from the optimistic lock). Show what changed, then let
 * them reload and decide again on what the file is now; nothing they typed is sent twice.
 */
export function ConflictDialog({ opened, onClose, shown, onReload }: { opened: boolean; onClose: () => void; shown: ApplicationDetail; onReload: (fresh: ApplicationDetail) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const me = useMe();
  const fresh = useQuery({
    queryKey: ['application-conflict', shown.id, shown.version],
    queryFn: () => fetchApplication(shown.id),
    enabled: opened,
    staleTime: 0,
  });
  const changes = fresh.data ? describeChanges(shown, fresh.data) : null;
  const fieldValue = (field: string, v: string | null) =>
    v === null ? '—' : field === 'state' ? stateLabel(t, v) : field === 'dueAt' ? formatDate(v, lang) : field === 'proposal' ? t(`case.outcome.${v}`) : field === 'assignee' ? (v === me.data?.id ? t('case.you') : t('case.someoneElse')) : v;

  return (
    <Modal opened={opened} onClose={onClose} title={t('conflict.title')} size="lg">
      <Stack>
        <Alert color="orange">{t('conflict.text')}</Alert>
        {fresh.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : changes ? (
          <>
            {changes.fields.length > 0 && (
              <List data-testid="conflict-changes">
                {changes.fields.map((c) => (
                  <List.Item key={c.field}>
                    <Text span fw={700}>
                      {t(`conflict.field.${c.field}`)}:
                    </Text>{' '}
                    {fieldValue(c.field, c.before)} → {fieldValue(c.field, c.after)}
                  </List.Item>
                ))}
              </List>
            )}
            {changes.newHistory.length > 0 && (
              <>
                <Text fw={700}>{t('conflict.newHistory')}</Text>
                <List>
                  {changes.newHistory.map((h) => (
                    <List.Item key={h.version}>
                      {formatDate(h.at, lang, true)} · {t(`roles.${h.actorRole}`, { defaultValue: h.actorRole })} · {actionLabel(t, h.action)} ({stateLabel(t, h.to)})
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => fresh.data && onReload(fresh.data)} disabled={!fresh.data} data-autofocus>
            {t('conflict.reload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

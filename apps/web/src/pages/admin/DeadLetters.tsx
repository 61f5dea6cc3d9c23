import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../api/client';
import { openQueueDashboard } from '../../api/queue-dashboard';
import type { DeadLetter } from '../../api/contract';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';
import { notify } from '../../ui/notify';

export function DeadLetters() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('admin.deadLetters'));
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['dead-letters'],
    queryFn: async () => (await (await authorizedFetch('/admin/notifications/dead-letters')).json()) as { items: DeadLetter[] },
  });
  const retry = useMutation({
    mutationFn: (id: string) => authorizedFetch(`/admin/notifications/dead-letters/${id}/retry`, { method: 'POST' }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('admin.retried') });
      await client.invalidateQueries({ queryKey: ['dead-letters'] });
    },
    onError: (e) => notify({ color: 'red', message: (e as Error).message }),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('admin.deadLetters')}</Title>
        <Button variant="default" onClick={() => void openQueueDashboard().catch((e) => notify({ color: 'red', message: (e as Error).message }))}>
          {t('nav.queues')}
        </Button>
      </Group>
      <Text c="dimmed">{t('admin.deadLettersHelp')}</Text>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Alert color="green">{t('admin.noDeadLetters')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="sm" data-testid="dead-letters">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.failedAt')}</Table.Th>
                <Table.Th scope="col">{t('admin.event')}</Table.Th>
                <Table.Th scope="col">{t('admin.channel')}</Table.Th>
                <Table.Th scope="col">{t('admin.attempts')}</Table.Th>
                <Table.Th scope="col">{t('admin.lastError')}</Table.Th>
                <Table.Th scope="col">
                  <span className="st-visually-hidden">{t('admin.actionsColumn')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDate(d.failedAt, lang, true)}</Table.Td>
                  <Table.Td>{d.event}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{d.channel}</Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td dir="ltr">{d.lastError}</Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => retry.mutate(d.id)} loading={retry.isPending && retry.variables === d.id}>
                      {t('admin.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, authorizedFetch, unwrap } from '../../api/client';
import type { InboxPage } from '../../api/contract';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';

/** What Masar told the applicant (the in-app channel), newest first, each message in the language it was written in. */
export function MyNotifications() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('inbox.title'));
  const inbox = useInfiniteQuery({
    queryKey: ['inbox'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => (await (await authorizedFetch(`/me/notifications${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`)).json()) as InboxPage,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const client = useQueryClient();
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('inbox.title')}</Title>
      {inbox.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : inbox.isError ? (
        <ProblemAlert error={inbox.error} />
      ) : items.length === 0 ? (
        <Alert color="gray">{t('inbox.empty')}</Alert>
      ) : (
        items.map((n) => (
          <Card key={n.id} withBorder padding="md" component="article" lang={n.language} dir={n.language === 'ar' ? 'rtl' : 'ltr'} data-testid="inbox-item">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700}>{n.subject}</Text>
              {!n.readAt && (
                <Badge color="blue" variant="light">
                  {t('inbox.new')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {formatDate(n.createdAt, i18n.language as Language, true)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
            {!n.readAt && (
              <Button mt="sm" variant="light" size="md" onClick={() => markRead.mutate(n.id)} loading={markRead.isPending && markRead.variables === n.id}>
                {t('inbox.markRead')}
              </Button>
            )}
          </Card>
        ))
      )}
      {inbox.hasNextPage && (
        <Button variant="default" size="lg" onClick={() => inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}

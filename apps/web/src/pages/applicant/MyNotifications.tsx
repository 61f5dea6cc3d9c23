import { Alert, Button, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../api/client';
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
            <Text fw={700}>{n.subject}</Text>
            <Text size="xs" c="dimmed" mb="xs">
              {formatDate(n.createdAt, i18n.language as Language, true)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
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

import { Alert, Badge, Button, Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { QueueView } from '../../api/contract';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { categoryLabel, kindLabel, stateLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { QualitySamples } from './QualitySamples';

function QueueTable({ view, title, empty }: { view: QueueView; title: string; empty: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const q = useQuery({
    queryKey: ['work-queue', view, 'supervision'],
    queryFn: () => unwrap(api.GET('/work-queue', { params: { query: { view, limit: 25 } } })),
  });
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
        {q.data ? <Badge ms="sm">{q.data.items.length}{q.data.nextCursor ? '+' : ''}</Badge> : null}
      </Title>
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" data-testid={`supervision-${view}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('case.reference')}</Table.Th>
                <Table.Th scope="col">{t('queue.kind')}</Table.Th>
                <Table.Th scope="col">{t('queue.state')}</Table.Th>
                <Table.Th scope="col">{t('case.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Link to={`/app/cases/${item.id}`} className="masar-mono">
                      {item.reference}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    {kindLabel(t, item.kind)}
                    {item.category ? ` · ${categoryLabel(t, item.category)}` : ''}
                  </Table.Td>
                  <Table.Td>{stateLabel(t, item.state)}</Table.Td>
                  <Table.Td>{item.dueAt ? <Badge color={item.overdue ? 'red' : 'gray'} variant="light">{formatDate(item.dueAt, lang)}</Badge> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/**
 * The supervisor's desk: proposed decisions waiting for a second pair of eyes (confirm or overturn on the case page,
 * where the four-eyes rule is enforced), overdue files to reassign, and the way to statistics and the audit trail.
 */
export function Supervision() {
  const { t } = useTranslation();
  usePageTitle(t('supervision.title'));
  return (
    <Stack gap="md">
      <Title order={1}>{t('supervision.title')}</Title>
      <Alert color="blue">{t('supervision.help')}</Alert>
      <QueueTable view="awaiting_my_confirmation" title={t('supervision.awaiting')} empty={t('supervision.nothingAwaiting')} />
      <QueueTable view="overdue" title={t('supervision.overdue')} empty={t('supervision.nothingOverdue')} />
      <Button component={Link} to="/app/queue?tab=overdue" variant="default" w="fit-content">
        {t('reassign.fromQueue')}
      </Button>
      <QualitySamples />
      <QueueTable view="unassigned" title={t('supervision.unassigned')} empty={t('queue.empty')} />
      <Button component={Link} to="/app/statistics" variant="default" w="fit-content">
        {t('nav.statistics')}
      </Button>
    </Stack>
  );
}

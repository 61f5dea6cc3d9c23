import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/use-auth';
import { formatDate, type Language } from '../../i18n/languages';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { QueryTable } from '../../ui/QueryTable';
import { categoryLabel, stateLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { withPredecessors, type CriteriaChanges, type CriteriaVersion } from './criteria-changes';

function ChangeList({ changes }: { changes: CriteriaChanges }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  if (changes.first) return <Text size="sm">{t('criteria.first')}</Text>;
  const list = (categories: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(categories.map((c) => categoryLabel(t, c)));
  const value = (v: string | number) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, lang) : String(v));
  const lines = [
    ...(changes.added.length ? [t('criteria.added', { list: list(changes.added) })] : []),
    ...(changes.removed.length ? [t('criteria.removed', { list: list(changes.removed) })] : []),
    ...changes.params.map((p) => t('criteria.param', { name: t(`criteria.params.${p.name}`), before: value(p.before), after: value(p.after) })),
  ];
  if (!lines.length) return <Text size="sm">{t('criteria.noChange')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {lines.map((l) => (
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

/** Files refused under older criteria that a newly published version would accept: each to decide again. */
function ReviewWorklist() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['criteria-review-worklist'], queryFn: () => unwrap(api.GET('/criteria/review-worklist')) });
  return (
    <Card withBorder component="section" aria-label={t('criteria.worklist')}>
      <Title order={2} size="h4" mb="xs">
        {t('criteria.worklist')}
        {list.data ? <Badge ms="sm">{list.data.length}</Badge> : null}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('criteria.worklistHelp')}
      </Text>
      <QueryTable
        query={list}
        rows={list.data ?? []}
        empty={t('criteria.worklistEmpty')}
        columns={[t('case.reference'), t('queue.state'), t('criteria.previous'), t('criteria.newVersion'), t('criteria.suggested')]}
        minWidth={640}
        testId="criteria-worklist"
      >
        {(item) => (
          <Table.Tr key={`${item.applicationId}-${item.newVersion}`}>
            <Table.Td>
              <Link to={`/app/cases/${item.applicationId}`} className="masar-mono">
                {item.reference}
              </Link>
            </Table.Td>
            <Table.Td>{stateLabel(t, item.state)}</Table.Td>
            <Table.Td>
              <bdi className="masar-mono">{item.previousVersion}</bdi>
            </Table.Td>
            <Table.Td>
              <bdi className="masar-mono">{item.newVersion}</bdi>
            </Table.Td>
            <Table.Td>{categoryLabel(t, item.suggestedCategory)}</Table.Td>
          </Table.Tr>
        )}
      </QueryTable>
    </Card>
  );
}

/**
 * The versions of the regularisation criteria, each with what it changes from the one before; an administrator
 * publishes one (new files then apply it, and refused files it would accept go to review); supervisors see the
 * resulting review worklist of their offices.
 */
export function Criteria() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('criteria.title'));
  const me = useMe();
  const client = useQueryClient();
  const isAdmin = me.data?.role === 'admin';
  const versions = useQuery({ queryKey: ['criteria'], queryFn: () => unwrap(api.GET('/criteria')) });
  const [publishing, setPublishing] = useState<{ version: CriteriaVersion; changes: CriteriaChanges } | null>(null);
  const publish = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/criteria/publications', { body: { criteriaVersion: id } })),
    onSuccess: async (result) => {
      setPublishing(null);
      notify({ color: 'green', message: t('criteria.published', { version: result.criteriaVersion, reviewed: result.reviewed, worklist: result.worklist }) });
      await client.invalidateQueries({ queryKey: ['criteria'] });
    },
  });
  const rows = versions.data ? withPredecessors(versions.data) : [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('criteria.title')}</Title>
      {!isAdmin && <Alert color="blue">{t('criteria.adminOnly')}</Alert>}
      <Card withBorder component="section" aria-label={t('criteria.versions')}>
        <Title order={2} size="h4" mb="sm">
          {t('criteria.versions')}
        </Title>
        <QueryTable
          query={versions}
          rows={rows}
          empty={t('common.notFound')}
          columns={[t('criteria.version'), t('criteria.effectiveFrom'), t('criteria.categories'), t('criteria.changes'), t('criteria.publish')]}
          minWidth={760}
          testId="criteria-versions"
        >
          {({ version: v, changes }) => (
            <Table.Tr key={v.id} data-version={v.id}>
              <Table.Td>
                <bdi className="masar-mono">{v.id}</bdi>
                <Text size="xs" c="dimmed" lang="en" dir="auto">
                  {v.title}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(v.effectiveFrom, lang)}</Table.Td>
              <Table.Td>{v.categories.length}</Table.Td>
              <Table.Td>
                <ChangeList changes={changes} />
              </Table.Td>
              <Table.Td>
                {v.publishedAt ? (
                  <Text size="sm" fw={500} data-testid="published" style={{ whiteSpace: 'nowrap' }}>
                    <span aria-hidden="true">✓ </span>
                    {formatDate(v.publishedAt, lang)}
                  </Text>
                ) : isAdmin ? (
                  <Button size="xs" onClick={() => setPublishing({ version: v, changes })} aria-label={t('criteria.publishTitle', { version: v.id })}>
                    {t('criteria.publish')}
                  </Button>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          )}
        </QueryTable>
      </Card>
      {!isAdmin && me.data && <ReviewWorklist />}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={publishing !== null} onClose={() => setPublishing(null)} title={publishing ? t('criteria.publishTitle', { version: publishing.version.id }) : ''} size="lg">
        {publishing && (
          <Stack>
            <Text fw={700} lang="en" dir="auto">
              {publishing.version.title}
            </Text>
            <Text>
              {t('criteria.effectiveFrom')}: {formatDate(publishing.version.effectiveFrom, lang)}
            </Text>
            <div>
              <Text fw={700} size="sm">
                {t('criteria.changes')}
              </Text>
              <ChangeList changes={publishing.changes} />
            </div>
            <Alert color="orange">{t('criteria.publishHelp')}</Alert>
            {publish.isError && <ProblemAlert error={publish.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPublishing(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => publish.mutate(publishing.version.id)} loading={publish.isPending} data-autofocus>
                {t('criteria.publish')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

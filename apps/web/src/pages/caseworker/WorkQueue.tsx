import { Alert, Badge, Button, Checkbox, Group, Loader, Select, Stack, Table, Tabs, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { QUEUE_VIEWS, type CaseKind, type QueueItem, type QueueView } from '../../api/contract';
import { isProblem } from '../../api/problem';
import { useMe } from '../../auth/use-auth';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { categoryLabel, kindLabel, stateLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { deadlineUrgency, nextRowIndex } from './queue-keys';
import { notify } from '../../ui/notify';
import { ReassignDialog } from './ReassignDialog';
import { useStaffNames } from './staff-names';

const URGENCY_COLOR = { overdue: 'red', soon: 'orange', later: 'gray', none: 'gray' } as const;

export function WorkQueue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('queue.title'));
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isSupervisor = me.data?.role === 'supervisor';
  const tabs = QUEUE_VIEWS.filter((view) => view !== 'awaiting_my_confirmation' || isSupervisor);
  const tab = (tabs.includes(params.get('tab') as QueueView) ? params.get('tab') : isSupervisor ? 'awaiting_my_confirmation' : 'mine') as QueueView;
  const kind = (params.get('kind') as CaseKind | null) ?? undefined;
  const state = params.get('state') ?? undefined;
  const nationality = params.get('nationality') ?? undefined;

  const setParam = (name: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const queue = useInfiniteQuery({
    queryKey: ['work-queue', tab, kind, state, nationality],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/work-queue', { params: { query: { view: tab, kind, state: state || undefined, nationality: nationality?.length === 2 ? nationality : undefined, cursor: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows: QueueItem[] = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = queue.data?.pages[0]?.counts;

  const claim = useMutation({
    mutationFn: () => unwrap(api.POST('/work-queue/claim', { body: kind ? { kind } : {} })),
    onSuccess: (file) => navigate(`/app/cases/${file.id}`),
    onError: (e) => notify({ color: isProblem(e, 404) ? 'yellow' : 'red', message: isProblem(e, 404) ? t('queue.nothingToClaim') : (e as Error).message }),
  });

  // Supervisors pick files to give to someone else of the office at once.
  const client = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reassigning, setReassigning] = useState(false);
  const selectedRows = rows.filter((r) => selected.has(r.id));
  const staffNames = useStaffNames(rows.map((r) => r.officeId), isSupervisor);
  const toggle = (id: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const [active, setActive] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, index: number, item: QueueItem) {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      navigate(`/app/cases/${item.id}`);
      return;
    }
    const next = nextRowIndex(e.key, index, rows.length);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    rowRefs.current[next]?.focus();
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('queue.title')}</Title>
        {me.data?.role === 'caseworker' && (
          <Group>
            <Button component={Link} to="/app/register" variant="default">
              {t('nav.register')}
            </Button>
            <Button onClick={() => claim.mutate()} loading={claim.isPending}>
              {t('queue.claimNext')}
            </Button>
          </Group>
        )}
      </Group>

      <Tabs
        value={tab}
        onChange={(v) => {
          setSelected(new Set());
          setParam('tab', v);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('queue.tabsLabel')}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} className="masar-touch">
              {t(`queue.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Group align="flex-end" wrap="wrap" gap="sm" role="search" aria-label={t('queue.filters')}>
        <Select
          label={t('queue.kind')}
          clearable
          value={kind ?? null}
          onChange={(v) => setParam('kind', v)}
          data={(['regularisation', 'asylum', 'renewal'] as const).map((k) => ({ value: k, label: kindLabel(t, k) }))}
          w={200}
        />
        <TextInput label={t('queue.state')} value={state ?? ''} onChange={(e) => setParam('state', e.currentTarget.value.trim() || null)} w={200} />
        <TextInput
          label={t('queue.nationality')}
          placeholder="SN, CM, ..."
          value={nationality ?? ''}
          maxLength={2}
          onChange={(e) => setParam('nationality', e.currentTarget.value.toUpperCase() || null)}
          w={140}
          dir="ltr"
        />
      </Group>

      {counts && (
        <Group gap="xs" aria-label={t('queue.counts')}>
          {Object.entries(counts).map(([s, n]) => (
            <Badge key={s} variant="light" size="lg">
              {stateLabel(t, s)}: {n}
            </Badge>
          ))}
        </Group>
      )}

      <Text size="sm" c="dimmed" id="queue-keys-help">
        {t('queue.keysHelp')}
      </Text>

      {isSupervisor && selectedRows.length > 0 && (
        <Group gap="sm" data-testid="queue-selection">
          <Text size="sm">{t('reassign.selected', { count: selectedRows.length })}</Text>
          <Button size="xs" onClick={() => setReassigning(true)}>
            {t('reassign.bulk')}
          </Button>
        </Group>
      )}
      {reassigning && (
        <ReassignDialog
          files={selectedRows}
          onClose={() => setReassigning(false)}
          onDone={(outcome) => {
            void client.invalidateQueries({ queryKey: ['work-queue'] });
            setSelected(new Set(outcome.refused.map((r) => r.file.id)));
            notify({ color: outcome.refused.length ? 'yellow' : 'green', message: t('reassign.doneMany', { ok: outcome.done.length, count: outcome.done.length + outcome.refused.length }) });
            if (!outcome.refused.length) setReassigning(false);
          }}
        />
      )}

      {queue.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : queue.isError ? (
        <ProblemAlert error={queue.error} />
      ) : rows.length === 0 ? (
        <Alert color="gray">{t('queue.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" aria-describedby="queue-keys-help">
            <caption>
              <VisuallyHidden>{t(`queue.tabs.${tab}`)}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                {isSupervisor && (
                  <Table.Th scope="col" w={40}>
                    <Checkbox
                      aria-label={t('reassign.selectAll')}
                      checked={rows.length > 0 && selectedRows.length === rows.length}
                      indeterminate={selectedRows.length > 0 && selectedRows.length < rows.length}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                    />
                  </Table.Th>
                )}
                <Table.Th scope="col">{t('case.reference')}</Table.Th>
                <Table.Th scope="col">{t('queue.kind')}</Table.Th>
                <Table.Th scope="col">{t('queue.nationality')}</Table.Th>
                <Table.Th scope="col">{t('queue.state')}</Table.Th>
                <Table.Th scope="col">{t('case.assignee')}</Table.Th>
                <Table.Th scope="col" aria-sort="ascending">
                  {t('case.deadline')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((item, i) => {
                const urgency = item.overdue ? 'overdue' : deadlineUrgency(item.dueAt);
                return (
                  <Table.Tr
                    key={item.id}
                    ref={(el) => {
                      rowRefs.current[i] = el;
                    }}
                    tabIndex={i === active ? 0 : -1}
                    className="masar-queue-row"
                    aria-selected={i === active}
                    onFocus={() => setActive(i)}
                    onKeyDown={(e) => onRowKey(e, i, item)}
                    data-testid="queue-row"
                  >
                    {isSupervisor && (
                      <Table.Td>
                        <Checkbox aria-label={t('reassign.selectRow', { reference: item.reference })} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Link to={`/app/cases/${item.id}`} className="masar-mono" tabIndex={-1}>
                        {item.reference}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      {kindLabel(t, item.kind)}
                      {item.category ? <Text size="xs" c="dimmed">{categoryLabel(t, item.category)}</Text> : null}
                    </Table.Td>
                    <Table.Td>{item.nationality ?? ''}</Table.Td>
                    <Table.Td>{stateLabel(t, item.state)}</Table.Td>
                    <Table.Td>{!item.assigneeId ? t('queue.unassigned') : item.assigneeId === me.data?.id ? t('case.you') : (staffNames.get(item.assigneeId) ?? t('case.someoneElse'))}</Table.Td>
                    <Table.Td>
                      {item.dueAt ? (
                        <Badge color={URGENCY_COLOR[urgency]} variant={urgency === 'overdue' ? 'filled' : 'light'} size="lg">
                          {urgency === 'overdue' ? `${t('queue.overdue')} · ` : ''}
                          {formatDate(item.dueAt, lang)}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {queue.hasNextPage && (
        <Button variant="default" onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}

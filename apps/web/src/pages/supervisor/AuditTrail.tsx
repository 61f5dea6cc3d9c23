import { Alert, Button, Card, Code, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch } from '../../api/client';
import type { AuditEventPage, AuditVerification } from '../../api/contract';
import { isProblem } from '../../api/problem';
import { formatDate, formatNumber, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';

interface Filters {
  /** The file's reference as printed on the receipt: the API reads it (case, spaces, dashes) and checks its check symbol. */
  reference: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { reference: '', actorId: '', action: '', from: '', to: '' };

/** The query string of an audit search: empty filters left out, dates as the start of the day (to: exclusive). */
export function auditQuery(f: Filters, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.reference.trim()) q.set('reference', f.reference.trim());
  if (f.actorId.trim()) q.set('actorId', f.actorId.trim());
  if (f.action.trim()) q.set('action', f.action.trim());
  if (f.from) q.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) q.set('to', new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  if (cursor) q.set('cursor', cursor);
  q.set('limit', '50');
  return q.toString();
}

export function AuditTrail() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const set = (k: keyof Filters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => (await (await authorizedFetch(`/audit/events?${auditQuery(filters, pageParam)}`)).json()) as AuditEventPage,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: async () => (await (await authorizedFetch('/audit/verify')).json()) as AuditVerification });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const referenceInvalid = isProblem(events.error) && events.error.code === 'AUDIT_SEARCH_REFERENCE_INVALID';

  function onSearch(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>

      <Card withBorder component="section" aria-label={t('audit.verifyTitle')}>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('audit.verifyTitle')}
          </Title>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify')}
          </Button>
        </Group>
        {verify.isError && <ProblemAlert error={verify.error} />}
        {verify.data && (
          <Alert mt="sm" color={verify.data.ok ? 'green' : 'red'} title={verify.data.ok ? t('audit.intact') : t('audit.broken')} role="status" data-testid="audit-verification">
            <Text>{t('audit.checked', { events: formatNumber(verify.data.eventsChecked, lang), checkpoints: formatNumber(verify.data.checkpointsChecked, lang), ms: verify.data.durationMs })}</Text>
            {verify.data.head && (
              <Text size="sm">
                {t('audit.head')}: #{verify.data.head.seq} <Code>{verify.data.head.hash.slice(0, 16)}…</Code>
              </Text>
            )}
            {verify.data.firstBreak && (
              <Text fw={700}>
                {t('audit.firstBreak', { seq: verify.data.firstBreak.seq, kind: verify.data.firstBreak.kind })} {verify.data.firstBreak.detail}
              </Text>
            )}
            {!verify.data.signaturesChecked && <Text size="sm">{t('audit.noSignatures')}</Text>}
          </Alert>
        )}
      </Card>

      <Card withBorder component="form" onSubmit={onSearch} aria-label={t('audit.search')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('audit.fileReference')}
            value={draft.reference}
            onChange={set('reference')}
            placeholder="MA-XXXX-XXXX"
            error={referenceInvalid ? t('audit.referenceInvalid') : undefined}
            w={220}
            dir="ltr"
          />
          <TextInput label={t('audit.user')} value={draft.actorId} onChange={set('actorId')} w={300} dir="ltr" />
          <TextInput label={t('audit.action')} value={draft.action} onChange={set('action')} placeholder="case.read" w={200} dir="ltr" />
          <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={set('from')} />
          <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={set('to')} />
          <Button type="submit">{t('audit.search')}</Button>
        </Group>
      </Card>

      {events.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : referenceInvalid ? null : events.isError ? (
        <ProblemAlert error={events.error} />
      ) : rows.length === 0 ? (
        <Alert color="gray">{t('audit.none')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="audit-events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">#</Table.Th>
                <Table.Th scope="col">{t('audit.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.fileReference')}</Table.Th>
                <Table.Th scope="col">{t('audit.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.subject')}</Table.Th>
                <Table.Th scope="col">{t('audit.fields')}</Table.Th>
                <Table.Th scope="col">{t('audit.from_ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td className="masar-mono">{e.seq}</Table.Td>
                  <Table.Td>{formatDate(e.occurredAt, lang, true)}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td className="masar-mono" dir="ltr">
                    {e.applicationReference ?? ''}
                  </Table.Td>
                  <Table.Td className="masar-mono" dir="ltr">
                    {e.actorRole ? `${e.actorRole} ` : ''}
                    {e.actorId?.slice(0, 8) ?? ''}
                  </Table.Td>
                  <Table.Td className="masar-mono" dir="ltr">
                    {e.subjectType} {e.subjectId?.slice(0, 8) ?? ''}
                  </Table.Td>
                  <Table.Td>{e.fields.join(', ')}</Table.Td>
                  <Table.Td className="masar-mono" dir="ltr">{e.ip ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.hasNextPage && (
        <Button variant="default" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('common.more')}
        </Button>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Loader, Stack, Table, Text, Textarea, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchApplication } from '../../api/cases';
import { api, unwrap } from '../../api/client';
import type { AllowedAction, ApplicationDetail } from '../../api/contract';
import { isProblem } from '../../api/problem';
import { useMe } from '../../auth/use-auth';
import { formatDate, type Language } from '../../i18n/languages';
import { DocumentsPanel } from '../../ui/DocumentsPanel';
import { LettersPanel } from '../../ui/LettersPanel';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { actionLabel, categoryLabel, humanize, kindLabel, personName, stateLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { ActionDialog, type ActionInput } from './ActionDialog';
import { ConflictDialog } from './ConflictDialog';
import { SupervisorCaseTools } from './SupervisorCaseTools';
import { useStaffNames } from './staff-names';
import { LegalHoldPanel } from '../supervisor/LegalHoldPanel';
import { notify } from '../../ui/notify';

const WorkflowDiagram = lazy(() => import('./WorkflowDiagram').then((m) => ({ default: m.WorkflowDiagram })));

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const me = useMe();
  const client = useQueryClient();
  const file = useQuery({
    queryKey: ['application', id],
    queryFn: () => fetchApplication(id),
  });
  usePageTitle(file.data ? `${file.data.reference} · ${t('case.title')}` : t('case.title'));

  const [pending, setPending] = useState<AllowedAction | null>(null);
  const [conflictWith, setConflictWith] = useState<ApplicationDetail | null>(null);
  const [refused, setRefused] = useState<{ allowed?: string[]; guards?: { guard?: string; detail?: string }[] } | null>(null);

  const transition = useMutation({
    mutationFn: (v: { action: string; input: ActionInput; expectedVersion: number }) =>
      unwrap(api.POST('/applications/{id}/transitions', { params: { path: { id } }, body: { action: v.action, expectedVersion: v.expectedVersion, reason: v.input.reason || undefined, data: v.input.data } })),
    onSuccess: async (next) => {
      setPending(null);
      setRefused(null);
      notify({ color: 'green', message: t('case.done', { state: stateLabel(t, next?.state ?? '') }) });
      await client.invalidateQueries({ queryKey: ['application', id] });
      await client.invalidateQueries({ queryKey: ['work-queue'] });
    },
    onError: (e) => {
      setPending(null);
      if (isProblem(e, 409) && file.data) setConflictWith(file.data);
      if (isProblem(e, 422)) {
        setRefused({ allowed: e.body.allowedActions as string[] | undefined, guards: e.body.failedGuards as { guard?: string; detail?: string }[] | undefined });
        void client.invalidateQueries({ queryKey: ['application', id] });
      }
    },
  });

  const assign = useMutation({
    mutationFn: (assigneeId: string | null) => unwrap(api.PUT('/applications/{id}/assignment', { params: { path: { id } }, body: { assigneeId } })),
    onSuccess: async () => {
      notify({ color: 'green', message: t('case.assignmentSaved') });
      await client.invalidateQueries({ queryKey: ['application', id] });
      await client.invalidateQueries({ queryKey: ['work-queue'] });
    },
    onError: (e) => notify({ color: 'red', message: (e as Error).message }),
  });

  const [note, setNote] = useState('');
  const addNote = useMutation({
    mutationFn: () => unwrap(api.POST('/applications/{id}/notes', { params: { path: { id } }, body: { body: note.trim() } })),
    onSuccess: async () => {
      setNote('');
      await client.invalidateQueries({ queryKey: ['application', id] });
    },
  });

  const staffNames = useStaffNames(file.data ? [file.data.appealOfficeId ?? file.data.officeId] : [], me.data?.role === 'supervisor');

  const timeline = useMemo(() => {
    const d = file.data;
    if (!d) return [];
    const items = [
      ...d.history.map((h) => ({ key: `h${h.version}`, at: h.at, kind: 'history' as const, h })),
      ...d.notes.map((n) => ({ key: `n${n.id}`, at: n.createdAt, kind: 'note' as const, n })),
    ];
    return items.sort((a, b) => b.at.localeCompare(a.at));
  }, [file.data]);

  if (file.isPending) return <Loader aria-label={t('common.loading')} />;
  if (file.isError) return <ProblemAlert error={file.error} />;
  const d = file.data;
  const canUpload = me.data?.role === 'caseworker' && !d.final;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>
            <span className="masar-mono" dir="ltr">
              {d.reference}
            </span>
          </Title>
          <Text c="dimmed">
            {kindLabel(t, d.kind)}
            {d.category ? ` · ${categoryLabel(t, d.category)}` : ''}
            {d.criteriaVersion ? ` · ${d.criteriaVersion}` : ''}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Badge size="xl" variant="filled" data-testid="case-state" data-state={d.state}>
            {stateLabel(t, d.state)}
          </Badge>
          <Text size="sm">
            {t('case.assignee')}: {!d.assigneeId ? t('queue.unassigned') : d.assigneeId === me.data?.id ? t('case.you') : (staffNames.get(d.assigneeId) ?? t('case.someoneElse'))}
          </Text>
          {d.dueAt && (
            <Text size="sm">
              {t('case.deadline')}: {formatDate(d.dueAt, lang)}
            </Text>
          )}
          {me.data?.role === 'supervisor' && !d.final && (
            <Group gap="xs">
              {d.assigneeId !== me.data.id && (
                <Button size="xs" variant="default" onClick={() => assign.mutate(me.data!.id)} loading={assign.isPending}>
                  {t('case.assignToMe')}
                </Button>
              )}
              {d.assigneeId && (
                <Button size="xs" variant="default" onClick={() => assign.mutate(null)} loading={assign.isPending}>
                  {t('case.release')}
                </Button>
              )}
            </Group>
          )}
          {me.data?.role === 'supervisor' && <SupervisorCaseTools file={d} onConflict={() => setConflictWith(d)} />}
        </Stack>
      </Group>

      <Section title={t('case.actions')} testId="case-actions">
        {refused && (
          <Alert color="red" mb="sm" role="alert" title={t('case.notAllowed')}>
            {refused.guards?.map((g, i) => <div key={i}>{g.detail ?? g.guard}</div>)}
            {refused.allowed && `${t('case.allowedNow')} ${refused.allowed.map((a) => actionLabel(t, a)).join(', ')}`}
          </Alert>
        )}
        {transition.isError && !isProblem(transition.error, 409) && !isProblem(transition.error, 422) && <ProblemAlert error={transition.error} />}
        {d.proposal && (
          <Alert color="blue" mb="sm">
            {t('case.proposal', { outcome: t(`case.outcome.${d.proposal.outcome}`), date: formatDate(d.proposal.at, lang) })}
            {d.proposal.reason ? ` — ${d.proposal.reason}` : ''}
          </Alert>
        )}
        {d.actions.length ? (
          <Stack gap="xs">
            <Group gap="sm">
              {d.actions.map((a) => (
                <Button
                  key={a.action}
                  variant={a.needs.includes('reasons_written') ? 'outline' : 'filled'}
                  onClick={() => setPending(a)}
                  disabled={a.blockedBy.length > 0}
                  data-action={a.action}
                  aria-describedby={a.blockedBy.length ? `blocked-${a.action}` : undefined}
                >
                  {actionLabel(t, a.action, a.label)}
                </Button>
              ))}
            </Group>
            {d.actions
              .filter((a) => a.blockedBy.length)
              .map((a) => (
                <Text key={a.action} size="sm" c="dimmed" id={`blocked-${a.action}`}>
                  {actionLabel(t, a.action, a.label)}: {a.blockedBy.map((g) => t(`guards.${g}`, { defaultValue: humanize(g) })).join(' · ')}
                </Text>
              ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('case.noActions')}</Text>
        )}
      </Section>

      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section title={t('case.identity')} testId="case-identity">
              <Table variant="vertical" layout="fixed">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={160}>{t('person.name')}</Table.Th>
                    <Table.Td>{personName(d.applicant)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('person.birth')}</Table.Th>
                    <Table.Td>{d.applicant.birthYear ?? ''}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('person.sex')}</Table.Th>
                    <Table.Td>{d.applicant.sex ? t(`person.sexes.${d.applicant.sex}`) : ''}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('person.nationality')}</Table.Th>
                    <Table.Td>{d.applicant.nationality ?? ''}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('person.language')}</Table.Th>
                    <Table.Td>{d.applicant.preferredLanguage}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Anchor component={Link} to={`/app/applicants/${d.applicant.id}`} size="sm" mt="xs" display="inline-block" data-testid="case-person-link">
                {t('personPage.open')}
              </Anchor>
            </Section>

            <Section title={t('case.eligibility')} testId="case-eligibility">
              {d.eligibility ? (
                <>
                  <Group gap="xs" mb="xs">
                    <Badge color={d.eligibility.verdict === 'meets' ? 'green' : d.eligibility.verdict === 'does_not_meet' ? 'red' : 'gray'} variant="light" size="lg">
                      {t(`case.verdict.${d.eligibility.verdict}`)}
                    </Badge>
                    <Text size="sm">
                      {categoryLabel(t, d.eligibility.category)} · {d.eligibility.criteriaVersion}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('case.advisory')}
                  </Text>
                  <List spacing={4}>
                    {d.eligibility.reasons.map((r) => (
                      <List.Item key={r.code} icon={<span aria-hidden="true">{r.holds === true ? '✓' : r.holds === false ? '✗' : '?'}</span>}>
                        <VisuallyHidden>{t(`case.holds.${String(r.holds)}`)}: </VisuallyHidden>
                        {r.text}
                      </List.Item>
                    ))}
                  </List>
                  {d.otherCategories.length > 0 && (
                    <Text size="sm" mt="sm">
                      {t('case.otherCategories')} {d.otherCategories.map((c) => categoryLabel(t, c.category)).join(', ')}
                    </Text>
                  )}
                </>
              ) : (
                <Text c="dimmed">{t('case.noAssessment')}</Text>
              )}
            </Section>

            {me.data?.role === 'supervisor' && (
              <Section title={t('legalHold.title')} testId="case-legal-hold">
                <LegalHoldPanel applicationId={d.id} />
              </Section>
            )}

            <Section title={t('case.letters')} testId="case-letters">
              <LettersPanel applicationId={d.id} reference={d.reference} />
            </Section>

            <Section title={t('case.deadlines')}>
              {d.clocks.length ? (
                <List>
                  {d.clocks.map((c) => (
                    <List.Item key={c.clock}>
                      {t(`clocks.${c.clock}`, { defaultValue: humanize(c.clock) })}: {formatDate(c.dueAt, lang)}
                      {c.escalatedAt ? ` · ${t('case.escalated')}` : ''}
                    </List.Item>
                  ))}
                </List>
              ) : d.dueAt ? (
                <Text>{formatDate(d.dueAt, lang)}</Text>
              ) : (
                <Text c="dimmed">{t('case.noDeadline')}</Text>
              )}
              {d.interview && (
                <Text mt="xs">
                  {t('case.interview', { date: formatDate(d.interview.at, lang, true), place: d.interview.place })}
                </Text>
              )}
            </Section>

          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section title={t('case.documents')} testId="case-documents">
              <DocumentsPanel applicationId={d.id} canUpload={canUpload} />
            </Section>

            <Section title={t('case.timeline')} testId="case-timeline">
              <Stack
                component="form"
                gap="xs"
                mb="md"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (note.trim()) addNote.mutate();
                }}
              >
                <Textarea label={t('case.addNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
                {addNote.isError && <ProblemAlert error={addNote.error} />}
                <Group justify="flex-end">
                  <Button type="submit" variant="default" loading={addNote.isPending} disabled={!note.trim()}>
                    {t('case.saveNote')}
                  </Button>
                </Group>
              </Stack>
              <Timeline bulletSize={18} lineWidth={2}>
                {timeline.map((item) =>
                  item.kind === 'history' ? (
                    <Timeline.Item key={item.key} title={actionLabel(t, item.h.action)}>
                      <Text size="sm">
                        {item.h.from ? `${stateLabel(t, item.h.from)} → ` : ''}
                        {stateLabel(t, item.h.to)}
                      </Text>
                      {item.h.reason && <Text size="sm">« {item.h.reason} »</Text>}
                      <Text size="xs" c="dimmed">
                        {formatDate(item.h.at, lang, true)} · {item.h.actorId === me.data?.id ? t('case.you') : t(`roles.${item.h.actorRole}`, { defaultValue: item.h.actorRole })}
                      </Text>
                    </Timeline.Item>
                  ) : (
                    <Timeline.Item key={item.key} title={t('case.note')} lineVariant="dashed">
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {item.n.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(item.n.createdAt, lang, true)}{item.n.authorId === me.data?.id ? ` · ${t('case.you')}` : ''}
                      </Text>
                    </Timeline.Item>
                  ),
                )}
              </Timeline>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      <Section title={t('case.workflow')} testId="case-workflow">
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <WorkflowDiagram kind={d.kind} state={d.state} />
        </Suspense>
      </Section>

      <ActionDialog
        key={pending?.action ?? 'none'}
        action={pending}
        busy={transition.isPending}
        onClose={() => setPending(null)}
        onConfirm={(input) => pending && transition.mutate({ action: pending.action, input, expectedVersion: d.version })}
      />
      {conflictWith && (
        <ConflictDialog
          opened
          shown={conflictWith}
          onClose={() => setConflictWith(null)}
          onReload={(fresh) => {
            client.setQueryData(['application', id], fresh);
            setConflictWith(null);
          }}
        />
      )}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Card, Code, FileInput, Group, Loader, Modal, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, authorizedFetch, downloadTo, unwrap } from '../../api/client';
import { formatDate, formatNumber, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { categoryLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { IntakeReviewDecision } from './IntakeReviewDecision';
import { CAMPAIGN_COLUMNS, filesCreated, importPercent, parseRowProblems, statusColor, uploadCampaignList, type IntakeBatch } from './intake-logic';

const SHOWN_PROBLEMS = 50;

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

/**
 * Bulk intake for a campaign office: upload the list (CSV), follow the import (and resume it if it failed), read and
 * download the rows refused, decide the rows set aside as possible duplicates, and take the receipts' access codes once.
 */
export function IntakePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('intake.title'));
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selected = params.get('batch');
  const [file, setFile] = useState<File | null>(null);
  const [criteriaVersion, setCriteriaVersion] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const criteria = useQuery({ queryKey: ['criteria'], queryFn: () => unwrap(api.GET('/criteria')), staleTime: Infinity });
  const batches = useQuery({ queryKey: ['intake-batches'], queryFn: () => unwrap(api.GET('/intake/batches')) });

  const upload = useMutation({
    mutationFn: () => uploadCampaignList(file!, criteriaVersion, lang, setSent),
    onMutate: () => setSent(0),
    onSuccess: async (batch) => {
      setFile(null);
      setParams({ batch: batch.id });
      await client.invalidateQueries({ queryKey: ['intake-batches'] });
    },
  });

  function onUpload(e: FormEvent) {
    e.preventDefault();
    if (file) upload.mutate();
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('intake.title')}</Title>
      <Text maw={900}>{t('intake.intro')}</Text>
      <Card withBorder component="form" onSubmit={onUpload} data-testid="intake-upload">
        <Stack>
          <Text size="sm">
            {t('intake.columns')}{' '}
            {CAMPAIGN_COLUMNS.map((c) => (
              <Code key={c} mx={2} dir="ltr">
                {c}
              </Code>
            ))}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FileInput label={t('intake.file')} placeholder={t('intake.filePlaceholder')} accept=".csv,text/csv" value={file} onChange={setFile} clearable required />
            <Select
              label={t('intake.criteria')}
              description={t('intake.criteriaHint')}
              value={criteriaVersion}
              onChange={setCriteriaVersion}
              data={(criteria.data ?? []).map((v) => ({ value: v.id, label: `${v.id} · ${v.title}` }))}
              clearable
            />
          </SimpleGrid>
          {upload.isPending && (
            <Stack gap={4}>
              <Text size="sm" role="status">
                {t('intake.uploading', { percent: Math.round(sent * 100) })}
              </Text>
              <Progress value={sent * 100} aria-label={t('intake.uploading', { percent: Math.round(sent * 100) })} />
            </Stack>
          )}
          {upload.isError && <ProblemAlert error={upload.error} />}
          {upload.data && !upload.data.created && (
            <Alert color="blue" role="status">
              {t('intake.alreadySent')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t('intake.upload')}
            </Button>
          </Group>
        </Stack>
      </Card>

      {selected && <BatchDetail id={selected} />}

      <Section title={t('intake.batches')} testId="intake-batches">
        {batches.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : batches.isError ? (
          <ProblemAlert error={batches.error} />
        ) : batches.data.length === 0 ? (
          <Text>{t('intake.noBatches')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intake.fileName')}</Table.Th>
                  <Table.Th scope="col">{t('intake.sentAt')}</Table.Th>
                  <Table.Th scope="col">{t('intake.status')}</Table.Th>
                  <Table.Th scope="col">{t('intake.counts.imported')}</Table.Th>
                  <Table.Th scope="col">{t('intake.counts.invalid')}</Table.Th>
                  <Table.Th scope="col">{t('intake.counts.forReview')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {batches.data.map((b) => (
                  <Table.Tr key={b.id} data-testid="intake-batch-row" aria-current={b.id === selected ? 'true' : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`?batch=${b.id}`}>
                        {b.fileName ?? t('intake.noName')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(b.createdAt, lang, true)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor(b.status)}>
                        {t(`intake.statuses.${b.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatNumber(b.counts.imported, lang)}</Table.Td>
                    <Table.Td>{formatNumber(b.counts.invalid, lang)}</Table.Td>
                    <Table.Td>{formatNumber(b.counts.forReview, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}

function BatchDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useQueryClient();
  const batch = useQuery({
    queryKey: ['intake-batch', id],
    queryFn: () => unwrap(api.GET('/intake/batches/{batchId}', { params: { path: { batchId: id } } })),
    // Followed while the worker imports; the list's counts follow when it is done.
    refetchInterval: (q) => (q.state.data?.status === 'importing' ? 1500 : false),
  });
  // Completed or failed: the list's status and counts follow.
  const settled = batch.data !== undefined && batch.data.status !== 'importing';
  useEffect(() => {
    if (settled) void client.invalidateQueries({ queryKey: ['intake-batches'], exact: true });
  }, [settled, client]);

  if (batch.isPending) return <Loader aria-label={t('common.loading')} />;
  if (batch.isError) return <ProblemAlert error={batch.error} />;
  const b = batch.data;
  const percent = importPercent(b);
  const counts = ['received', 'invalid', 'staged', 'imported', 'forReview', 'pending'] as const;

  return (
    <Section title={b.fileName ?? t('intake.noName')} testId="intake-batch">
      <Stack>
        <Group justify="space-between">
          <Badge size="lg" variant="light" color={statusColor(b.status)} data-testid="intake-batch-status" data-status={b.status}>
            {t(`intake.statuses.${b.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {formatDate(b.createdAt, lang, true)} · {b.criteriaVersion}
          </Text>
        </Group>
        {b.failure && <FailedImport batch={b} failure={b.failure} />}
        <Progress value={percent} size="lg" color={b.status === 'failed' ? 'red' : undefined} aria-label={t('intake.progress', { percent })} />
        <Text size="sm" role="status">
          {t('intake.progress', { percent })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          {counts.map((k) => (
            <Paper key={k} withBorder p="sm" data-testid={`intake-count-${k}`}>
              <Text size="xs" c="dimmed">
                {t(`intake.counts.${k}`)}
              </Text>
              <Text fw={700} size="xl">
                {formatNumber(b.counts[k], lang)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <RowProblems batch={b} />
        <ReviewRows batch={b} />
        <Receipts batch={b} />
      </Stack>
    </Section>
  );
}

function FailedImport({ batch, failure }: { batch: IntakeBatch; failure: NonNullable<IntakeBatch['failure']> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useQueryClient();
  const resume = useMutation({
    mutationFn: () => unwrap(api.POST('/intake/batches/{batchId}/resume', { params: { path: { batchId: batch.id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['intake-batch', batch.id] });
      await client.invalidateQueries({ queryKey: ['intake-batches'], exact: true });
    },
  });
  return (
    <Alert color="red" title={t('intake.failure.title')} data-testid="intake-failure" data-code={failure.code}>
      <Stack gap="xs">
        <Text size="sm">{t(`intake.failure.codes.${failure.code}`, { defaultValue: failure.code })}</Text>
        <Text size="sm">{t('intake.failure.kept', { imported: formatNumber(batch.counts.imported, lang), pending: formatNumber(batch.counts.pending, lang) })}</Text>
        {failure.detail && (
          <Text size="xs" c="dimmed" dir="ltr">
            {t('intake.failure.detail', { detail: failure.detail })} · {formatDate(failure.failedAt, lang, true)}
          </Text>
        )}
        <Text size="sm">{t('intake.failure.resumeHint')}</Text>
        {resume.isError && <ProblemAlert error={resume.error} />}
        <Group>
          <Button color="red" onClick={() => resume.mutate()} loading={resume.isPending}>
            {t('intake.failure.resume')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function RowProblems({ batch }: { batch: IntakeBatch }) {
  const { t } = useTranslation();
  const problems = useQuery({
    queryKey: ['intake-batch', batch.id, 'errors'],
    queryFn: async () => parseRowProblems(await (await authorizedFetch(`/intake/batches/${batch.id}/errors`)).text()),
    enabled: batch.counts.invalid > 0,
    staleTime: Infinity,
  });
  const download = useMutation({ mutationFn: () => downloadTo(`/intake/batches/${batch.id}/errors`, `errors-${batch.fileName ?? batch.id}.csv`) });
  return (
    <Stack gap="xs" data-testid="intake-errors">
      <Title order={3} size="h5">
        {t('intake.errors')}
      </Title>
      {batch.counts.invalid === 0 ? (
        <Text size="sm">{t('intake.noErrors')}</Text>
      ) : problems.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : problems.isError ? (
        <ProblemAlert error={problems.error} />
      ) : (
        <>
          <Text size="sm">{t('intake.errorsShown', { shown: Math.min(SHOWN_PROBLEMS, problems.data.length), total: problems.data.length })}</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intake.line')}</Table.Th>
                  <Table.Th scope="col">{t('intake.column')}</Table.Th>
                  <Table.Th scope="col">{t('intake.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.data.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <Table.Tr key={`${p.line}-${p.column}-${i}`} data-testid="intake-error-row">
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td>
                      <Code dir="ltr">{p.column || '—'}</Code>
                    </Table.Td>
                    <Table.Td>{t(`intake.codes.${p.code}`, { defaultValue: p.code })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {download.isError && <ProblemAlert error={download.error} />}
          <Group>
            <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
              {t('intake.downloadErrors')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function ReviewRows({ batch }: { batch: IntakeBatch }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  // A decided file's access code, when the receipts were already taken: shown once, until dismissed.
  const [code, setCode] = useState<{ reference: string; accessCode: string } | null>(null);
  const review = useQuery({
    queryKey: ['intake-batch', batch.id, 'review', batch.counts.forReview, batch.counts.reviewOpen],
    queryFn: () => unwrap(api.GET('/intake/batches/{batchId}/review', { params: { path: { batchId: batch.id }, query: { limit: 200 } } })),
    enabled: batch.counts.forReview > 0,
  });
  return (
    <Stack gap="xs" data-testid="intake-review">
      <Title order={3} size="h5">
        {t('intake.review')}
      </Title>
      {batch.counts.forReview === 0 ? (
        <Text size="sm">{t('intake.noReview')}</Text>
      ) : review.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : review.isError ? (
        <ProblemAlert error={review.error} />
      ) : (
        <>
          <Text size="sm">{t('intake.reviewHint')}</Text>
          {code && (
            <Alert color="green" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setCode(null)} data-testid="intake-decision-code">
              {t('intake.decision.accessCode', { reference: code.reference, code: code.accessCode })}
            </Alert>
          )}
          <Group gap="xs" data-testid="intake-review-counts">
            {(['reviewOpen', 'reviewRegistered', 'reviewAttached', 'reviewDiscarded'] as const).map((k) => (
              <Badge key={k} variant="light" color={k === 'reviewOpen' ? 'orange' : 'gray'}>
                {t(`intake.counts.${k}`)}: {formatNumber(batch.counts[k], lang)}
              </Badge>
            ))}
          </Group>
          <Table.ScrollContainer minWidth={860}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('intake.line')}</Table.Th>
                  <Table.Th scope="col">{t('person.name')}</Table.Th>
                  <Table.Th scope="col">{t('person.birthYear')}</Table.Th>
                  <Table.Th scope="col">{t('person.nationality')}</Table.Th>
                  <Table.Th scope="col">{t('register.category')}</Table.Th>
                  <Table.Th scope="col">{t('intake.looksLike')}</Table.Th>
                  <Table.Th scope="col">{t('intake.decision.column')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {review.data.map((r) => (
                  <Table.Tr key={r.line} data-testid="intake-review-row">
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>
                      {r.latinName && <span dir="ltr">{r.latinName}</span>}
                      {r.latinName && r.arabicName ? ' · ' : ''}
                      {r.arabicName && <span dir="rtl">{r.arabicName}</span>}
                    </Table.Td>
                    <Table.Td>{r.birthYear}</Table.Td>
                    <Table.Td>{r.nationality}</Table.Td>
                    <Table.Td>{categoryLabel(t, r.category)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.candidateApplicantIds.map((id, i) => (
                          <Anchor key={id} component={Link} to={`/app/applicants/${id}`} size="sm">
                            {t('intake.person', { n: i + 1 })}
                          </Anchor>
                        ))}
                        {r.candidateLines.map((line) => (
                          <Text key={line} size="sm">
                            {t('intake.earlierLine', { line })}
                          </Text>
                        ))}
                        <Group gap={4}>
                          {r.matchedOn.map((m) => (
                            <Badge key={m} size="sm" color="orange" variant="light">
                              {t(`register.reasons.${m}`, { defaultValue: m })}
                            </Badge>
                          ))}
                        </Group>
                      </Stack>
                    </Table.Td>
                    <Table.Td data-testid="intake-review-decision">
                      {r.decision ? (
                        <Stack gap={2}>
                          <Badge variant="light" color={r.decision.decision === 'discarded' ? 'gray' : 'green'}>
                            {t(`intake.decision.decided.${r.decision.decision}`)}
                          </Badge>
                          {r.decision.applicationId && r.decision.reference && (
                            <Anchor component={Link} to={`/app/cases/${r.decision.applicationId}`} size="sm">
                              {t('intake.decision.file', { reference: r.decision.reference })}
                            </Anchor>
                          )}
                          <Text size="xs" c="dimmed">
                            {formatDate(r.decision.decidedAt, lang, true)}
                          </Text>
                        </Stack>
                      ) : (
                        <IntakeReviewDecision
                          batchId={batch.id}
                          item={r}
                          onDecided={(d) => setCode(d.accessCode && d.reference ? { reference: d.reference, accessCode: d.accessCode } : null)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

function Receipts({ batch }: { batch: IntakeBatch }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const take = useMutation({
    mutationFn: async () => {
      const res = await authorizedFetch(`/intake/batches/${batch.id}/receipts`, { method: 'POST' });
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `receipts-${batch.fileName ?? batch.id}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    onSettled: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: ['intake-batch', batch.id] });
    },
  });
  return (
    <Stack gap="xs" data-testid="intake-receipts">
      <Title order={3} size="h5">
        {t('intake.receipts')}
      </Title>
      {batch.receiptsTakenAt ? (
        <Text size="sm">{t('intake.receiptsTaken', { date: formatDate(batch.receiptsTakenAt, lang, true) })}</Text>
      ) : batch.status !== 'completed' ? (
        <Text size="sm">{t('intake.receiptsAfterImport')}</Text>
      ) : (
        <>
          <Text size="sm">{t('intake.receiptsHint')}</Text>
          {take.isError && <ProblemAlert error={take.error} />}
          <Group>
            <Button onClick={() => setConfirming(true)} disabled={filesCreated(batch) === 0}>
              {t('intake.takeReceipts')}
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('intake.receipts')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text>{t('intake.receiptsConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => take.mutate()} loading={take.isPending}>
              {t('intake.takeReceipts')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

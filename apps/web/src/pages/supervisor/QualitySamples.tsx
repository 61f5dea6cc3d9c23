import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { QualitySample } from '../../api/contract';
import { formatDate, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { kindLabel } from '../../ui/labels';

/** A second look at a random share of each officer's decisions of the week: agree, or disagree with reasons. */
export function QualitySamples() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const client = useQueryClient();
  const samples = useQuery({ queryKey: ['quality-samples'], queryFn: () => unwrap(api.GET('/quality-samples')) });
  const [disagreeing, setDisagreeing] = useState<QualitySample | null>(null);
  const [comment, setComment] = useState('');
  const record = useMutation({
    mutationFn: (v: { id: string; finding: 'agree' | 'disagree'; comment?: string }) => unwrap(api.POST('/quality-samples/{id}/finding', { params: { path: { id: v.id } }, body: { finding: v.finding, comment: v.comment } })),
    onSuccess: async () => {
      setDisagreeing(null);
      setComment('');
      await client.invalidateQueries({ queryKey: ['quality-samples'] });
    },
  });

  return (
    <Card withBorder component="section" aria-label={t('sampling.title')}>
      <Title order={2} size="h4" mb="xs">
        {t('sampling.title')}
        {samples.data?.week ? (
          <>
            {' · '}
            <bdi dir="ltr">{samples.data.week}</bdi>
          </>
        ) : null}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sampling.help')}
      </Text>
      {samples.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : samples.isError ? (
        <ProblemAlert error={samples.error} />
      ) : samples.data.items.length === 0 ? (
        <Text c="dimmed">{t('sampling.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" data-testid="quality-samples">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('case.reference')}</Table.Th>
                <Table.Th scope="col">{t('sampling.decision')}</Table.Th>
                <Table.Th scope="col">{t('sampling.officer')}</Table.Th>
                <Table.Th scope="col">{t('sampling.finding')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {samples.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Link to={`/app/cases/${s.applicationId}`} className="masar-mono">
                      {s.reference}
                    </Link>
                    <Text size="xs">{kindLabel(t, s.kind)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`case.outcome.${s.outcome}`)} · {formatDate(s.decidedAt, lang)}
                  </Table.Td>
                  <Table.Td>{s.officerName}</Table.Td>
                  <Table.Td>
                    {s.finding ? (
                      <Badge color={s.finding === 'agree' ? 'green' : 'red'} variant="light">
                        {t(`sampling.${s.finding}`)}
                      </Badge>
                    ) : s.youMayReview ? (
                      <Group gap="xs">
                        <Button size="xs" onClick={() => record.mutate({ id: s.id, finding: 'agree' })} loading={record.isPending && record.variables?.id === s.id}>
                          {t('sampling.agree')}
                        </Button>
                        <Button size="xs" variant="outline" color="red" onClick={() => setDisagreeing(s)}>
                          {t('sampling.disagree')}
                        </Button>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('sampling.notYours')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {record.isError && <ProblemAlert error={record.error} />}
      <Modal opened={disagreeing !== null} onClose={() => setDisagreeing(null)} title={t('sampling.disagree')}>
        <Stack
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (disagreeing && comment.trim().length >= 15) record.mutate({ id: disagreeing.id, finding: 'disagree', comment: comment.trim() });
          }}
        >
          <Textarea label={t('sampling.why')} description={t('sampling.whyHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={3} required data-autofocus />
          {comment.trim().length > 0 && comment.trim().length < 15 && <Alert color="gray">{t('sampling.whyHint')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDisagreeing(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={comment.trim().length < 15} loading={record.isPending}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

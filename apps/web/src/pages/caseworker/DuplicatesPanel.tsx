import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { notify } from '../../ui/notify';
import { personName } from '../../ui/labels';
import { ReasonDialog } from './ReasonDialog';
import { COMPARED, likeness, MERGE_REASON_MIN, type Candidate, type Compared, type Likeness, type PersonRecord } from './person-logic';

// Dark enough for small bold text on white and on the pale red of a differing row (WCAG AA).
const LIKENESS_COLOR: Record<Likeness, string> = { same: '#1f6f32', differs: 'red.9', unknown: 'dimmed' };

/**
 * Records that may be the same person, each beside this one with the differences marked (by colour and in words,
 * for those who do not see the colour). A supervisor merges a candidate into this record after saying why.
 */
export function DuplicatesPanel({ person, mayMerge }: { person: PersonRecord; mayMerge: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const candidates = useQuery({
    queryKey: ['applicant', person.id, 'duplicates'],
    queryFn: async () => {
      const found = await unwrap(
        api.POST('/applicants/duplicate-search', {
          body: {
            latinName: person.latinName ?? undefined,
            arabicName: person.arabicName ?? undefined,
            birthDate: person.birthDate ? { year: person.birthDate.year } : undefined,
            nationality: person.nationality ?? undefined,
            documents: person.documents.map((d) => ({ type: d.type as 'passport', number: d.number })),
          },
        }),
      );
      return found.filter((c) => c.id !== person.id);
    },
  });
  const [merging, setMerging] = useState<Candidate | null>(null);
  const merge = useMutation({
    mutationFn: (v: { mergedId: string; reason: string }) => unwrap(api.POST('/applicants/{id}/merges', { params: { path: { id: person.id } }, body: v })),
    onSuccess: async (r) => {
      setMerging(null);
      notify({ color: 'green', message: t('personPage.merged', { count: r.movedApplications }) });
      await client.invalidateQueries({ queryKey: ['applicant', person.id] });
      await client.invalidateQueries({ queryKey: ['work-queue'] });
      // The moved files' case pages show another person now.
      await client.invalidateQueries({ queryKey: ['application'] });
    },
  });

  if (candidates.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (candidates.isError) return <ProblemAlert error={candidates.error} />;
  const list = candidates.data;

  const value = (k: Compared, p: { latinName?: string | null; arabicName?: string | null; birthYear?: number | null; nationality?: string | null }) => {
    const v = p[k];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  };
  const mine = { latinName: person.latinName, arabicName: person.arabicName, birthYear: person.birthDate?.year ?? null, nationality: person.nationality };
  const label = (k: Compared) => t(`person.${k}`);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('personPage.duplicatesHint')}
      </Text>
      {list.length === 0 ? (
        <Text role="status">{t('personPage.noDuplicates')}</Text>
      ) : (
        <>
          {!mayMerge && (
            <Alert color="blue" role="status">
              {t('personPage.supervisorMerges')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {list.map((c) => {
              const l = likeness(person, c);
              return (
                <Card withBorder key={c.id} data-testid="person-duplicate">
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">
                          <VisuallyHidden>{t('personPage.identity')}</VisuallyHidden>
                        </Table.Th>
                        <Table.Th scope="col">{t('personPage.thisRecord')}</Table.Th>
                        <Table.Th scope="col">{t('personPage.otherRecord')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {COMPARED.map((k) => (
                        <Table.Tr key={k} data-likeness={l[k]} bg={l[k] === 'differs' ? 'var(--mantine-color-red-0)' : undefined}>
                          <Table.Th scope="row">{label(k)}</Table.Th>
                          <Table.Td dir={k === 'arabicName' ? 'rtl' : undefined}>{value(k, mine)}</Table.Td>
                          <Table.Td dir={k === 'arabicName' ? 'rtl' : undefined}>
                            {value(k, c)}{' '}
                            <Text span size="xs" fw={700} c={LIKENESS_COLOR[l[k]]}>
                              ({t(`personPage.${l[k]}`)})
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  <Group gap={4} my="xs">
                    {c.matchedOn.map((r) => (
                      <Badge key={r} color="orange" variant="light">
                        {t(`register.reasons.${r}`, { defaultValue: r })}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="sm">
                    {t('register.similarity', { percent: Math.round(c.nameSimilarity * 100) })} · {t('register.files', { count: c.applicationCount })}
                  </Text>
                  {mayMerge && (
                    <Button mt="sm" variant="outline" color="red" onClick={() => setMerging(c)}>
                      {t('personPage.merge')}
                    </Button>
                  )}
                </Card>
              );
            })}
          </SimpleGrid>
        </>
      )}
      {merging && (
        <ReasonDialog
          opened
          title={t('personPage.mergeTitle')}
          what={t('personPage.mergeWhat', { name: personName(merging) || '—', count: merging.applicationCount })}
          reasonLabel={t('personPage.mergeReason')}
          min={MERGE_REASON_MIN}
          confirmLabel={t('personPage.merge')}
          busy={merge.isPending}
          error={merge.error}
          onClose={() => {
            setMerging(null);
            merge.reset();
          }}
          onConfirm={(reason) => merge.mutate({ mergedId: merging.id, reason })}
        />
      )}
    </Stack>
  );
}

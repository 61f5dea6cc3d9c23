import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/use-auth';
import { formatDate, localeOf, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { categoryLabel, kindLabel, personName, stateLabel } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { CorrectionDialog } from './CorrectionDialog';
import { DuplicatesPanel } from './DuplicatesPanel';
import { MergesPanel } from './MergesPanel';
import { LANGUAGE_NAMES } from './PersonFields';
import { birthDateText, type PersonRecord } from './person-logic';

function Section({ title, children, testId, action }: { title: string; children: React.ReactNode; testId?: string; action?: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** The correction fields' names, in the reader's words. */
function fieldLabel(t: (k: string) => string, field: string): string {
  const own: Record<string, string> = { address: 'personPage.address', preferredLanguage: 'person.language' };
  return t(own[field] ?? `person.${field}`);
}

/**
 * A person, for the staff who hold one of their files: the record as kept (decrypted; the read is audited), their
 * files, the corrections made with their reasons, the records that may be the same person with the differences
 * marked, and the merges (a supervisor merges and undoes).
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const me = useMe();
  const person = useQuery({ queryKey: ['applicant', id], queryFn: () => unwrap(api.GET('/applicants/{id}', { params: { path: { id } } })) });
  const files = useQuery({ queryKey: ['applicant', id, 'files'], queryFn: () => unwrap(api.GET('/applicants/{id}/applications', { params: { path: { id } } })) });
  const corrections = useQuery({ queryKey: ['applicant', id, 'corrections'], queryFn: () => unwrap(api.GET('/applicants/{id}/corrections', { params: { path: { id } } })) });
  const [correcting, setCorrecting] = useState(false);
  usePageTitle(person.data ? `${personName(person.data)} · ${t('personPage.title')}` : t('personPage.title'));

  if (person.isPending) return <Loader aria-label={t('common.loading')} />;
  if (person.isError) return <ProblemAlert error={person.error} />;
  const p: PersonRecord = person.data;
  const supervisor = me.data?.role === 'supervisor';
  const merged = Boolean(p.mergedIntoId);

  return (
    <Stack gap="md">
      <Title order={1}>{personName(p) || t('personPage.title')}</Title>
      {merged && (
        <Alert color="orange" role="status">
          {t('personPage.mergedInto')}{' '}
          <Anchor component={Link} to={`/app/applicants/${p.mergedIntoId}`}>
            {t('personPage.openSurvivor')}
          </Anchor>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section
              title={t('personPage.identity')}
              testId="person-identity"
              action={
                !merged && (
                  <Button size="xs" variant="default" onClick={() => setCorrecting(true)}>
                    {t('correction.button')}
                  </Button>
                )
              }
            >
              <Table variant="vertical" withRowBorders={false}>
                <Table.Tbody>
                  <Row label={t('person.latinName')} value={p.latinName} dir="ltr" testId="person-latin-name" />
                  <Row label={t('person.arabicName')} value={p.arabicName} dir="rtl" />
                  <Row label={t('person.birthDate')} value={birthDateText(p.birthDate, localeOf(lang))} />
                  <Row label={t('person.sex')} value={p.sex ? t(`person.sexes.${p.sex}`) : null} />
                  <Row label={t('person.nationality')} value={p.nationality} />
                  <Row label={t('person.language')} value={LANGUAGE_NAMES[p.preferredLanguage as keyof typeof LANGUAGE_NAMES] ?? p.preferredLanguage} />
                  <Row label={t('person.phone')} value={p.phone} dir="ltr" />
                  <Row label={t('person.email')} value={p.email} dir="ltr" />
                  <Row label={t('personPage.address')} value={p.address} />
                  <Row label={t('personPage.account')} value={p.userId ? t('personPage.hasAccount') : t('personPage.noAccount')} />
                </Table.Tbody>
              </Table>
              <Title order={3} size="h5" mt="md" mb="xs">
                {t('personPage.documents')}
              </Title>
              {p.documents.length === 0 ? (
                <Text size="sm">{t('personPage.noDocuments')}</Text>
              ) : (
                <List size="sm">
                  {p.documents.map((d) => (
                    <List.Item key={d.id}>
                      {t(`person.documentTypes.${d.type}`, { defaultValue: d.type })}:{' '}
                      <span className="masar-mono" dir="ltr">
                        {d.number}
                      </span>
                      {d.issuingCountry ? ` (${d.issuingCountry})` : ''}
                      {d.expiresOn ? ` · ${t('personPage.expires', { date: formatDate(d.expiresOn, lang) })}` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>

            <Section title={t('correction.history')} testId="person-corrections">
              {corrections.isPending ? (
                <Loader size="sm" aria-label={t('common.loading')} />
              ) : corrections.isError ? (
                <ProblemAlert error={corrections.error} />
              ) : corrections.data.length === 0 ? (
                <Text>{t('correction.noHistory')}</Text>
              ) : (
                <Timeline bulletSize={14} lineWidth={2}>
                  {corrections.data.map((c) => (
                    <Timeline.Item key={c.id} title={t('correction.fields', { fields: c.fields.map((f) => fieldLabel(t, f)).join(', ') })} data-testid="person-correction">
                      <Text size="sm">{c.reason}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(c.correctedAt, lang, true)} · {c.correctedBy === me.data?.id ? t('correction.byYou') : t('correction.byOther')}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Section title={t('personPage.files')} testId="person-files">
              {files.isPending ? (
                <Loader size="sm" aria-label={t('common.loading')} />
              ) : files.isError ? (
                <ProblemAlert error={files.error} />
              ) : files.data.length === 0 ? (
                <Text>{t('personPage.noFiles')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={420}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('case.reference')}</Table.Th>
                        <Table.Th scope="col">{t('register.kind')}</Table.Th>
                        <Table.Th scope="col">{t('queue.state')}</Table.Th>
                        <Table.Th scope="col">{t('personPage.opened')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {files.data.map((f) => (
                        <Table.Tr key={f.id} data-testid="person-file">
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {f.mayOpen ? (
                              <Anchor component={Link} to={`/app/cases/${f.id}`} className="masar-mono" dir="ltr">
                                {f.reference}
                              </Anchor>
                            ) : (
                              <Text span className="masar-mono" dir="ltr" title={t('personPage.otherOffice')}>
                                {f.reference}
                              </Text>
                            )}
                            {!f.mayOpen && (
                              <Badge ml="xs" size="sm" variant="light" color="gray">
                                {t('personPage.otherOffice')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {kindLabel(t, f.kind)}
                            {f.category ? ` · ${categoryLabel(t, f.category)}` : ''}
                          </Table.Td>
                          <Table.Td>{stateLabel(t, f.state)}</Table.Td>
                          <Table.Td>{formatDate(f.createdAt, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>

            {!merged && (
              <Section title={t('personPage.duplicates')} testId="person-duplicates">
                <DuplicatesPanel person={p} mayMerge={supervisor} />
              </Section>
            )}

            <Section title={t('personPage.merges')} testId="person-merges">
              <MergesPanel personId={p.id} mayUndo={supervisor} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {correcting && <CorrectionDialog person={p} opened onClose={() => setCorrecting(false)} />}
    </Stack>
  );
}

function Row({ label, value, dir, testId }: { label: string; value: string | null | undefined; dir?: 'ltr' | 'rtl'; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%">
        {label}
      </Table.Th>
      <Table.Td dir={value ? dir : undefined} data-testid={testId}>
        {value || '—'}
      </Table.Td>
    </Table.Tr>
  );
}

import { Alert, Badge, Button, Card, Code, Grid, Group, Radio, Select, SimpleGrid, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, authorizedFetch, unwrap } from '../../api/client';
import type { CaseKind, CreatedApplication, DuplicateCandidate, IdentityDocumentType, RegisterApplicantInput, RegularisationCategory } from '../../api/contract';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { categoryLabel, kindLabel, personName } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { PersonFields, type PersonFieldValues } from './PersonFields';

/** The six categories of 2014, part of every version of the criteria: offered when no version is chosen. */
const SIX_CATEGORIES: RegularisationCategory[] = ['spouse_of_moroccan', 'spouse_of_foreigner', 'child_of_eligible_parent', 'work_contract', 'residence_five_years', 'serious_illness'];

interface PersonForm extends PersonFieldValues {
  documentType: IdentityDocumentType;
  documentNumber: string;
  documentCountry: string;
}

const EMPTY: PersonForm = { latinName: '', arabicName: '', birthDate: '', birthYear: '', sex: '', nationality: '', preferredLanguage: 'fr', phone: '', email: '', documentType: 'passport', documentNumber: '', documentCountry: '' };

/** The form as the API's person: empty fields left out; a birth date may be a full date or only a year. */
export function toPersonInput(f: PersonForm): RegisterApplicantInput {
  const p: RegisterApplicantInput = { preferredLanguage: f.preferredLanguage };
  if (f.nationality.trim()) p.nationality = f.nationality.trim().toUpperCase();
  if (f.latinName.trim()) p.latinName = f.latinName.trim();
  if (f.arabicName.trim()) p.arabicName = f.arabicName.trim();
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.birthDate);
  if (full) p.birthDate = { year: Number(full[1]), month: Number(full[2]), day: Number(full[3]) };
  else if (/^\d{4}$/.test(f.birthYear.trim())) p.birthDate = { year: Number(f.birthYear.trim()) };
  if (f.sex) p.sex = f.sex;
  if (f.phone.trim()) p.phone = f.phone.replace(/[\s.-]/g, '');
  if (f.email.trim()) p.email = f.email.trim();
  const country = (f.documentCountry || f.nationality).trim().toUpperCase();
  if (f.documentNumber.trim()) p.documents = [{ type: f.documentType, number: f.documentNumber.trim(), ...(country ? { issuingCountry: country } : {}) }];
  return p;
}

/**
 * Registering a person: search for the same person first (same document number, or similar names across Latin and
 * Arabic spellings with the same year of birth and nationality), show the candidates beside what was typed, and
 * create a new person only when the caseworker confirms none of them is this person. Then open the file.
 */
export function Register() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<PersonForm>(EMPTY);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [applicantId, setApplicantId] = useState<string | null>(null);
  const [kind, setKind] = useState<CaseKind>('regularisation');
  const [category, setCategory] = useState<RegularisationCategory | null>(null);
  const [criteriaVersion, setCriteriaVersion] = useState<string | null>(null);
  // Without a choice the API applies the version in force (the latest published); the relaxed categories need one.
  const criteria = useQuery({ queryKey: ['criteria'], queryFn: () => unwrap(api.GET('/criteria')), staleTime: Infinity });
  const categories = criteria.data?.find((v) => v.id === criteriaVersion)?.categories ?? SIX_CATEGORIES;
  const [created, setCreated] = useState<CreatedApplication | null>(null);
  // Read the value now: React may run the updater after the event's currentTarget is gone.
  const set = (k: keyof PersonForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: value }));
  };

  // The API searches before it creates: without confirmNew, likely duplicates come back and nothing is written.
  const search = useMutation({
    mutationFn: () => unwrap(api.POST('/applicants', { body: toPersonInput(form) })),
    onSuccess: (r) => {
      if (r.outcome === 'registered' && r.applicantId) {
        setCandidates([]);
        setApplicantId(r.applicantId);
        setStep(2);
      } else {
        setCandidates(r.candidates ?? []);
        setStep(1);
      }
    },
  });
  const createPerson = useMutation({
    mutationFn: () => unwrap(api.POST('/applicants', { body: { ...toPersonInput(form), confirmNew: true } })),
    onSuccess: (r) => {
      if (r.applicantId) setApplicantId(r.applicantId);
      setStep(2);
    },
  });
  const createFile = useMutation({
    mutationFn: () => unwrap(api.POST('/applications', { body: { applicantId: applicantId!, kind, ...(kind === 'regularisation' ? { category: category ?? undefined, criteriaVersion: criteriaVersion ?? undefined } : {}) } })),
    onSuccess: (r) => {
      setCreated(r);
      setStep(3);
    },
  });

  // The counter copy of the receipt carries the access code: the API checks it against its hash and keeps nothing.
  const receipt = useMutation({
    mutationFn: async () => {
      const res = await authorizedFetch(`/applications/${created!.id}/receipt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accessCode: created!.accessCode }) });
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `receipt-${created!.reference}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });

  const valid = Boolean((form.nationality.trim() === '' || form.nationality.trim().length === 2) && (form.latinName.trim().length >= 2 || form.arabicName.trim().length >= 2));

  function onSearch(e: FormEvent) {
    e.preventDefault();
    if (valid) search.mutate();
  }

  return (
    <Stack gap="md">
      <Title order={1}>{t('register.title')}</Title>
      <Stepper active={step} onStepClick={(s) => s < step && step < 3 && setStep(s)} allowNextStepsSelect={false}>
        <Stepper.Step label={t('register.stepPerson')}>
          <Card withBorder component="form" onSubmit={onSearch} noValidate>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <PersonFields form={form} setForm={setForm} />
              <Select
                label={t('person.documentType')}
                value={form.documentType}
                allowDeselect={false}
                onChange={(v) => setForm((f) => ({ ...f, documentType: (v ?? 'passport') as IdentityDocumentType }))}
                data={['passport', 'national_id', 'consular_card', 'travel_document', 'residence_card', 'other'].map((v) => ({ value: v, label: t(`person.documentTypes.${v}`) }))}
              />
              <TextInput label={t('person.documentNumber')} value={form.documentNumber} onChange={set('documentNumber')} dir="ltr" />
              <TextInput label={t('person.documentCountry')} value={form.documentCountry} onChange={set('documentCountry')} maxLength={2} dir="ltr" />
            </SimpleGrid>
            {!valid && <Text size="sm" c="dimmed" mt="sm">{t('register.needed')}</Text>}
            {search.isError && <ProblemAlert error={search.error} />}
            <Group justify="flex-end" mt="md">
              <Button type="submit" loading={search.isPending} disabled={!valid}>
                {t('register.search')}
              </Button>
            </Group>
          </Card>
        </Stepper.Step>

        <Stepper.Step label={t('register.stepDuplicates')}>
          <Stack>
            {candidates && candidates.length > 0 ? (
              <Alert color="orange" role="status">{t('register.candidatesFound', { count: candidates.length })}</Alert>
            ) : (
              <Alert color="green" role="status">{t('register.noCandidates')}</Alert>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Card withBorder bg="masar.0" data-testid="typed-person">
                  <Text fw={700} mb="xs">{t('register.typed')}</Text>
                  <PersonSummary p={{ latinName: form.latinName, arabicName: form.arabicName, birthYear: form.birthDate ? Number(form.birthDate.slice(0, 4)) : Number(form.birthYear) || null, nationality: form.nationality.toUpperCase(), sex: form.sex || null }} />
                  {form.documentNumber && <Text size="sm" dir="ltr">{form.documentNumber}</Text>}
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {(candidates ?? []).map((c) => (
                    <Card withBorder key={c.id} data-testid="duplicate-candidate">
                      <PersonSummary p={c} />
                      <Group gap={4} my="xs">
                        {c.matchedOn.map((r) => (
                          <Badge key={r} color="orange" variant="light">
                            {t(`register.reasons.${r}`, { defaultValue: r })}
                          </Badge>
                        ))}
                      </Group>
                      <Text size="sm">{t('register.similarity', { percent: Math.round(c.nameSimilarity * 100) })}</Text>
                      <Text size="sm">{t('register.files', { count: c.applicationCount })}</Text>
                      <Button
                        mt="sm"
                        variant="outline"
                        onClick={() => {
                          setApplicantId(c.id);
                          setStep(2);
                        }}
                      >
                        {t('register.useThis')}
                      </Button>
                    </Card>
                  ))}
                </SimpleGrid>
              </Grid.Col>
            </Grid>
            {createPerson.isError && <ProblemAlert error={createPerson.error} />}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('common.back')}
              </Button>
              <Button onClick={() => createPerson.mutate()} loading={createPerson.isPending} color={candidates?.length ? 'red' : undefined}>
                {candidates?.length ? t('register.confirmNew') : t('register.createPerson')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('register.stepFile')}>
          <Card withBorder>
            <Stack>
              <Radio.Group label={t('register.kind')} value={kind} onChange={(v) => setKind(v as CaseKind)}>
                <Group mt="xs">
                  {(['regularisation', 'asylum', 'renewal'] as const).map((k) => (
                    <Radio key={k} value={k} label={kindLabel(t, k)} />
                  ))}
                </Group>
              </Radio.Group>
              {kind === 'regularisation' && (
                <>
                  <Select
                    label={t('register.criteria')}
                    description={t('register.criteriaHint')}
                    value={criteriaVersion}
                    onChange={(v) => {
                      setCriteriaVersion(v);
                      setCategory(null);
                    }}
                    data={(criteria.data ?? []).map((v) => ({ value: v.id, label: `${v.id} · ${v.title}` }))}
                    clearable
                  />
                  <Select label={t('register.category')} value={category} onChange={(v) => setCategory(v as RegularisationCategory | null)} data={categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))} required />
                </>
              )}
              {createFile.isError && <ProblemAlert error={createFile.error} />}
              <Group justify="flex-end">
                <Button onClick={() => createFile.mutate()} loading={createFile.isPending} disabled={kind === 'regularisation' && !category}>
                  {t('register.createFile')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stepper.Step>

        <Stepper.Completed>
          {created && (
            <Card withBorder>
              <Stack>
                <Alert color="green" role="status">{t('register.created')}</Alert>
                <Text>
                  {t('case.reference')}: <Code fz="lg" data-testid="created-reference">{created.reference}</Code>
                </Text>
                {created.accessCode && (
                  <Text>
                    {t('register.accessCode')}: <Code fz="lg" data-testid="created-access-code">{created.accessCode}</Code>
                    <Text size="sm" c="dimmed">{t('register.accessCodeOnce')}</Text>
                  </Text>
                )}
                {receipt.isError && <ProblemAlert error={receipt.error} />}
                <Group>
                  <Button variant="default" onClick={() => receipt.mutate()} loading={receipt.isPending}>
                    {t('register.printReceipt')}
                  </Button>
                  <Button component={Link} to={`/app/cases/${created.id}`}>
                    {t('register.openFile')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

function PersonSummary({ p }: { p: { latinName?: string | null; arabicName?: string | null; birthYear?: number | null; nationality?: string | null; sex?: string | null } }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text fw={700}>{personName(p) || '—'}</Text>
      <Text size="sm">
        {t('person.birthYear')}: {p.birthYear ?? '—'} · {t('person.nationality')}: {p.nationality ?? '—'}
        {p.sex ? ` · ${t(`person.sexes.${p.sex}`)}` : ''}
      </Text>
    </Stack>
  );
}

import { Alert, Badge, Button, Card, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { StatusAnswer } from '../../api/contract';
import { isProblem } from '../../api/problem';
import type { Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';

export function useMyFiles() {
  const { i18n } = useTranslation();
  const language = i18n.language as Language;
  return useQuery({
    queryKey: ['my-files', language],
    queryFn: () => unwrap(api.GET('/me/files', { params: { query: { language } } })),
  });
}

export function FileSummary({ file }: { file: StatusAnswer }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} lang={file.language} dir={file.direction}>
      <Group justify="space-between" wrap="wrap">
        <Text fw={700} className="masar-mono" dir="ltr">
          {file.reference}
        </Text>
        <Badge size="lg" variant="light" data-testid="my-file-stage" data-stage={file.stage.code}>
          {file.stage.title}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {file.application} · {file.office}
      </Text>
      {file.toDo.length > 0 && (
        <Alert color="orange" title={t('my.todo')}>
          <List>
            {file.toDo.map((x, i) => (
              <List.Item key={i}>{x.text}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm">
        <Text span fw={700}>
          {t('my.next')}:
        </Text>{' '}
        {file.nextStep}
      </Text>
    </Stack>
  );
}

/** A signed-in applicant's files, what to do for each, and linking a new file with its receipt. */
export function MyFiles() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('my.title'));
  const files = useMyFiles();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const [accessCode, setAccessCode] = useState('');
  const link = useMutation({
    mutationFn: () => unwrap(api.POST('/me/files', { body: { reference: reference.trim(), accessCode: accessCode.trim(), language: i18n.language as Language } })),
    onSuccess: async () => {
      setReference('');
      setAccessCode('');
      await client.invalidateQueries({ queryKey: ['my-files'] });
    },
  });

  function onLink(e: FormEvent) {
    e.preventDefault();
    if (reference.trim() && accessCode.trim()) link.mutate();
  }

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('my.title')}</Title>
      {files.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : files.isError ? (
        <ProblemAlert error={files.error} />
      ) : files.data.files.length === 0 ? (
        <Alert color="gray">{t('my.none')}</Alert>
      ) : (
        files.data.files.map((f) => (
          <Card key={f.reference} withBorder padding="lg" data-testid="my-file">
            <FileSummary file={f} />
            <Button component={Link} to={`/my/files/${encodeURIComponent(f.reference)}`} mt="md" size="lg" fullWidth variant="light">
              {t('my.open')}
            </Button>
          </Card>
        ))
      )}

      <Card withBorder padding="lg" component="form" onSubmit={onLink}>
        <Title order={2} size="h3" mb="xs">
          {t('my.linkTitle')}
        </Title>
        <Text mb="sm">{t('my.linkText')}</Text>
        <Stack>
          <TextInput label={t('my.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} size="lg" dir="ltr" autoComplete="off" autoCapitalize="characters" />
          <TextInput label={t('my.accessCode')} value={accessCode} onChange={(e) => setAccessCode(e.currentTarget.value)} size="lg" dir="ltr" autoComplete="off" autoCapitalize="characters" />
          {link.isError && (isProblem(link.error, 404) ? <Alert color="red" role="alert">{t('my.linkNotFound')}</Alert> : <ProblemAlert error={link.error} />)}
          <Button type="submit" size="lg" loading={link.isPending} disabled={!reference.trim() || !accessCode.trim()}>
            {t('my.link')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { isProblem } from '../api/problem';
import { homeOf, signIn } from '../auth/use-auth';
import { usePageTitle } from '../ui/use-page-title';

export function Login() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      const me = await unwrap(api.GET('/auth/me'));
      client.setQueryData(['me', true], me);
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(me.role), { replace: true });
    } catch (err) {
      setError(isProblem(err, 429) ? t('login.tooMany') : isProblem(err, 401) || isProblem(err, 400) ? t('login.wrong') : t('common.errorText'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl">
      <Title order={1} mb="lg">
        {t('login.title')}
      </Title>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} dir="ltr" />
          <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy} size="lg" fullWidth>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} to="/signup" ta="center" className="masar-touch">
            {t('signup.noAccount')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}

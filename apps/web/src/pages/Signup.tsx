import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { isProblem } from '../api/problem';
import { session } from '../auth/session';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/use-page-title';

/** An applicant's own account: no case data until a file is linked with the receipt's reference and code. */
export function Signup() {
  const { t } = useTranslation();
  usePageTitle(t('signup.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooShort = password.length > 0 && password.length < 12;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 12) return;
    setBusy(true);
    setError(null);
    try {
      session.store(await unwrap(api.POST('/auth/register', { body: { displayName: displayName.trim(), email: email.trim(), password } })));
      await client.invalidateQueries({ queryKey: ['me'] });
      navigate('/my', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={440} py="xl">
      <Title order={1} mb="xs">
        {t('signup.title')}
      </Title>
      <Text mb="lg">{t('signup.text')}</Text>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('signup.name')} autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} size="lg" />
          <TextInput label={t('login.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} dir="ltr" size="lg" />
          <PasswordInput
            label={t('login.password')}
            description={t('signup.passwordHint')}
            error={tooShort ? t('signup.passwordHint') : undefined}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            size="lg"
          />
          {error ? isProblem(error, 409) ? <Alert color="red" role="alert">{t('signup.taken')}</Alert> : <ProblemAlert error={error} /> : null}
          <Button type="submit" loading={busy} size="lg" fullWidth disabled={!displayName.trim() || !email.trim() || password.length < 12}>
            {t('signup.submit')}
          </Button>
          <Anchor component={Link} to="/login" ta="center" className="masar-touch">
            {t('signup.haveAccount')}
          </Anchor>
        </Stack>
      </Paper>
    </Container>
  );
}

import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/use-page-title';

export function Welcome() {
  const { t } = useTranslation();
  usePageTitle(t('welcome.title'));
  return (
    <Container size="xs" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('welcome.title')}</Title>
        <Text size="lg">{t('welcome.text')}</Text>
        <Button component="a" href="/status" size="xl" fullWidth>
          {t('welcome.status')}
        </Button>
        <Button component={Link} to="/login" size="xl" variant="outline" fullWidth>
          {t('welcome.signIn')}
        </Button>
      </Stack>
    </Container>
  );
}

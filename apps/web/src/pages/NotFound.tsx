import { Button, Container, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/use-page-title';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Container size="xs" py="xl">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text my="md">{t('notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('common.home')}
      </Button>
    </Container>
  );
}

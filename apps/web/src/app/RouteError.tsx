import { Alert, Button, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('common.errorTitle')} role="alert">
        {error instanceof Error ? error.message : t('common.errorText')}
      </Alert>
      <Button mt="md" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </Container>
  );
}

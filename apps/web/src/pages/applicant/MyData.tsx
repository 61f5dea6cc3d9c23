import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadTo } from '../../api/client';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * The applicant's rights over their data, in plain words (access, correction, who to contact, how it is protected),
 * and the right of access itself: everything Masar holds about them as one JSON download (GET /me/data-export).
 */
export function MyData() {
  const { t } = useTranslation();
  usePageTitle(t('myData.title'));
  const download = useMutation({ mutationFn: () => downloadTo('/me/data-export', 'masar-my-data.json') });

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('myData.title')}</Title>
      <Text>{t('myData.intro')}</Text>
      <Part title={t('myData.accessTitle')}>
        <Stack gap="sm">
          <Text>{t('myData.accessText')}</Text>
          {download.isError && <ProblemAlert error={download.error} />}
          {download.isSuccess && (
            <Alert color="green" role="status">
              {t('myData.downloaded')}
            </Alert>
          )}
          <Button size="lg" className="masar-touch" onClick={() => download.mutate()} loading={download.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('myData.download')}
          </Button>
        </Stack>
      </Part>
      <Part title={t('myData.correctTitle')}>
        <Text>{t('myData.correctText')}</Text>
      </Part>
      <Part title={t('myData.contactTitle')}>
        <Text>{t('myData.contactText')}</Text>
      </Part>
      <Part title={t('myData.protectTitle')}>
        <Text>{t('myData.protectText')}</Text>
      </Part>
    </Stack>
  );
}

import { Alert, Button, Card, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentsPanel } from '../../ui/DocumentsPanel';
import { LettersPanel } from '../../ui/LettersPanel';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';
import { FileSummary, useMyFiles } from './MyFiles';

/** One of the applicant's files: where it stands, what is missing, and sending a document from the phone's camera. */
export function MyFile() {
  const { reference = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('my.fileTitle'));
  const files = useMyFiles();
  if (files.isPending) return <Loader aria-label={t('common.loading')} />;
  if (files.isError) return <ProblemAlert error={files.error} />;
  const file = files.data.files.find((f) => f.reference === reference);
  if (!file) return <Alert color="red">{t('common.notFound')}</Alert>;
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('my.fileTitle')}</Title>
      <Card withBorder padding="lg">
        <FileSummary file={file} />
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h3" mb="sm">
          {t('my.documents')}
        </Title>
        {file.applicationId ? <DocumentsPanel applicationId={file.applicationId} canUpload simple /> : <Alert color="gray">{t('my.documentsUnavailable')}</Alert>}
      </Card>
      {file.applicationId && (
        <Card withBorder padding="lg">
          <Title order={2} size="h3" mb="sm">
            {t('my.letters')}
          </Title>
          <LettersPanel applicationId={file.applicationId} reference={file.reference} />
        </Card>
      )}
      <Button component={Link} to="/my" variant="default" size="lg">
        {t('common.back')}
      </Button>
    </Stack>
  );
}

import { Loader, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { usePageTitle } from '../../ui/use-page-title';
import { useOffices } from './Users';

export function Offices() {
  const { t } = useTranslation();
  usePageTitle(t('admin.offices'));
  const offices = useOffices();
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.offices')}</Title>
      {offices.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : offices.isError ? (
        <ProblemAlert error={offices.error} />
      ) : (
        <Table striped verticalSpacing="sm" data-testid="offices-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.code')}</Table.Th>
              <Table.Th scope="col">{t('admin.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.officeKind')}</Table.Th>
              <Table.Th scope="col">{t('admin.region')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offices.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td className="masar-mono">{o.code}</Table.Td>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td>{t(`admin.officeKinds.${o.kind}`)}</Table.Td>
                <Table.Td>{o.regionCode}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

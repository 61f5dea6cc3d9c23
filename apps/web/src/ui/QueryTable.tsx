import { Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

/**
 * A list the API answers, as a table: a loader while it comes, the problem if it failed, a sentence when it is empty,
 * else the rows under their column headings (scrolling sideways on a narrow screen).
 */
export function QueryTable<T>({
  query,
  rows,
  empty,
  columns,
  minWidth,
  testId,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown };
  rows: readonly T[];
  empty: string;
  columns: string[];
  minWidth: number;
  testId: string;
  children: (row: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map(children)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Loader, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { ReportTable } from '../../api/contract';
import { formatNumber, type Language } from '../../i18n/languages';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { humanize } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { toChartData, toCsv } from './report-table';

const REPORTS = ['files-by-state', 'files-by-office', 'processing-times', 'grant-rates-by-office', 'grant-rates-by-officer', 'overdue'] as const;
const COLORS = ['masar.7', 'orange.6', 'blue.6', 'grape.6', 'teal.6'];

function download(table: ReportTable, name: string) {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Statistics as charts, each with the same numbers as a table (readable by screen readers) and as CSV. */
export function Statistics() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('stats.title'));
  const [report, setReport] = useState<(typeof REPORTS)[number]>('files-by-state');
  const [publication, setPublication] = useState(false);
  const q = useQuery({
    queryKey: ['report', report, publication],
    queryFn: () => unwrap(api.GET('/reports/{report}', { params: { path: { report }, query: { publication } } })),
  });
  const chart = q.data ? toChartData(q.data) : null;

  return (
    <Stack gap="md">
      <Title order={1}>{t('stats.title')}</Title>
      <SegmentedControl
        value={report}
        onChange={(v) => setReport(v as (typeof REPORTS)[number])}
        data={REPORTS.map((r) => ({ value: r, label: t(`stats.reports.${r}`, { defaultValue: humanize(r) }) }))}
        fullWidth
        orientation="horizontal"
        style={{ flexWrap: 'wrap' }}
        aria-label={t('stats.choose')}
      />
      <Switch label={t('stats.publication')} description={t('stats.publicationHint')} checked={publication} onChange={(e) => setPublication(e.currentTarget.checked)} />
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : q.data.rows.length === 0 ? (
        <Alert color="gray">{t('stats.empty')}</Alert>
      ) : (
        <>
          <Card withBorder>
            {chart && chart.series.length > 0 && (
              <div aria-hidden="true">
                <BarChart h={320} data={chart.data} dataKey={chart.key} series={chart.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }))} withLegend tickLine="y" />
              </div>
            )}
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => download(q.data, report)}>
              {t('stats.csv')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={500}>
            <Table striped data-testid="report-table">
              <caption>
                <Text size="sm">{t(`stats.reports.${report}`, { defaultValue: humanize(report) })}</Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {q.data.columns.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`stats.columns.${c}`, { defaultValue: humanize(c) })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.rows.map((r, i) => (
                  <Table.Tr key={i}>
                    {r.map((v, j) => (
                      <Table.Td key={j}>{typeof v === 'number' ? formatNumber(v, lang) : (v ?? '—')}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

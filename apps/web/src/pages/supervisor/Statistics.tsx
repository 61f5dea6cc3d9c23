import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Loader, Select, Stack, Switch, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadTo, unwrap } from '../../api/client';
import { FILE_DIMENSIONS, type CrossTableReport, type FileDimension, type GrantRatesReport, type ProcessingTimesReport, type ReportTable } from '../../api/contract';
import { formatDate, formatNumber, type Language } from '../../i18n/languages';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { humanize } from '../../ui/labels';
import { usePageTitle } from '../../ui/use-page-title';
import { crossTable, grantRatesTable, processingTimesTable, toChartData } from './report-table';

const REPORTS = ['files', 'overdue', 'grant-rates', 'processing-times'] as const;
type Report = (typeof REPORTS)[number];
const COLORS = ['masar.7', 'orange.7', 'blue.7', 'grape.7', 'teal.7', 'red.7', 'cyan.7', 'lime.8'];

interface Loaded {
  table: ReportTable;
  /** The numeric columns worth drawing (not the totals, not the counts behind a rate). */
  chart: string[];
  refreshedAt: string | null;
  suppressed: number;
}

/**
 * Statistics as charts, each with the same numbers as a table (what a screen reader reads) and as CSV. The CSV comes
 * from the API, which records the export in the audit trail; small counts are hidden in publication mode.
 */
export function Statistics() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  usePageTitle(t('stats.title'));
  const [report, setReport] = useState<Report>('files');
  const [rows, setRows] = useState<FileDimension>('office');
  const [columns, setColumns] = useState<FileDimension | null>(null);
  const [by, setBy] = useState<'office' | 'officer'>('office');
  const [publication, setPublication] = useState(false);

  const q = useQuery({
    queryKey: ['report', report, rows, columns, by, publication],
    queryFn: async (): Promise<Loaded> => {
      if (report === 'files' || report === 'overdue') {
        const query = { rows, columns: columns ?? undefined, publication };
        const r = await unwrap(report === 'files' ? api.GET('/reports/files', { params: { query } }) : api.GET('/reports/overdue', { params: { query } }));
        return { table: crossTable(r), chart: r.columns, refreshedAt: r.refreshedAt, suppressed: r.suppressed };
      }
      if (report === 'grant-rates') {
        const r = await unwrap(api.GET('/reports/grant-rates', { params: { query: { by, publication } } }));
        return { table: grantRatesTable(r), chart: ['grant_rate_percent'], refreshedAt: r.refreshedAt, suppressed: r.suppressed };
      }
      const r = await unwrap(api.GET('/reports/processing-times', { params: { query: { publication } } }));
      const table = processingTimesTable(r);
      return { table, chart: ['median_days', 'p90_days'], refreshedAt: r.refreshedAt, suppressed: r.suppressed };
    },
  });

  const csvPath = () => {
    const p = new URLSearchParams({ format: 'csv', publication: String(publication) });
    if (report === 'files' || report === 'overdue') {
      p.set('rows', rows);
      if (columns) p.set('columns', columns);
    }
    if (report === 'grant-rates') p.set('by', by);
    return `/reports/${report}?${p}`;
  };
  const chartTable: ReportTable | null = q.data
    ? report === 'processing-times'
      ? { columns: ['stage', ...q.data.table.columns.slice(3)], rows: q.data.table.rows.map((r) => [`${r[0]} · ${r[2]}`, ...r.slice(3)]) }
      : q.data.table
    : null;
  const chart = chartTable ? toChartData(chartTable, q.data!.chart) : null;
  const columnLabel = (c: string) => t(`stats.columns.${c}`, { defaultValue: humanize(c) });

  return (
    <Stack gap="md">
      <Title order={1}>{t('stats.title')}</Title>
      <Tabs value={report} onChange={(v) => v && setReport(v as Report)}>
        <Tabs.List aria-label={t('stats.choose')}>
          {REPORTS.map((r) => (
            <Tabs.Tab key={r} value={r} className="masar-touch">
              {t(`stats.reports.${r}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group align="flex-end" wrap="wrap">
        {(report === 'files' || report === 'overdue') && (
          <>
            <Select label={t('stats.rows')} value={rows} onChange={(v) => v && setRows(v as FileDimension)} data={FILE_DIMENSIONS.map((d) => ({ value: d, label: columnLabel(d) }))} allowDeselect={false} w={200} />
            <Select label={t('stats.across')} value={columns} onChange={(v) => setColumns(v as FileDimension | null)} data={FILE_DIMENSIONS.filter((d) => d !== rows).map((d) => ({ value: d, label: columnLabel(d) }))} clearable w={200} />
          </>
        )}
        {report === 'grant-rates' && (
          <Select label={t('stats.by')} value={by} onChange={(v) => v && setBy(v as 'office' | 'officer')} data={[{ value: 'office', label: columnLabel('office') }, { value: 'officer', label: columnLabel('officer') }]} allowDeselect={false} w={200} />
        )}
        <Switch label={t('stats.publication')} description={t('stats.publicationHint')} checked={publication} onChange={(e) => setPublication(e.currentTarget.checked)} />
      </Group>
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : q.data.table.rows.length === 0 ? (
        <Alert color="gray">{t('stats.empty')}</Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {q.data.refreshedAt ? t('stats.refreshed', { date: formatDate(q.data.refreshedAt, lang, true) }) : ''}
            {q.data.suppressed ? ` · ${t('stats.suppressed', { count: q.data.suppressed })}` : ''}
          </Text>
          {chart && chart.series.length > 0 && (
            <Card withBorder aria-hidden="true">
              {/* Hidden from assistive technology (the table says the same): so not focusable either (recharts' keyboard layer off). */}
              <BarChart accessibilityLayer={false} h={320} data={chart.data} dataKey={chart.key} series={chart.series.map((name, i) => ({ name, label: columnLabel(name), color: COLORS[i % COLORS.length]! }))} withLegend tickLine="y" />
            </Card>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void downloadTo(csvPath(), `masar-${report}.csv`).catch((e) => notify({ color: 'red', message: (e as Error).message }))}>
              {t('stats.csv')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={500}>
            <Table striped data-testid="report-table">
              <caption>
                <Text size="sm">{t(`stats.reports.${report}`)}</Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {q.data.table.columns.map((c) => (
                    <Table.Th key={c} scope="col">
                      {columnLabel(c)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.table.rows.map((r, i) => (
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

/**
 * `DATABASE_URL=... node -r @swc-node/register test/supervision/bench/supervision-scale.bench.ts`
 *
 * The supervision context's work on a campaign-sized database (seed one with `npm run seed:synthetic -- --files N`;
 * it writes a sampling run and refreshes the summaries, so use a database of its own): the time to refresh each
 * summary, to answer each report (the query the controller runs, from the summaries), to draw a week's quality
 * sample, and for the retention sweep to find nobody due (its full scan, nothing erased: the synthetic campaign is
 * months old). Prints one JSON line. The report queries are imported from their files: a bench, not a context.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@masar/audit';
import { CaseReporting, CaseStatistics } from '@masar/cases';
import { loadConfig } from '@masar/config';
import { Transactions } from '@masar/database';
import { DEFAULT_SUPERVISION_OPTIONS, DrawQualitySample, isoWeekOf, RefreshReportSummaries, RetentionSweep, suppressForPublication } from '@masar/supervision';
import { FilesReportQuery } from '../../../libs/supervision/src/reports/files-report.query';
import { GrantRatesQuery } from '../../../libs/supervision/src/reports/grant-rates.query';
import { ProcessingTimesQuery } from '../../../libs/supervision/src/reports/processing-times.query';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10, result };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test' });
  const ds = new DataSource({ type: 'postgres', url: config.database.url!, synchronize: false, entities: [] });
  await ds.initialize();
  const out: Record<string, unknown> = {};
  out.files = (await ds.query(`select count(*)::int as n from applications`))[0].n;
  out.historyRows = (await ds.query(`select count(*)::int as n from case_history`))[0].n;

  const statistics = new CaseStatistics(ds);
  const refresh = new RefreshReportSummaries(ds, statistics);
  const perSummary: Record<string, number> = {};
  const r = await timed(() => refresh.execute());
  for (const row of await ds.query(`select summary, duration_ms from report_refreshes`)) perSummary[row.summary] = row.duration_ms;
  out.refresh = { totalMs: r.ms, perSummaryMs: perSummary };
  out.summaryRows = Object.fromEntries(
    await Promise.all(['report_files_summary', 'report_decisions_summary', 'report_stage_durations'].map(async (v) => [v, (await ds.query(`select count(*)::int as n from ${v}`))[0].n])),
  );

  const all = { kind: 'all' as const };
  const files = new FilesReportQuery(ds, statistics);
  const rates = new GrantRatesQuery(ds, statistics);
  const times = new ProcessingTimesQuery(ds, statistics);
  const reports: Record<string, number> = {};
  const run = async (name: string, work: () => Promise<unknown>) => {
    await work(); // warm
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push((await timed(work)).ms);
    reports[name] = samples.sort((a, b) => a - b)[2]!;
  };
  await run('files office x state', () => files.execute(all, { measure: 'files', rows: 'office', columns: 'state' }));
  await run('files nationality x month (publication)', async () => suppressForPublication((await files.execute(all, { measure: 'files', rows: 'nationality', columns: 'month' })).table));
  await run('files category x kind', () => files.execute(all, { measure: 'files', rows: 'category', columns: 'kind' }));
  await run('overdue office x kind', () => files.execute(all, { measure: 'overdue', rows: 'office', columns: 'kind' }));
  await run('grant rates by office', () => rates.execute(all, { by: 'office' }));
  await run('grant rates by officer', () => rates.execute(all, { by: 'officer' }));
  await run('processing times', () => times.execute(all, { publication: true }));
  out.reportMedianMs = reports;

  const transactions = new Transactions(ds);
  const audit = new AuditTrail(ds);
  const week = isoWeekOf(new Date(Date.now() - 7 * 86_400_000));
  await ds.query(`delete from quality_samples where week = $1`, [week]);
  await ds.query(`delete from quality_sampling_runs where week = $1`, [week]);
  const draw = new DrawQualitySample(transactions, audit, DEFAULT_SUPERVISION_OPTIONS);
  const d = await timed(() => draw.execute({ week }));
  out.qualitySampling = { week, ms: d.ms, decisions: d.result.decisions, sampled: d.result.sampled };

  const sweep = new RetentionSweep(transactions, audit, {} as never, new CaseReporting(ds), {} as never, {} as never, {} as never, DEFAULT_SUPERVISION_OPTIONS);
  const s = await timed(() => sweep.execute(new Date()));
  out.retentionScan = { ms: s.ms, ...s.result };

  console.log(JSON.stringify(out));
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { DataSource } from 'typeorm';
import { CaseStatistics } from '@masar/cases';
import { dataSourceOptions } from '@masar/database';
import { RefreshReportSummaries } from '@masar/supervision';
import { fr } from '../../../apps/web/src/i18n/messages/fr';
import { USERS } from '../api';
import { checkAccessibility, expect, screenshot } from '../checks';
import type { TestCase, TestContext } from '../run';
import { shootOnFailure, signedIn } from './ui';

interface FilesReport {
  refreshedAt: string | null;
  rows: { key: string; label: string | null; total: number | null }[];
}

/**
 * The report summaries are materialised views refreshed by the worker's 'supervision.reports-refresh' job every
 * 10 minutes, and no HTTP route triggers it: the test runs that job's own use case on the stack's database.
 */
async function refreshReports(ctx: TestContext): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(ctx.stack.databaseUrl, 1)).initialize();
  try {
    const done = await new RefreshReportSummaries(ds, new CaseStatistics(ds)).execute();
    expect(!done.skipped && done.refreshed.length > 0, `the report summaries were not refreshed: ${JSON.stringify(done)}`);
  } finally {
    await ds.destroy();
  }
}

async function downloadText(page: import('playwright-core').Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const supervisorAudit: TestCase[] = [
  {
    name: 'supervisor audit: statistics drawn from real files (chart, table and CSV agree), then the file\'s audit events and an intact chain',
    run: async (ctx) => {
      const people = [
        { latinName: 'Fatou Sow', nationality: 'SN', sex: 'female', birthDate: { year: 1989 } },
        { latinName: 'Jean Mbarga', nationality: 'CM', sex: 'male', birthDate: { year: 1991 } },
        { latinName: 'Aminata Traoré', nationality: 'ML', sex: 'female', birthDate: { year: 1995 } },
      ];
      const files: { id: string; reference: string }[] = [];
      for (const p of people) files.push(await ctx.api.submittedFile(p));
      await refreshReports(ctx);
      const report = await ctx.api.call<FilesReport>(USERS.supervisor, 'GET', '/reports/files?rows=office');
      const counted = report.rows.filter((r) => r.total !== null && r.total > 0);
      expect(counted.length > 0 && counted.reduce((n, r) => n + (r.total ?? 0), 0) >= files.length, `the files report does not count the ${files.length} new files: ${JSON.stringify(report)}`);

      const sv = await signedIn(ctx.browser, ctx.stack.baseUrl, USERS.supervisor, 'fr');
      try {
        await shootOnFailure(sv.page, 'supervisor-statistics', async () => {
          const page = sv.page;
          await page.goto(`${ctx.stack.baseUrl}/app/statistics`);
          const table = page.getByTestId('report-table');
          await table.waitFor({ timeout: 20_000 });
          expect((await page.getByText(fr.stats.empty).count()) === 0, 'the statistics say there are no figures');
          // The same numbers in the table as the API gives, row by row.
          const rows = table.locator('tbody tr');
          expect((await rows.count()) === report.rows.length, `the table has ${await rows.count()} rows, the report ${report.rows.length}`);
          for (const r of counted) {
            const row = rows.filter({ hasText: r.label ?? r.key });
            expect((await row.count()) === 1, `no table row for ${r.label ?? r.key}`);
            const cells = await row.locator('td').allTextContents();
            expect(cells.some((c) => c.trim() === new Intl.NumberFormat('fr-MA').format(r.total!)), `the row of ${r.label ?? r.key} shows ${cells.join(' | ')}, not ${r.total}`);
          }
          // A chart is drawn: an svg with one bar per row that has a count.
          const bars = page.locator('.recharts-surface .recharts-bar-rectangle path');
          await bars.first().waitFor({ timeout: 15_000 });
          expect((await bars.count()) === counted.length, `the chart draws ${await bars.count()} bar(s) for ${counted.length} row(s) with files`);
          const heights = await bars.evaluateAll((els) => els.map((e) => (e as unknown as { getBBox(): { height: number } }).getBBox().height));
          expect(heights.every((h) => h > 0), `a bar has no height: ${heights.join(', ')}`);
          // The CSV has them too.
          const csv = await downloadText(page, fr.stats.csv);
          const lines = csv.split(/\r?\n/).map((l) => l.split(','));
          for (const r of counted) {
            const line = lines.find((l) => l[0] === r.key);
            expect(line && line.at(-1) === String(r.total), `the CSV has no line for ${r.key} with ${r.total}: ${csv.slice(0, 400)}`);
          }
          await checkAccessibility(page, 'statistics with figures (fr)');
          await screenshot(page, 'fr-statistics-figures');
        });

        await shootOnFailure(sv.page, 'supervisor-audit', async () => {
          const page = sv.page;
          const file = files[0]!;
          // The supervisor opens the file, so that its trail has a read by them too.
          await ctx.api.call(USERS.supervisor, 'GET', `/applications/${file.id}`);
          await page.goto(`${ctx.stack.baseUrl}/app/audit`);
          await page.getByTestId('audit-events').waitFor({ timeout: 15_000 });
          const form = page.getByRole('form', { name: fr.audit.search });
          // By the reference on the receipt, typed as a person reads it out: lower case, spaces for dashes.
          const typed = file.reference.toLowerCase().replace(/-/g, ' ');
          await form.getByLabel(fr.audit.fileReference).fill(typed);
          const searched = page.waitForResponse((r) => r.url().includes('/audit/events') && new URL(r.url()).searchParams.get('reference') === typed);
          await form.getByRole('button', { name: fr.audit.search }).click();
          const answer = (await (await searched).json()) as { events: { applicationId: string | null; applicationReference: string | null; action: string }[] };
          expect(
            answer.events.length > 0 && answer.events.every((e) => e.applicationId === file.id && e.applicationReference === file.reference),
            `the search by reference ${file.reference} gave ${JSON.stringify(answer.events.slice(0, 3))}`,
          );
          const rows = page.getByTestId('audit-events').locator('tbody tr');
          await rows.filter({ hasText: 'case.read' }).first().waitFor({ timeout: 10_000 });
          expect((await rows.filter({ hasText: file.reference }).count()) === answer.events.length, `not every row shows the file's reference ${file.reference}`);
          expect((await rows.count()) === answer.events.length, `the table shows ${await rows.count()} events, the API gave ${answer.events.length}`);
          await page.getByRole('button', { name: fr.audit.verify }).click();
          const verdict = page.getByTestId('audit-verification');
          await verdict.waitFor({ timeout: 30_000 });
          expect((await verdict.textContent())?.includes(fr.audit.intact), `the chain is not reported intact: ${await verdict.textContent()}`);
          await checkAccessibility(page, 'audit trail of one file (fr)');
          await screenshot(page, 'fr-audit-file');
        });
      } finally {
        await sv.context.close();
      }
    },
  },
];

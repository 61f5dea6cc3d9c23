import type { RefreshReportSummaries } from './reports/refresh-report-summaries.use-case';
import type { RetentionSweep } from './retention/retention-sweep.use-case';
import type { DrawQualitySample } from './sampling/draw-quality-sample.use-case';
import { SupervisionProcessor } from './supervision.processor';

describe('the supervision queue processor', () => {
  const calls: string[] = [];
  const processor = new SupervisionProcessor(
    { execute: async () => (calls.push('refresh'), { refreshed: [], skipped: false }) } as unknown as RefreshReportSummaries,
    { execute: async (input: { week?: string }) => (calls.push(`sampling:${input.week ?? 'previous'}`), { week: input.week ?? 'x', drawn: true, decisions: 0, sampled: 0 }) } as unknown as DrawQualitySample,
    { execute: async () => (calls.push('retention'), { personsErased: 0, filesErased: 0, blobsDeleted: 0 }) } as unknown as RetentionSweep,
  );

  it('runs each of the three scheduled jobs by its name, with the week a sampling job names', async () => {
    await processor.process({ name: 'supervision.reports-refresh', id: '1', data: {} });
    await processor.process({ name: 'supervision.quality-sampling', id: '2', data: {} });
    await processor.process({ name: 'supervision.quality-sampling', id: '3', data: { week: '2026-W40' } });
    await processor.process({ name: 'supervision.retention-sweep', id: '4', data: {} });
    expect(calls).toEqual(['refresh', 'sampling:previous', 'sampling:2026-W40', 'retention']);
  });

  it('fails a job of another name instead of pretending it done', async () => {
    await expect(processor.process({ name: 'audit.checkpoint', id: '5', data: {} })).rejects.toThrow(/supervision queue runs only/);
  });
});

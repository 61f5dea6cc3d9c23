import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { configureQueueBackend } from '@masar/queue';
import { createTestApp, type TestApp } from '@masar/testing';
import { previousIsoWeek } from '@masar/supervision';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { days, FileBuilder } from './support/file-builder';

const CW = 'caseworker.rabat@masar.example';

/** The real worker process runs the three supervision jobs from its 'supervision' queue. */
describe('supervision jobs in the worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const schedules = process.env.MASAR_SCHEDULES;

  beforeAll(async () => {
    process.env.MASAR_SCHEDULES = 'off';
    t = await createTestApp();
    const backend = configureQueueBackend({ redisUrl: t.config.queue.redisUrl, databaseUrl: t.config.database.url!, prefix: t.config.queue.prefix });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, backend), { logger: ['error', 'warn'] });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (schedules === undefined) delete process.env.MASAR_SCHEDULES;
    else process.env.MASAR_SCHEDULES = schedules;
  });

  const eventually = async <T>(probe: () => Promise<T>, done: (v: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 30_000;
    let v = await probe();
    while (!done(v) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      v = await probe();
    }
    return v;
  };

  it('refreshes the summaries, draws the week and sweeps retention when the jobs arrive', async () => {
    const b = new FileBuilder(t.dataSource, t.staff.offices, t.staff.users[CW]!);
    const longAgo = days(-7 * 366, new Date());
    const person = await b.person();
    await b.file({ applicantId: person, office: 'RAB', state: 'closed', final: true, history: [['open', 'draft', days(-1, longAgo)], ['close', 'closed', longAgo]] });
    const started = new Date();

    const queue = worker.get<Queue>(getQueueToken('supervision'), { strict: false });
    await queue.add('supervision.reports-refresh', {});
    await queue.add('supervision.quality-sampling', {});
    await queue.add('supervision.retention-sweep', {});

    const refreshed = await eventually(
      async () => (await t.dataSource.query(`select min(refreshed_at) as at from report_refreshes`))[0].at as Date,
      (at) => at.getTime() >= started.getTime() - 1000,
    );
    expect(refreshed.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    const week = previousIsoWeek(new Date());
    const runs = await eventually(async () => t.dataSource.query(`select week from quality_sampling_runs`), (r) => r.length > 0);
    expect(runs).toEqual([{ week }]);
    const erased = await eventually(async () => t.dataSource.query(`select applicant_id from retention_erasures`), (r) => r.length > 0);
    expect(erased).toEqual([{ applicant_id: person }]);
    // The refreshed summary counts the file.
    expect((await t.dataSource.query(`select sum(files)::int as n from report_files_summary`))[0].n).toBe(1);
  });
});

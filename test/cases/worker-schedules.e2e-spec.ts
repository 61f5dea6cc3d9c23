import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { configureQueueBackend } from '@masar/queue';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { SCHEDULES, Schedules } from '../../apps/worker/src/schedules';
import { createCasesTestApp, type CasesTestApp } from './support/cases-test-app';

/**
 * The worker's job schedules survive a queue store that lost them (Redis stopped with `shutdown nosave`): each
 * worker looks again on a timer and puts back only what is missing.
 */
describe('job schedules a queue lost', () => {
  let t: CasesTestApp;
  let worker: INestApplicationContext;
  const saved = { schedules: process.env.MASAR_SCHEDULES, check: process.env.MASAR_SCHEDULES_CHECK_MS };

  beforeAll(async () => {
    delete process.env.MASAR_SCHEDULES;
    process.env.MASAR_SCHEDULES_CHECK_MS = '300';
    t = await createCasesTestApp();
    const backend = configureQueueBackend({ redisUrl: t.config.queue.redisUrl, databaseUrl: t.config.database.url!, prefix: t.config.queue.prefix });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, backend), { logger: ['error'] });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    for (const [k, v] of [['MASAR_SCHEDULES', saved.schedules], ['MASAR_SCHEDULES_CHECK_MS', saved.check]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const queue = (name: string) => worker.get<Queue>(getQueueToken(name), { strict: false });

  it('are put back by the timer, and those present are left as they were', async () => {
    for (const s of SCHEDULES) expect(await queue(s.queue).getJobScheduler(s.id)).toBeDefined();
    // Those present are not upserted again (an upsert would move their next run).
    const upserts = jest.spyOn(queue('audit'), 'upsertJobScheduler');
    await queue('cases').removeJobScheduler('deadlines-sweep');
    await queue('supervision').removeJobScheduler('retention-sweep');
    // The documents redrive has no other way back (its per-worker timer is gone): its scheduler must be restored.
    await queue('documents').removeJobScheduler('documents-redrive');
    expect(await queue('cases').getJobScheduler('deadlines-sweep')).toBeUndefined();

    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await queue('cases').getJobScheduler('deadlines-sweep'))) await new Promise((r) => setTimeout(r, 100));
    expect(await queue('cases').getJobScheduler('deadlines-sweep')).toMatchObject({ every: 5 * 60_000 });
    expect(await queue('supervision').getJobScheduler('retention-sweep')).toBeDefined();
    expect(await queue('documents').getJobScheduler('documents-redrive')).toMatchObject({ every: 5 * 60_000 });
    expect(await worker.get(Schedules).restoreMissing()).toEqual([]);
    expect(upserts).not.toHaveBeenCalled();
  });
});

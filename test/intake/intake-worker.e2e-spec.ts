import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureQueueBackend } from '@masar/queue';
import { createTestApp, describeWithRedis, type TestApp } from '@masar/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { csv, multipart, person } from './support';

/**
 * With the real worker process module on Redis: the upload's 'intake.import' job (queued at once, and by the
 * outbox relay with the same id) is run by the 'intake' processor chunk by chunk until the batch is complete.
 */
describeWithRedis('the intake.import job in the worker', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const env = { MASAR_SCHEDULES: process.env.MASAR_SCHEDULES, INTAKE_CHUNK_ROWS: process.env.INTAKE_CHUNK_ROWS };

  beforeAll(async () => {
    process.env.MASAR_SCHEDULES = 'off';
    process.env.INTAKE_CHUNK_ROWS = '500';
    t = await createTestApp({ queue: 'redis' });
    const backend = configureQueueBackend({ redisUrl: t.config.queue.redisUrl, databaseUrl: t.config.database.url!, prefix: t.config.queue.prefix });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config, backend), { logger: ['error', 'warn'] });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('imports an uploaded batch to completion, in chunks, each line once', async () => {
    const { payload, headers } = await multipart(csv(Array.from({ length: 2100 }, (_, i) => person(i))));
    const res = await t.app.inject({ method: 'POST', url: '/intake/batches', headers: { ...headers, ...(await t.as('supervisor.rabat@masar.example')) }, payload });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    const deadline = Date.now() + 120_000;
    let batch: { status: string; counts: { imported: number; forReview: number; pending: number } } = res.json();
    while (batch.status !== 'completed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      batch = (await t.app.inject({ method: 'GET', url: `/intake/batches/${id}`, headers: await t.as('supervisor.rabat@masar.example') })).json();
    }
    expect(batch.status).toBe('completed');
    expect(batch.counts.imported + batch.counts.forReview).toBe(2100);
    expect(batch.counts.pending).toBe(0);
    const [{ chunks_done }] = await t.dataSource.query(`select chunks_done from intake_batches where id = $1`, [id]);
    expect(chunks_done).toBe(5);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from intake_results where batch_id = $1`, [id]);
    expect(n).toBe(2100);
  }, 180_000);
});

import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { ImportBatch, type IntakeProcessor, MAX_SWEEP_REQUEUES, SweepStalledBatches } from '@masar/intake';
import { createTestApp, type TestApp } from '@masar/testing';
import { csv, importJob, intakeProcessor, person, uploadBatch } from './support';

const CW_RABAT = 'caseworker.rabat@masar.example';
const HOUR = 3600_000;

/**
 * The sweep of batches left `importing` with nobody to go on with them (the job's retries spent while PostgreSQL
 * was down, so the batch could not be marked failed), on the real database and the real 'intake' queue: such a
 * batch is re-queued (a new job, audited) and its import goes on after the last committed chunk, each row once;
 * after MAX_SWEEP_REQUEUES it is failed as worker-lost; a batch with a live job, recent progress or a chunk being
 * written is left alone; two sweeps at once act once.
 */
describe('campaign intake: the sweep of stalled batches', () => {
  let t: TestApp;
  let importer: ImportBatch;
  let sweep: SweepStalledBatches;
  let processor: IntakeProcessor;
  let queue: Queue;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(ImportBatch);
    sweep = t.app.get(SweepStalledBatches);
    processor = intakeProcessor(t, importer);
    queue = t.app.get<Queue>(getQueueToken('intake'));
  });
  afterAll(async () => t?.close());

  const upload = (n: number, from: number) => uploadBatch(t, csv(Array.from({ length: n }, (_, i) => person(from + i))), CW_RABAT);
  /** What a job whose retries ran out while the database was down leaves: no job that will run, no progress for an hour. */
  async function orphan(id: string): Promise<void> {
    await (await queue.getJob(id))?.remove();
    await t.dataSource.query(`update intake_batches set progress_at = now() - interval '1 hour' where id = $1`, [id]);
  }
  const batch = async (id: string) => (await t.dataSource.query(`select status, failure_code, requeued_count, rows_imported, progress_at from intake_batches where id = $1`, [id]))[0];
  const audits = async (action: string, id: string) => Number((await t.dataSource.query(`select count(*) as n from audit_events where action = $1 and subject_id = $2`, [action, id]))[0].n);

  it('leaves a batch with a live job or recent progress alone, re-queues one with neither, and its import goes on with each row once', async () => {
    const id = await upload(25, 600);
    expect(await importer.step(id, 10)).toMatchObject({ rows: 10, imported: 10, done: false });
    // Its upload's job still waits in the queue: no progress for an hour is not enough.
    await t.dataSource.query(`update intake_batches set progress_at = now() - interval '1 hour' where id = $1`, [id]);
    expect(await queue.getJob(id)).toBeDefined();
    expect((await sweep.run(HOUR / 2)).requeued).not.toContain(id);
    await orphan(id);
    // Progress more recent than the threshold: left alone.
    expect((await sweep.run(2 * HOUR)).requeued).not.toContain(id);

    const swept = await sweep.run(HOUR / 2);
    expect(swept.requeued).toContain(id);
    expect(swept.failed).not.toContain(id);
    expect(await batch(id)).toMatchObject({ status: 'importing', requeued_count: 1, rows_imported: 10 });
    expect(await audits('intake.batch_requeued', id)).toBe(1);
    const [message] = await t.dataSource.query(`select id from outbox_messages where job_name = 'intake.import' and payload->>'batchId' = $1 and id <> $1::uuid`, [id]);
    expect(message).toBeDefined();
    expect((await queue.getJob(message.id))?.data).toEqual({ batchId: id });
    // Swept again at once: the new job is live and the progress fresh; nothing more.
    expect((await sweep.run(HOUR / 2)).requeued).not.toContain(id);
    expect(await audits('intake.batch_requeued', id)).toBe(1);

    await processor.process({ ...importJob(id), id: message.id });
    expect(await batch(id)).toMatchObject({ status: 'completed', rows_imported: 25 });
    const [{ lines, distinct }] = await t.dataSource.query(`select count(*)::int as lines, count(distinct application_id)::int as distinct from intake_results where batch_id = $1`, [id]);
    expect({ lines, distinct }).toEqual({ lines: 25, distinct: 25 });
    expect(await audits('intake.batch_imported', id)).toBe(1);
  });

  it('fails a batch as worker-lost once its re-queues are spent, audited once, and it can be resumed', async () => {
    const id = await upload(3, 700);
    await orphan(id);
    await t.dataSource.query(`update intake_batches set requeued_count = $2 where id = $1`, [id, MAX_SWEEP_REQUEUES]);
    const swept = await sweep.run(HOUR / 2);
    expect(swept.failed).toContain(id);
    expect(await batch(id)).toMatchObject({ status: 'failed', failure_code: 'INTAKE_IMPORT_WORKER_LOST' });
    expect(await audits('intake.batch_failed', id)).toBe(1);
    expect((await sweep.run(HOUR / 2)).failed).not.toContain(id);
    expect(await audits('intake.batch_failed', id)).toBe(1);
    const resumed = await t.app.inject({ method: 'POST', url: `/intake/batches/${id}/resume`, headers: await t.as(CW_RABAT) });
    expect(resumed.statusCode).toBe(202);
    // The resume is progress: the sweep does not take the batch again at once.
    expect((await sweep.run(HOUR / 2)).failed).not.toContain(id);
  });

  it('skips a batch whose chunk is being written, and two sweeps at once act once', async () => {
    const busy = await upload(2, 800);
    await orphan(busy);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // As ImportBatch.step holds it for a chunk.
      await runner.query(`select id from intake_batches where id = $1 for update`, [busy]);
      const swept = await sweep.run(HOUR / 2);
      expect([...swept.requeued, ...swept.failed]).not.toContain(busy);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }

    const twice = await upload(2, 900);
    await orphan(twice);
    const [a, b] = await Promise.all([sweep.run(HOUR / 2), sweep.run(HOUR / 2)]);
    expect([...a.requeued, ...b.requeued].filter((x) => x === twice)).toHaveLength(1);
    expect(await batch(twice)).toMatchObject({ status: 'importing', requeued_count: 1 });
    expect(await audits('intake.batch_requeued', twice)).toBe(1);
  });
});

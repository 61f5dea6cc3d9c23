import { startNode, type NodeProcess } from '../../bench/lib/proc';
import { productionEnv } from '../../bench/lib/services';
import { createTestApp, describeWithRedis, type TestApp } from '@masar/testing';
import { csv, multipart, person } from './support';

/**
 * A worker process SIGKILLed in the middle of a batch, on Redis: the chunk it was writing rolls back with its
 * transaction, its job's lock expires, and the next worker (here a restarted one) takes the job over and goes on
 * after the last committed line, without anyone's help. Every line ends with one result, every file is made once.
 */
describeWithRedis('a worker killed in the middle of an import', () => {
  let t: TestApp;
  const workers: NodeProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp({ queue: 'redis' });
  });
  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL').catch(() => undefined);
    await t?.close();
  });

  const startWorker = async (name: string) => {
    const w = await startNode(name, 'apps/worker/src/main.ts', {
      env: productionEnv(t.config.database.url!, {
        REDIS_URL: t.config.queue.redisUrl!,
        QUEUE_PREFIX: t.config.queue.prefix,
        MASAR_SCHEDULES: 'off',
        INTAKE_CHUNK_ROWS: '200',
        LOG_LEVEL: 'info',
      }),
      ready: /worker started/,
      timeoutMs: 120_000,
    });
    workers.push(w);
    return w;
  };
  const batchRow = async (id: string) =>
    (await t.dataSource.query(`select status, chunks_done, rows_imported + rows_for_review as handled from intake_batches where id = $1`, [id]))[0] as { status: string; chunks_done: number; handled: number };
  const waitFor = async (what: () => Promise<boolean>, ms: number) => {
    const until = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > until) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return true;
  };

  it('goes on by itself after the last committed chunk, each line once', async () => {
    const rows = 3000;
    const { payload, headers } = await multipart(csv(Array.from({ length: rows }, (_, i) => person(5000 + i))));
    const res = await t.app.inject({ method: 'POST', url: '/intake/batches', headers: { ...headers, ...(await t.as('caseworker.rabat@masar.example')) }, payload });
    expect(res.statusCode).toBe(202);
    const id: string = res.json().id;

    const first = await startWorker('intake-kill-0');
    expect(await waitFor(async () => (await batchRow(id)).chunks_done >= 2, 120_000)).toBe(true);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await batchRow(id);
    expect(atKill.status).toBe('importing');
    expect(atKill.handled).toBeLessThan(rows);

    // Restarted: nobody resumes the batch by hand. The job's lock expires (30 s) and the new worker takes it over.
    await startWorker('intake-kill-1');
    expect(await waitFor(async () => (await batchRow(id)).status === 'completed', 240_000)).toBe(true);
    const done = await batchRow(id);
    expect(done.handled).toBe(rows);
    // 15 chunks of 200, each committed once: the chunk the killed worker was writing left nothing.
    expect(done.chunks_done).toBe(rows / 200);
    const [counts] = await t.dataSource.query(
      `select count(*)::int as results, count(distinct application_id)::int as files, count(application_id)::int as imported from intake_results where batch_id = $1`,
      [id],
    );
    expect(counts.results).toBe(rows);
    expect(counts.files).toBe(counts.imported);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from audit_events where action = 'case.registered_in_bulk' and details->>'intakeBatchId' = $1`, [id]);
    expect(n).toBe(counts.imported);
    const [{ made }] = await t.dataSource.query(`select count(*)::int as made from case_history where data->>'intakeBatchId' = $1`, [id]);
    expect(made).toBe(counts.imported);
  }, 420_000);
});

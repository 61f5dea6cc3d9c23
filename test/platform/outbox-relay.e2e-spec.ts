import { getQueueToken } from '@nestjs/bullmq';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { ConfigModule, type MasarConfig } from '@masar/config';
import { DatabaseModule, Transactions } from '@masar/database';
import { Outbox, OutboxModule, OutboxRelay } from '@masar/outbox';
import { configureQueueBackend, QueueModule, type QueueBackend } from '@masar/queue';
import { createTestDatabase, QUEUE_BACKENDS, redisUrlForTests, testConfig, type TestDatabase } from '@masar/testing';

@Module({})
class RelayHostModule {
  static forRoot(config: MasarConfig, backend: QueueBackend): DynamicModule {
    return {
      module: RelayHostModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(backend), OutboxModule.withRelay()],
    };
  }
}

async function boot(db: TestDatabase, queue: 'redis' | 'postgres', redisUrl?: string) {
  process.env.MASAR_OUTBOX_RELAY = 'off';
  const config = testConfig(db.url, queue, redisUrl ? { REDIS_URL: redisUrl } : {});
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: db.url, prefix: config.queue.prefix });
  const ctx = await NestFactory.createApplicationContext(RelayHostModule.forRoot(config, backend), { logger: false });
  return {
    ctx,
    outbox: ctx.get(Outbox),
    relay: ctx.get(OutboxRelay),
    tx: ctx.get(Transactions),
    ds: ctx.get(DataSource),
    documents: ctx.get<Queue>(getQueueToken('documents')),
    notifications: ctx.get<Queue>(getQueueToken('notifications')),
  };
}

const pending = async (ds: DataSource) => (await ds.query(`select count(*)::int as n from outbox_messages where sent_at is null`))[0].n as number;

describe.each(QUEUE_BACKENDS)('the transactional outbox on the %s backend', (queue) => {
  const available = queue === 'postgres' || !!redisUrlForTests();
  (available ? describe : describe.skip)(queue, () => {
    let db: TestDatabase;
    let h: Awaited<ReturnType<typeof boot>>;
    beforeAll(async () => {
      db = await createTestDatabase();
      h = await boot(db, queue);
    });
    afterAll(async () => {
      await h.ctx.close();
      await db.drop();
    });

    it('writes nothing when the transaction rolls back, and every message of a commit', async () => {
      await expect(
        h.tx.run(async (m) => {
          await h.outbox.add(m, 'documents.check', { documentId: 'rolled-back' });
          throw new Error('the use case failed');
        }),
      ).rejects.toThrow('the use case failed');
      const ids = await h.tx.run((m) =>
        h.outbox.addMany(m, [
          ...Array.from({ length: 30 }, (_, i) => ({ name: 'documents.check' as const, payload: { documentId: `doc-${i}` } })),
          ...Array.from({ length: 20 }, (_, i) => ({ name: 'notifications.dispatch' as const, payload: { notificationId: `n-${i}` } })),
        ]),
      );
      expect(ids).toHaveLength(50);
      expect(await pending(h.ds)).toBe(50);
    });

    it('publishes each message once, with the outbox id as the job id, and marks it sent', async () => {
      const published = await h.relay.drainOnce();
      expect(published).toBe(50);
      expect(await pending(h.ds)).toBe(0);
      expect(await h.relay.drainOnce()).toBe(0);
      const rows: { id: string; job_name: string }[] = await h.ds.query(`select id, job_name from outbox_messages`);
      for (const r of rows.slice(0, 10)) {
        const q = r.job_name.startsWith('documents') ? h.documents : h.notifications;
        const job = await q.getJob(r.id);
        expect(job?.name).toBe(r.job_name);
      }
      const counts = await h.documents.getJobCounts('waiting', 'delayed', 'active', 'completed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(30);
    });

    it('keeps one row and one job for a message written twice with the same id', async () => {
      const id = '11111111-2222-4333-8444-555555555555';
      await h.tx.run((m) => h.outbox.add(m, 'documents.check', { documentId: 'twice' }, { id }));
      await h.tx.run((m) => h.outbox.add(m, 'documents.check', { documentId: 'twice' }, { id }));
      expect((await h.ds.query(`select count(*)::int as n from outbox_messages where id = $1`, [id]))[0].n).toBe(1);
      await h.relay.drainOnce();
      // Published again (a relay killed between publishing and marking): still one job.
      await h.ds.query(`update outbox_messages set sent_at = null where id = $1`, [id]);
      await h.relay.drainOnce();
      const counts = await h.documents.getJobCounts('waiting', 'delayed', 'active', 'completed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(31);
    });

    it('holds a delayed message until its time', async () => {
      await h.tx.run((m) => h.outbox.add(m, 'cases.deadlines.sweep', {}, { availableAt: new Date(Date.now() + 3_600_000) }));
      expect(await h.relay.drainOnce()).toBe(0);
      expect(await pending(h.ds)).toBe(1);
    });

    it('relays by itself within moments of a commit when running', async () => {
      await h.ds.query(`delete from outbox_messages where sent_at is null`);
      h.relay.start();
      try {
        await h.tx.run((m) => h.outbox.add(m, 'notifications.dispatch', { notificationId: 'live' }));
        const deadline = Date.now() + 5000;
        while ((await pending(h.ds)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(await pending(h.ds)).toBe(0);
      } finally {
        await h.relay.stop();
      }
    });
  });
});

/** A Redis of the test's own, so that stopping it disturbs nobody else. */
function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    p.on('error', reject);
    p.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve(p);
    });
  });
}

(redisUrlForTests() ? describe : describe.skip)('the outbox while Redis is down', () => {
  it('keeps the rows while the queue is unreachable and delivers them all once it returns', async () => {
    const port = 16390 + Math.floor(Math.random() * 500);
    let redis = await startRedis(port);
    const db = await createTestDatabase();
    const h = await boot(db, 'redis', `redis://127.0.0.1:${port}`);
    h.relay.publishTimeoutMs = 1000;
    try {
      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      await h.tx.run((m) => h.outbox.addMany(m, Array.from({ length: 25 }, (_, i) => ({ name: 'documents.check' as const, payload: { documentId: `d${i}` } }))));
      await expect(h.relay.drainOnce()).rejects.toThrow();
      expect(await pending(h.ds)).toBe(25);

      redis = await startRedis(port);
      let published = 0;
      const deadline = Date.now() + 20_000;
      while (published < 25 && Date.now() < deadline) {
        published += await h.relay.drainOnce().catch(() => 0);
        if (published < 25) await new Promise((r) => setTimeout(r, 200));
      }
      expect(published).toBe(25);
      expect(await pending(h.ds)).toBe(0);
      const counts = await h.documents.getJobCounts('waiting', 'delayed', 'active', 'completed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(25);
    } finally {
      await h.ctx.close();
      redis.kill('SIGKILL');
      await db.drop();
    }
  });
});

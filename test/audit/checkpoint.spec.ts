import { getQueueToken } from '@nestjs/bullmq';
import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig, type MasarConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { configureQueueBackend, QueueModule } from '@masar/queue';
import { describeWithRedis, redisUrlForTests } from '@masar/testing';
import { AUDIT_CHECKPOINT_JOB, AuditCheckpointProcessor, AuditTrail, AuditWorkerModule, PublishAuditCheckpoint, verifyAuditChain } from '@masar/audit';
import { createAuditDatabase, openDataSource, type TestDatabase } from './support/audit-database';
import { anAuditEvent } from './support/audit-events';

const KEY = randomBytes(32);

/** Keeps what the checkpoint publisher logs, to check that the head leaves the database in a log line. */
class LogCapture implements LoggerService {
  readonly lines: unknown[] = [];
  log(message: unknown) {
    this.lines.push(message);
  }
  error() {}
  warn() {}
  debug() {}
  verbose() {}
}

describe('audit checkpoints', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let publish: PublishAuditCheckpoint;
  let logs: LogCapture;

  beforeAll(async () => {
    db = await createAuditDatabase();
    ds = await openDataSource(db.url, 4);
    publish = new PublishAuditCheckpoint(ds, { crypto: { auditSigningKeys: { default: KEY }, auditSigningKeyId: 'default' } } as unknown as MasarConfig);
  });
  beforeEach(() => {
    logs = new LogCapture();
    Logger.overrideLogger(logs);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const checkpoints = () => ds.query('select seq::text as seq, head_hash, signature from audit_checkpoints c order by c.seq');

  it('publishes nothing for an empty chain', async () => {
    expect(await publish.execute()).toBeNull();
    expect(await checkpoints()).toEqual([]);
  });

  it('signs the head, stores it and writes it to the log; a second run for the same head adds no row', async () => {
    const trail = new AuditTrail(ds);
    for (let i = 0; i < 11; i++) await trail.recordNow(anAuditEvent());
    const [head] = await ds.query('select hash from audit_events where seq = 11');

    const first = await publish.execute();
    expect(first).toMatchObject({ seq: '11', headHash: head.hash, written: true });
    expect(logs.lines).toContainEqual({ auditCheckpoint: first });

    const again = await publish.execute(new Date(Date.now() + 60_000));
    expect(again).toEqual({ ...first, written: false });
    expect(await checkpoints()).toEqual([{ seq: '11', head_hash: head.hash, signature: first!.signature }]);
    expect(await verifyAuditChain(ds, { signingKey: KEY })).toMatchObject({ ok: true, checkpointsChecked: 1 });
    // Signed with another key, the same checkpoint does not verify.
    expect((await verifyAuditChain(ds, { signingKey: randomBytes(32) })).firstBreak).toMatchObject({ kind: 'checkpoint_forged', seq: '11' });
  });

  it('runs as the audit checkpoint job and refuses a job that is not its own', async () => {
    await new AuditTrail(ds).recordNow(anAuditEvent());
    expect((await verifyAuditChain(ds, { signingKey: KEY })).uncoveredSince).toMatchObject({ seq: '12' });
    const processor = new AuditCheckpointProcessor(publish);
    expect(await processor.process({ name: AUDIT_CHECKPOINT_JOB, id: '1' })).toEqual({ seq: '12', written: true });
    await expect(processor.process({ name: 'supervision.retention-sweep', id: '2' })).rejects.toThrow(/runs only audit.checkpoint/);
    expect((await verifyAuditChain(ds, { signingKey: KEY })).uncoveredSince).toBeNull();
  });
});

describeWithRedis('AuditWorkerModule on a real queue', () => {
  const redisUrl = redisUrlForTests()!;
  let db: TestDatabase;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createAuditDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('processes the checkpoint job into a signed checkpoint', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: redisUrl, AUDIT_SIGNING_KEY: KEY.toString('base64') });
    const backend = configureQueueBackend({ redisUrl, databaseUrl: db.url, prefix: `audit-test-${randomBytes(4).toString('hex')}` });
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(backend), AuditWorkerModule] })
    class TestWorker {}
    const writer = await openDataSource(db.url, 2);
    const trail = new AuditTrail(writer);
    for (let i = 0; i < 3; i++) await trail.recordNow(anAuditEvent());
    await writer.destroy();

    const app = await NestFactory.createApplicationContext(TestWorker, { logger: false });
    try {
      const maintenance = app.get<Queue>(getQueueToken('audit'));
      await maintenance.add(AUDIT_CHECKPOINT_JOB, {});

      const ds = app.get(DataSource);
      let rows: { seq: string }[] = [];
      for (let waited = 0; waited < 15_000 && rows.length === 0; waited += 100) {
        rows = await ds.query('select seq::text as seq from audit_checkpoints');
        if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(rows).toEqual([{ seq: '3' }]);
      expect(await verifyAuditChain(ds, { signingKey: KEY })).toMatchObject({ ok: true, checkpointsChecked: 1 });
      await maintenance.obliterate({ force: true });
    } finally {
      await app.close();
    }
  }, 60_000);
});

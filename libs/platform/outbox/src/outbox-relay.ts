import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MASAR_CONFIG, type MasarConfig } from '@masar/config';
import { QUEUES, type QueueName } from '@masar/queue';
import { Inject } from '@nestjs/common';

interface Row {
  id: string;
  job_name: string;
  queue: QueueName;
  payload: Record<string, unknown>;
  available_at: Date;
}

export const OUTBOX_CHANNEL = 'masar_outbox';

/** Every queue of the catalogue, by name (provided by OutboxModule.withRelay). */
export const OUTBOX_QUEUES = Symbol('OUTBOX_QUEUES');

/**
 * Publishes outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of relays (one per
 * worker process) share the work; the outbox id is the job id, so a row published twice (a relay killed between
 * publishing and marking) is still one job. When the queue does not answer, the transaction rolls back and the
 * rows wait for the next attempt.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues: Record<QueueName, Queue>;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private listener: Client | null = null;
  private failures = 0;
  batchSize = 200;
  publishTimeoutMs = 5000;
  idlePollMs = 1000;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MASAR_CONFIG) private readonly config: MasarConfig,
    @Inject(OUTBOX_QUEUES) queues: Record<QueueName, Queue>,
  ) {
    this.queues = queues;
    for (const q of QUEUES) if (!this.queues[q]) throw new Error(`outbox relay has no queue ${q}`);
  }

  onApplicationBootstrap(): void {
    if (process.env.MASAR_OUTBOX_RELAY === 'off') return;
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Publish what is due now; returns the number of rows published. Exposed for tests and benchmarks. */
  async drainOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Row[] = await manager.query(
        `select id, job_name, queue, payload, available_at from outbox_messages
          where sent_at is null and available_at <= now()
          order by created_at, id limit $1 for update skip locked`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, Row[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      try {
        await withTimeout(
          Promise.all(
            [...byQueue].map(([queue, list]) =>
              this.queues[queue].addBulk(list.map((r) => ({ name: r.job_name, data: r.payload, opts: { jobId: r.id } }))),
            ),
          ),
          this.publishTimeoutMs,
        );
      } catch (err) {
        // Keep the rows for a later attempt; record why in a separate statement after rollback.
        throw new PublishFailed(rows.map((r) => r.id), err);
      }
      await manager.query(`update outbox_messages set sent_at = now(), attempts = attempts + 1 where id = any($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.drainOnce();
        this.failures = 0;
      } catch (err) {
        this.failures++;
        const ids = err instanceof PublishFailed ? err.ids : [];
        const cause = err instanceof PublishFailed ? err.cause : err;
        this.logger.warn({ err: cause, pending: ids.length, failures: this.failures }, 'outbox relay could not publish; rows kept');
        if (ids.length) {
          await this.dataSource
            .query(`update outbox_messages set attempts = attempts + 1, last_error = $2 where id = any($1::uuid[])`, [ids, String((cause as Error)?.message ?? cause).slice(0, 500)])
            .catch(() => undefined);
        }
      }
      if (published >= this.batchSize) continue;
      const backoff = this.failures ? Math.min(10000, 250 * 2 ** Math.min(this.failures, 6)) : this.idlePollMs;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** LISTEN for new rows so that a submission is relayed within milliseconds, not at the next poll. */
  private async listen(): Promise<void> {
    while (this.running && !this.listener) {
      const client = new Client({ connectionString: this.config.database.url });
      try {
        client.on('error', () => undefined);
        client.on('end', () => {
          if (this.listener === client) this.listener = null;
          if (this.running) setTimeout(() => void this.listen(), 1000);
        });
        await client.connect();
        await client.query(`listen ${OUTBOX_CHANNEL}`);
        client.on('notification', () => this.wake?.());
        this.listener = client;
      } catch {
        await client.end().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }
}

class PublishFailed extends Error {
  constructor(readonly ids: string[], override readonly cause: unknown) {
    super('publish failed');
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

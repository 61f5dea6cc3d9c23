import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';

/** Connections per bullmq Queue or Worker on the PostgreSQL backend (see configureQueueBackend). */
export const PG_QUEUE_POOL_MAX = 3;

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueBackend {
  kind: QueueBackendKind;
  /** What to pass as `connection` to every Queue and Worker. */
  connection: ConnectionOptions;
  prefix: string;
}

/**
 * Selects the process-wide bullmq backend. Must run before any Queue or Worker is built (before the Nest
 * application is created): @nestjs/bullmq has no backend option, so we switch bullmq's default factory.
 */
export function configureQueueBackend(opts: { redisUrl?: string; databaseUrl: string; prefix: string }): QueueBackend {
  if (opts.redisUrl) {
    setDefaultBackendFactory(undefined);
    const u = new URL(opts.redisUrl);
    const connection: ConnectionOptions = {
      host: u.hostname,
      port: Number(u.port || 6379),
      username: u.username || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
      tls: u.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
    } as ConnectionOptions;
    return { kind: 'redis', connection, prefix: opts.prefix };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  // Every Queue and Worker of bullmq's PostgreSQL backend owns a pool of its own (plus a LISTEN connection for a
  // Worker): with 7 queues a worker process has 14 of them. At max 10 each a worker held ~50 connections, and two
  // workers with an API passed PostgreSQL's default max_connections (100: 'too many clients' in the two-worker
  // reliability runs). A Worker's queries are short (take, complete, extend locks); 3 per pool keep its 8 concurrent
  // jobs moving, and bring a worker process to ~25 connections at most, ~40 with every pool full.
  const connection = { connectionString: opts.databaseUrl, schema: 'bullmq', migrate: true, max: PG_QUEUE_POOL_MAX } as unknown as ConnectionOptions;
  return { kind: 'postgres', connection, prefix: opts.prefix };
}

import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';

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
  const connection = { connectionString: opts.databaseUrl, schema: 'bullmq', migrate: true, max: 10 } as unknown as ConnectionOptions;
  return { kind: 'postgres', connection, prefix: opts.prefix };
}

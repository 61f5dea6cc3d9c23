import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';
import { configureQueueBackend } from '@masar/queue';
import { WorkerModule } from './worker.module';

/**
 * The worker: BullMQ processors and the outbox relay, no HTTP. On SIGTERM it stops taking jobs and lets those in
 * flight finish (Nest's shutdown hooks close every bullmq Worker, which waits for active jobs); if they take longer
 * than the grace period the process exits anyway and the jobs' locks expire, so another worker takes them again.
 */
async function main(): Promise<void> {
  process.env.MASAR_PROCESS ??= 'masar-worker';
  const config = loadConfig();
  await resolveDatabaseUrl(config);
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, backend), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = new NestLogger('Worker');
  app.flushLogs();
  // process.exit() after the hooks rather than re-raising the signal, so the 'exit' event runs and the buffered log
  // destination writes the lines logged while closing (a re-raised SIGTERM would end the process before it).
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log({ signal, graceMs: config.worker.shutdownGraceMs }, 'worker stopping: finishing jobs in flight');
      setTimeout(() => {
        logger.warn('grace period over: exiting with jobs still in flight (their locks will expire and they will run again)');
        process.exit(1);
      }, config.worker.shutdownGraceMs).unref();
    });
  }
  logger.log({ queueBackend: backend.kind }, 'worker started');
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'ConfigError' ? err.message : err);
  process.exit(1);
});

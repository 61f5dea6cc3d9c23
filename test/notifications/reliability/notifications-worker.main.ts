/**
 * A worker process with the notifications processor and the outbox relay only, for the kill test
 * (kill-worker.ts). Contacts come from DerivedRecipients. Clocks are short so that recovery fits in a test run.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { ConfigModule, loadConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { NotificationsWorkerModule } from '@masar/notifications';
import { OutboxModule } from '@masar/outbox';
import { configureQueueBackend, QueueModule } from '@masar/queue';
import { DerivedRecipients } from './derived-recipients';

async function main(): Promise<void> {
  const config = loadConfig();
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot(backend),
      OutboxModule.withRelay(),
      NotificationsWorkerModule.forRoot({
        recipients: { useValue: new DerivedRecipients() },
        options: { busyRecheckMs: 1000, redriveAfterMs: 8000, redriveEveryMs: 2000, baseBackoffMs: 500, maxBackoffMs: 4000 },
      }),
    ],
  })
  class KillTestWorker {}
  const app = await NestFactory.createApplicationContext(KillTestWorker, { logger: ['error'] });
  app.enableShutdownHooks();
  process.send?.('ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

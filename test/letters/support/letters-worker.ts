import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@masar/audit';
import { CasesWorkerModule } from '@masar/cases';
import { ConfigModule, type MasarConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { LettersWorkerModule } from '@masar/letters';
import { OutboxModule } from '@masar/outbox';
import { configureQueueBackend, QueueModule } from '@masar/queue';

/**
 * A worker process for the letters context, built as apps/worker builds its own (platform, outbox relay, the
 * cases context's ports, the context's worker module), on the test API's configuration so that both share the database and the queues.
 */
export async function startLettersWorker(config: MasarConfig): Promise<INestApplicationContext> {
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), QueueModule.forRoot(backend), OutboxModule.withRelay(), AuditModule, CasesWorkerModule, LettersWorkerModule],
  })
  class LettersTestWorkerModule {}
  const worker = await NestFactory.createApplicationContext(LettersTestWorkerModule, { logger: ['error', 'warn'] });
  await worker.init();
  return worker;
}

import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@masar/audit';
import { ConfigModule, type MasarConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { DocumentsWorkerModule } from '@masar/documents';
import { OutboxModule } from '@masar/outbox';
import { configureQueueBackend, QueueModule } from '@masar/queue';
import { InMemoryCaseFiles, InMemoryCaseFilesModule } from './in-memory-case-files';

/**
 * A worker process for the documents context, built as apps/worker builds its own (platform, outbox relay, the
 * context's worker module), on the same configuration as the test API so both use the same database and queues.
 * `casesModule` provides the `CaseFiles` port: the real cases context's worker module, or the in-memory one.
 */
export async function startDocumentsWorker(config: MasarConfig, casesModule: Type<unknown> | DynamicModule): Promise<INestApplicationContext> {
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot(backend),
      OutboxModule.withRelay(),
      AuditModule,
      casesModule,
      DocumentsWorkerModule,
    ],
  })
  class DocumentsTestWorkerModule {}
  const worker = await NestFactory.createApplicationContext(DocumentsTestWorkerModule, { logger: ['error', 'warn'] });
  await worker.init();
  return worker;
}

/** A worker whose cases port is the in-memory map the test API uses (two processes in production, one map here). */
export async function startDocumentsWorkerOverMap(config: MasarConfig, files: InMemoryCaseFiles): Promise<INestApplicationContext> {
  const worker = await startDocumentsWorker(config, InMemoryCaseFilesModule);
  const mine = worker.get(InMemoryCaseFiles) as { files: InMemoryCaseFiles['files']; moves: string[] };
  mine.files = files.files;
  mine.moves = files.moves;
  return worker;
}

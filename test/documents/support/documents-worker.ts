import { Module, type INestApplicationContext } from '@nestjs/common';
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
 */
export async function startDocumentsWorker(config: MasarConfig, files: InMemoryCaseFiles): Promise<INestApplicationContext> {
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot(backend),
      OutboxModule.withRelay(),
      AuditModule,
      InMemoryCaseFilesModule,
      DocumentsWorkerModule,
    ],
  })
  class DocumentsTestWorkerModule {}
  const worker = await NestFactory.createApplicationContext(DocumentsTestWorkerModule, { logger: ['error', 'warn'] });
  // The API and the worker are two processes in production; here they share the map that stands for the cases context.
  const mine = worker.get(InMemoryCaseFiles) as { files: InMemoryCaseFiles['files']; moves: string[] };
  mine.files = files.files;
  mine.moves = files.moves;
  await worker.init();
  return worker;
}

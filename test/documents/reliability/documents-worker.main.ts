/**
 * A worker process with the documents processor and the outbox relay, for the kill test (kill-worker.ts). The
 * cases port is DerivedCaseFiles; the malware scanner is clamd when CLAMD_HOST is set.
 */
import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@masar/audit';
import { ConfigModule, loadConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { CaseFiles, DocumentsWorkerModule } from '@masar/documents';
import { OutboxModule } from '@masar/outbox';
import { configureQueueBackend, QueueModule } from '@masar/queue';
import { DerivedCaseFiles } from './derived-case-files';

@Global()
@Module({ providers: [{ provide: CaseFiles, useClass: DerivedCaseFiles }], exports: [CaseFiles] })
class DerivedCaseFilesModule {}

async function main(): Promise<void> {
  const config = loadConfig();
  const backend = configureQueueBackend({ redisUrl: config.queue.redisUrl, databaseUrl: config.database.url!, prefix: config.queue.prefix });
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot(backend),
      OutboxModule.withRelay(),
      AuditModule,
      DerivedCaseFilesModule,
      DocumentsWorkerModule,
    ],
  })
  class DocumentsKillTestWorker {}
  const app = await NestFactory.createApplicationContext(DocumentsKillTestWorker, { logger: ['error'] });
  app.enableShutdownHooks();
  process.send?.('ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

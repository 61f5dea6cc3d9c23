import { Module } from '@nestjs/common';
import { AuditCheckpointProcessor } from './audit-checkpoint.processor';
import { PublishAuditCheckpoint } from './publish-audit-checkpoint.use-case';

/** The audit trail's part of the worker: the periodic signed checkpoint. Needs QueueModule, DatabaseModule, ConfigModule. */
@Module({
  providers: [PublishAuditCheckpoint, AuditCheckpointProcessor],
  exports: [PublishAuditCheckpoint],
})
export class AuditWorkerModule {}

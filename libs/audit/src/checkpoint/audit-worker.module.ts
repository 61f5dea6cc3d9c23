import { Module } from '@nestjs/common';
import { AuditCheckpointProcessor, AuditCheckpointSchedule } from './audit-checkpoint.processor';
import { PublishAuditCheckpoint } from './publish-audit-checkpoint.use-case';

/** The audit trail's part of the worker: the periodic signed checkpoint. Needs QueueModule, DatabaseModule, ConfigModule. */
@Module({
  providers: [PublishAuditCheckpoint, AuditCheckpointProcessor, AuditCheckpointSchedule],
  exports: [PublishAuditCheckpoint],
})
export class AuditWorkerModule {}

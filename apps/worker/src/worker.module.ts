import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule, AuditWorkerModule } from '@masar/audit';
import { ConfigModule, type MasarConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { ApplicantRecipientDirectory, CasesWorkerModule } from '@masar/cases';
import { DocumentsWorkerModule } from '@masar/documents';
import { IntakeWorkerModule } from '@masar/intake';
import { LettersWorkerModule } from '@masar/letters';
import { LoggingModule } from '@masar/logging';
import { NotificationsWorkerModule } from '@masar/notifications';
import { OutboxModule } from '@masar/outbox';
import { QueueModule, type QueueBackend } from '@masar/queue';
import { SupervisionWorkerModule } from '@masar/supervision';
import { Schedules } from './schedules';

/** The worker process: the platform, the outbox relay, and each context's processors. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: MasarConfig, backend: QueueBackend): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ pretty: process.env.LOG_PRETTY === '1' }),
        DatabaseModule.forRoot(),
        QueueModule.forRoot(backend),
        OutboxModule.withRelay(),
        AuditModule,
        AuditWorkerModule,
        NotificationsWorkerModule.forRoot({ recipients: { useExisting: ApplicantRecipientDirectory }, imports: [CasesWorkerModule] }),
        DocumentsWorkerModule,
        LettersWorkerModule,
        SupervisionWorkerModule,
        IntakeWorkerModule,
      ],
      providers: [Schedules],
    };
  }
}

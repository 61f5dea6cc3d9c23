import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@masar/audit';
import { CasesModule } from '@masar/cases';
import { ConfigModule, type MasarConfig } from '@masar/config';
import { DatabaseModule } from '@masar/database';
import { DocumentsModule } from '@masar/documents';
import { IdentityModule } from '@masar/identity';
import { IntakeModule } from '@masar/intake';
import { LoggingModule } from '@masar/logging';
import { NotificationsModule } from '@masar/notifications';
import { OutboxModule } from '@masar/outbox';
import { QueueModule, type QueueBackend } from '@masar/queue';
import { RateLimitModule } from '@masar/rate-limit';
import { StatusModule } from '@masar/status';
import { LettersModule } from '@masar/letters';
import { SupervisionModule } from '@masar/supervision';
import { HealthController } from './health/health.controller';
import { WebAppModule } from './web/web-app.module';

/** The HTTP process: the platform, then one module per bounded context. */
@Module({})
export class ApiModule {
  static forRoot(config: MasarConfig, backend: QueueBackend, extraModules: Type<unknown>[] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({ pretty: process.env.LOG_PRETTY === '1' }),
        DatabaseModule.forRoot(),
        QueueModule.forRoot(backend),
        OutboxModule.forRoot(),
        RateLimitModule,
        TerminusModule,
        AuditModule,
        IdentityModule,
        NotificationsModule,
        StatusModule,
        LettersModule,
        SupervisionModule,
        ...extraModules,
        // After the extra modules: a test that brings its own CaseFiles (documents' in-memory one) keeps it.
        CasesModule,
        DocumentsModule,
        IntakeModule,
        WebAppModule,
      ],
      controllers: [HealthController],
    };
  }
}

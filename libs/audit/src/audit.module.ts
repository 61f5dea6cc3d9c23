import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditCheckpointRow } from './audit-checkpoint.entity';
import { AuditController } from './audit.controller';
import { AuditEventRow } from './audit-event.entity';
import { AuditTrail } from './audit-trail';
import { SearchAuditEvents } from './search/search-audit-events.use-case';
import { VerifyAuditTrail } from './verification/verify-audit-trail.use-case';

/** Global: every context writes to the trail. Needs DatabaseModule and ConfigModule in the application. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventRow, AuditCheckpointRow])],
  controllers: [AuditController],
  providers: [AuditTrail, SearchAuditEvents, VerifyAuditTrail],
  exports: [AuditTrail, VerifyAuditTrail],
})
export class AuditModule {}

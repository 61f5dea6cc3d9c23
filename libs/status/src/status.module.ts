import { Module } from '@nestjs/common';
import { LinkFileToAccount } from './accounts/link-file.use-case';
import { ListMyFiles } from './accounts/list-my-files.query';
import { MyFilesController } from './http/my-files.controller';
import { StatusController } from './http/status.controller';
import { CheckStatus } from './lookup/check-status.use-case';
import { StatusAttempts } from './lookup/status-attempts';
import { StatusFactsQuery } from './lookup/status-facts.query';
import { DEFAULT_STATUS_OPTIONS, STATUS_OPTIONS } from './status.options';

/** The API side of the status context. Needs the platform modules (database, rate limits, config) and AuditModule. */
@Module({
  controllers: [StatusController, MyFilesController],
  providers: [{ provide: STATUS_OPTIONS, useValue: DEFAULT_STATUS_OPTIONS }, StatusFactsQuery, StatusAttempts, CheckStatus, LinkFileToAccount, ListMyFiles],
  exports: [CheckStatus],
})
export class StatusModule {}

import { Module } from '@nestjs/common';
import { LinkFileToAccount } from './accounts/link-file.use-case';
import { ListMyFiles } from './accounts/list-my-files.query';
import { StageWording } from '@masar/cases';
import { MyFilesController } from './http/my-files.controller';
import { StatusRoute } from './http/status.route';
import { CheckStatus } from './lookup/check-status.use-case';
import { StatusStageWording } from './labels/status-stage-wording';
import { StatusAttempts } from './lookup/status-attempts';
import { StatusFactsQuery } from './lookup/status-facts.query';
import { DEFAULT_STATUS_OPTIONS, STATUS_OPTIONS } from './status.options';

/**
 * The API side of the status context. Needs the platform modules (database, rate limits, config) and AuditModule.
 * `POST /status` is a Fastify route registered by StatusRoute (see there why), the account's routes a controller.
 */
@Module({
  controllers: [MyFilesController],
  providers: [{ provide: STATUS_OPTIONS, useValue: DEFAULT_STATUS_OPTIONS }, StatusRoute, StatusFactsQuery, StatusAttempts, CheckStatus, LinkFileToAccount, ListMyFiles, { provide: StageWording, useClass: StatusStageWording }],
  exports: [CheckStatus],
})
export class StatusModule {}

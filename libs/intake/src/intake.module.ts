import { Module } from '@nestjs/common';
import { RegisterReviewedCampaignRow } from '@masar/cases';
import { IntakeBatches } from './batches/intake-batches.query';
import { TakeReceipts } from './batches/take-receipts.use-case';
import { FailBatch } from './failure/fail-batch.use-case';
import { ResumeBatch } from './failure/resume-batch.use-case';
import { SweepStalledBatches } from './failure/sweep-stalled-batches.use-case';
import { IntakeController } from './http/intake.controller';
import { ImportBatch } from './import/import-batch.use-case';
import { ImportJobs } from './import/import-jobs';
import { IntakeProcessor } from './import/intake.processor';
import { INTAKE_OPTIONS, intakeOptionsFrom } from './intake.options';
import { DecideReviewRow } from './review/decide-review-row.use-case';
import { StageBatch } from './upload/stage-batch.use-case';

const options = { provide: INTAKE_OPTIONS, useFactory: () => intakeOptionsFrom() };

/**
 * The intake context in the API: upload (staging), batch progress, errors, review list and receipts. It needs the
 * cases context's providers (CasesModule is global) and multipart parsing (registered on the API's Fastify by the
 * documents context). ImportBatch is here too so an operator's command or a test can run a batch in process.
 * RegisterReviewedCampaignRow is the cases context's use case for a decided review row; its collaborators come
 * from the (global) cases module.
 */
@Module({
  controllers: [IntakeController],
  providers: [options, StageBatch, IntakeBatches, TakeReceipts, ImportBatch, ResumeBatch, DecideReviewRow, RegisterReviewedCampaignRow, FailBatch, ImportJobs, SweepStalledBatches],
  exports: [ImportBatch, FailBatch, SweepStalledBatches],
})
export class IntakeModule {}

/** The intake context in the worker: the 'intake' queue processor (imports, and the sweep of stalled batches). */
@Module({
  providers: [options, ImportBatch, FailBatch, ImportJobs, SweepStalledBatches, IntakeProcessor],
  exports: [ImportBatch],
})
export class IntakeWorkerModule {}

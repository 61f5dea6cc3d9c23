import { Module } from '@nestjs/common';
import { IntakeBatches } from './batches/intake-batches.query';
import { TakeReceipts } from './batches/take-receipts.use-case';
import { IntakeController } from './http/intake.controller';
import { ImportBatch } from './import/import-batch.use-case';
import { IntakeProcessor } from './import/intake.processor';
import { INTAKE_OPTIONS, intakeOptionsFrom } from './intake.options';
import { StageBatch } from './upload/stage-batch.use-case';

const options = { provide: INTAKE_OPTIONS, useFactory: () => intakeOptionsFrom() };

/**
 * The intake context in the API: upload (staging), batch progress, errors, review list and receipts. It needs the
 * cases context's providers (CasesModule is global) and multipart parsing (registered on the API's Fastify by the
 * documents context). ImportBatch is here too so an operator's command or a test can run a batch in process.
 */
@Module({
  controllers: [IntakeController],
  providers: [options, StageBatch, IntakeBatches, TakeReceipts, ImportBatch],
  exports: [ImportBatch],
})
export class IntakeModule {}

/** The intake context in the worker: the 'intake' queue processor. */
@Module({
  providers: [options, ImportBatch, IntakeProcessor],
  exports: [ImportBatch],
})
export class IntakeWorkerModule {}

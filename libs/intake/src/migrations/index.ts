import { CreateIntake1796000800000 } from './1796000800000-create-intake';
import { StagedRowsWithoutBatchKey1796000800001 } from './1796000800001-staged-rows-without-batch-key';
import { FailedBatchesAndReviewDecisions1796000820000 } from './1796000820000-failed-batches-and-review-decisions';
import { BatchProgressHeartbeat1796001010000 } from './1796001010000-batch-progress-heartbeat';
import { RefusedRows1796001010001 } from './1796001010001-refused-rows';

export const IntakeMigrations = [
  CreateIntake1796000800000,
  StagedRowsWithoutBatchKey1796000800001,
  FailedBatchesAndReviewDecisions1796000820000,
  BatchProgressHeartbeat1796001010000,
  RefusedRows1796001010001,
];

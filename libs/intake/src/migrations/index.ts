import { CreateIntake1796000800000 } from './1796000800000-create-intake';
import { StagedRowsWithoutBatchKey1796000800001 } from './1796000800001-staged-rows-without-batch-key';

export const IntakeMigrations = [CreateIntake1796000800000, StagedRowsWithoutBatchKey1796000800001];

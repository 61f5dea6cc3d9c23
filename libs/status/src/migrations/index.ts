import { CreateStatusBlocks1796000410000 } from './1796000410000-create-status-blocks';

export const StatusMigrations: Function[] = [CreateStatusBlocks1796000410000];

import { CreateOutbox1796000000000 } from './1796000000000-create-outbox';

export const OutboxMigrations = [CreateOutbox1796000000000];

import { CreateAuditTrail1796000050000 } from './1796000050000-create-audit-trail';
import { AppendAuditEventsInBatches1796000050001 } from './1796000050001-append-audit-events-in-batches';
import { IndexAuditEventsBySubject1796000050002 } from './1796000050002-index-audit-events-by-subject';
import { CheckpointKeyIds1796000050003 } from './1796000050003-checkpoint-key-ids';
import { AppendAuditEventsSetBased1796000810000 } from './1796000810000-append-audit-events-set-based';

export const AuditMigrations: Function[] = [CreateAuditTrail1796000050000, AppendAuditEventsInBatches1796000050001, IndexAuditEventsBySubject1796000050002, CheckpointKeyIds1796000050003, AppendAuditEventsSetBased1796000810000];

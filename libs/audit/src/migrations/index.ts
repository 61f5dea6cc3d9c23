import { CreateAuditTrail1796000050000 } from './1796000050000-create-audit-trail';

export const AuditMigrations: Function[] = [CreateAuditTrail1796000050000];

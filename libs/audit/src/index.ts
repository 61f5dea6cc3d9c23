/**
 * Audit: the tamper-evident, append-only trail of who did what, to which file, when and from where. Every context
 * writes to it through `AuditTrail` (inside its own transaction with `record`, or alone with `recordNow`); events
 * hold ids and field names, never personal values, so erasing personal data never breaks the chain. Rows form one
 * hash chain written in strict seq order by a database function under an advisory lock; the worker publishes the
 * signed head periodically; `verifyAuditChain` finds the first broken link. Supervisors search and verify it over
 * HTTP (`/audit/events`, `/audit/verify`).
 */
export type { AuditEventInput } from './audit-event';
export { AuditTrail } from './audit-trail';
export { AuditModule } from './audit.module';
export { AuditWorkerModule } from './checkpoint/audit-worker.module';
export { PublishAuditCheckpoint, type PublishedCheckpoint } from './checkpoint/publish-audit-checkpoint.use-case';
export { AuditCheckpointProcessor, AUDIT_CHECKPOINT_JOB } from './checkpoint/audit-checkpoint.processor';
export { verifyAuditChain, type AuditQueryable, type VerifyOptions } from './verification/verify-audit-chain';
export type { AuditVerification, AuditChainBreak, AuditChainBreakKind } from './verification/audit-verification';
export { VerifyAuditTrail } from './verification/verify-audit-trail.use-case';
export { AuditScope, type ReferencedFile } from './search/audit-scope.port';
export { AuditErrorCode } from './audit-errors';
export { AuditMigrations } from './migrations';

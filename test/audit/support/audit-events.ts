import { randomUUID } from 'node:crypto';
import type { AuditEventInput } from '@masar/audit';

/** A plausible staff event; a test states only what matters to it. */
export function anAuditEvent(overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action: 'case.transition',
    actorId: randomUUID(),
    actorRole: 'caseworker',
    subjectType: 'application',
    subjectId: randomUUID(),
    applicationId: randomUUID(),
    fields: ['state'],
    details: { from: 'submitted', to: 'completeness_check' },
    requestId: `req-${randomUUID()}`,
    ip: '10.1.2.3',
    ...overrides,
  };
}

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The previous hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditDetailValue = string | number | boolean | null;

/** What an audit row says, exactly as it is hashed. Timestamps are ISO 8601 in UTC. */
export interface AuditEventBody {
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string | null;
  applicationId: string | null;
  fields: string[];
  details: Record<string, AuditDetailValue>;
  requestId: string | null;
  ip: string | null;
}

export function canonicalBody(body: AuditEventBody): string {
  return canonicalJson({
    action: body.action,
    actorId: body.actorId,
    actorRole: body.actorRole,
    applicationId: body.applicationId,
    details: body.details,
    fields: body.fields,
    id: body.id,
    ip: body.ip,
    occurredAt: body.occurredAt,
    requestId: body.requestId,
    subjectId: body.subjectId,
    subjectType: body.subjectType,
  });
}

/**
 * hash = sha256(seq "|" prev_hash "|" canonical body), hex. The database computes the same in `audit_append`
 * when it writes a row; verification recomputes it from the stored columns.
 */
export function chainHash(seq: string | number | bigint, prevHash: string, body: string): string {
  return createHash('sha256').update(`${seq}|${prevHash}|${body}`, 'utf8').digest('hex');
}

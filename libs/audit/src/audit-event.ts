import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { currentRequestContext } from '@masar/logging';
import { AuditErrors } from './audit-errors';
import type { AuditDetailValue, AuditEventBody } from './chain/audit-hash';

/** An event as the other contexts describe it. Ids and field names only: never a personal value. */
export interface AuditEventInput {
  /** 'case.transition', 'case.read', 'auth.login', 'auth.login_failed', 'admin.user_created', 'document.download', ... */
  action: string;
  /** The user who acted, or null for anonymous and system events. */
  actorId: string | null;
  actorRole?: string;
  /** 'application' | 'user' | 'document' | 'report' | ... */
  subjectType: string;
  subjectId?: string | null;
  applicationId?: string | null;
  /** Names of the fields changed, never their values. */
  fields?: string[];
  /** Ids and codes only, never personal data. */
  details?: Record<string, AuditDetailValue>;
  /** Default from the request context of @masar/logging. */
  requestId?: string;
  ip?: string;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_-]*)+$/;
const NAME = /^[a-z][A-Za-z0-9_-]{0,63}$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_.[\]]{0,99}$/;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
/** At least what @masar/logging accepts from X-Request-Id ([A-Za-z0-9._-]{8,64}), or an audited request would fail. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * A detail value is an id, a code, a number or an ISO date: no spaces and no free text, so that a name or a
 * reason typed by a person cannot slip into the trail (erasing personal data later must not break the chain).
 */
const DETAIL_TEXT = /^[A-Za-z0-9_.:+\-/]{0,128}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_DETAILS = 32;
const MAX_FIELDS = 100;

/** Checks an event and fills in what the trail knows: id, time, request id and address. */
export function normaliseEvent(e: AuditEventInput, now = new Date()): AuditEventBody {
  const problems: string[] = [];
  const ctx = currentRequestContext();
  const optionalId = (name: string, v: string | null | undefined, pattern = IDENTIFIER): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || !pattern.test(v)) problems.push(`${name} must be an identifier`);
    return v;
  };

  if (typeof e.action !== 'string' || !ACTION.test(e.action)) problems.push('action must look like "context.verb"');
  if (typeof e.subjectType !== 'string' || !NAME.test(e.subjectType)) problems.push('subjectType must be a lower-case name');
  if (e.actorRole !== undefined && (typeof e.actorRole !== 'string' || !NAME.test(e.actorRole))) problems.push('actorRole must be a lower-case name');

  const fields = [...new Set(e.fields ?? [])].sort();
  if (fields.length > MAX_FIELDS) problems.push(`at most ${MAX_FIELDS} fields`);
  for (const f of fields) if (typeof f !== 'string' || !FIELD.test(f)) problems.push('fields must be field names, not values');

  const details: Record<string, AuditDetailValue> = {};
  const entries = Object.entries(e.details ?? {});
  if (entries.length > MAX_DETAILS) problems.push(`at most ${MAX_DETAILS} details`);
  for (const [k, v] of entries) {
    if (!DETAIL_KEY.test(k)) problems.push(`detail key "${k.slice(0, 40)}" is not a name`);
    else if (v === null || typeof v === 'boolean') details[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) details[k] = v;
    else if (typeof v === 'string' && DETAIL_TEXT.test(v)) details[k] = v;
    else problems.push(`detail "${k}" must be an id, a code, a finite number, a boolean or null`);
  }

  // What the caller passes must be right; what the request context holds is taken only when well-formed, so
  // that an odd proxy header cannot make every audited request fail.
  const ip = e.ip !== undefined ? e.ip : ctx?.ip && isIP(ctx.ip) ? ctx.ip : null;
  if (ip !== null && !isIP(ip)) problems.push('ip must be an IP address');
  const requestId = e.requestId !== undefined ? e.requestId : ctx?.requestId && REQUEST_ID.test(ctx.requestId) ? ctx.requestId : null;

  const body: AuditEventBody = {
    id: randomUUID(),
    occurredAt: now.toISOString(),
    action: e.action,
    actorId: optionalId('actorId', e.actorId),
    actorRole: e.actorRole ?? null,
    subjectType: e.subjectType,
    subjectId: optionalId('subjectId', e.subjectId),
    applicationId: optionalId('applicationId', e.applicationId),
    fields,
    details,
    requestId: optionalId('requestId', requestId, REQUEST_ID),
    ip,
  };
  if (problems.length) throw AuditErrors.eventInvalid(problems);
  return body;
}

import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@masar/access';
import { AuditErrors } from '../audit-errors';
import type { AuditDetailValue } from '../chain/audit-hash';
import { AuditScope, type ReferencedFile } from './audit-scope.port';

export interface AuditSearchQuery {
  applicationId?: string;
  /** A file's public reference as typed (`ma 7k3q 9xwd` too): resolved by the scope port; malformed → 400. */
  reference?: string;
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
  limit?: number;
}

export interface AuditEventView {
  seq: string;
  id: string;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  subjectType: string;
  subjectId: string | null;
  applicationId: string | null;
  /** The public reference of that file (printed on the receipt); null for events of no file. */
  applicationReference: string | null;
  fields: string[];
  details: Record<string, AuditDetailValue>;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditEventPage {
  events: AuditEventView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditSearchResult {
  page: AuditEventPage;
  /** The file the search was narrowed to (by id, or the file a well-formed reference names), for the search's own event. */
  fileId: string | null;
  /** The canonical form of the reference searched, when one was. */
  reference: string | null;
}

export const AUDIT_SEARCH_MAX_LIMIT = 200;
const CURSOR = /^[1-9][0-9]{0,18}$/;

/**
 * The trail newest first, filtered by file, user (who acted), subject (what was acted on), action and period. Keyset pagination on seq: a page costs the
 * same at the millionth row as at the first, and events appended meanwhile never shift a page. A reader sees only the
 * events of their scope (`AuditScope`: a supervisor, the files of their office and what its staff did).
 */
@Injectable()
export class SearchAuditEvents {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly scope?: AuditScope,
  ) {}

  async execute(actor: Actor, q: AuditSearchQuery): Promise<AuditSearchResult> {
    // Resolved before anything else: a malformed reference is the caller's mistake (400), whatever the scope.
    const referenced = q.reference === undefined ? undefined : await this.fileByReference(q.reference);
    const limit = Math.min(Math.max(q.limit ?? 50, 1), AUDIT_SEARCH_MAX_LIMIT);
    const params: unknown[] = [];
    const where: string[] = [this.scope ? await this.scope.condition(actor, params) : actor.role === 'admin' ? 'true' : 'false'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.applicationId) add('application_id = ?', q.applicationId);
    // A reference no file bears matches nothing; one of another office's file is filtered out by the scope.
    if (referenced?.fileId) add('application_id = ?', referenced.fileId);
    else if (referenced) where.push('false');
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.action) add('action = ?', q.action);
    if (q.subjectType) add('subject_type = ?', q.subjectType);
    if (q.subjectId) add('subject_id = ?', q.subjectId);
    if (q.from) add('occurred_at >= ?', q.from.toISOString());
    if (q.to) add('occurred_at < ?', q.to.toISOString());
    if (q.cursor !== undefined) {
      const seq = decodeCursor(q.cursor);
      add('e.seq < ?', seq);
    }
    params.push(limit + 1);
    const found = await this.dataSource.query<Row[]>(
      `select seq::text as seq, id, occurred_at, action, actor_id, actor_role, subject_type, subject_id, application_id,
              fields, details, request_id, ip, hash
         from audit_events e where ${where.join(' and ')}
        order by e.seq desc limit $${params.length}`,
      params,
    );
    const rows = found.slice(0, limit);
    const references = await this.referencesOf(rows);
    const page = rows.map((r) => toView(r, references));
    const last = page[page.length - 1];
    return {
      page: { events: page, nextCursor: found.length > limit && last ? encodeCursor(last.seq) : null },
      fileId: q.applicationId ?? referenced?.fileId ?? null,
      reference: referenced?.reference ?? null,
    };
  }

  private async fileByReference(input: string): Promise<ReferencedFile | { reference: null; fileId: null }> {
    // Without the cases context bound, no reference can be read nor resolved: it finds nothing (fail closed).
    if (!this.scope) return { reference: null, fileId: null };
    const file = await this.scope.fileByReference(input);
    if (!file) throw AuditErrors.referenceInvalid();
    return file;
  }

  private async referencesOf(rows: Row[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.application_id).filter((id): id is string => id !== null))];
    return ids.length > 0 && this.scope ? this.scope.referencesOf(ids) : new Map();
  }
}

/** Opaque to clients; a seq inside, so that a page is a keyset range. */
function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith('s:') ? text.slice(2) : '';
  if (!CURSOR.test(seq)) throw AuditErrors.cursorInvalid();
  return seq;
}

interface Row {
  seq: string;
  id: string;
  occurred_at: Date;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  subject_type: string;
  subject_id: string | null;
  application_id: string | null;
  fields: string[];
  details: Record<string, AuditDetailValue>;
  request_id: string | null;
  ip: string | null;
  hash: string;
}

function toView(r: Row, references: Map<string, string>): AuditEventView {
  return {
    seq: r.seq,
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    action: r.action,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    applicationId: r.application_id,
    applicationReference: r.application_id ? (references.get(r.application_id) ?? null) : null,
    fields: r.fields,
    details: r.details,
    requestId: r.request_id,
    ip: r.ip,
    hash: r.hash,
  };
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditErrors } from './audit-errors';
import { normaliseEvent, type AuditEventInput } from './audit-event';
import { AppendBatcher } from './chain/append-batcher';
import { canonicalBody, type AuditEventBody } from './chain/audit-hash';

/**
 * The one way into the audit trail. Every event becomes the next link of a single hash chain, written by the
 * database function `audit_append` under the chain's advisory lock.
 *
 * The lock is held until the caller's transaction ends, and every audited request of the system queues on it:
 * call `record()` as the last statement before commit, never before slow work, and never while waiting on other
 * rows' locks held by a transaction that may itself want to audit (PostgreSQL would detect the deadlock and abort
 * one of the two, but the request fails).
 */
@Injectable()
export class AuditTrail {
  private readonly standalone: AppendBatcher;

  constructor(dataSource: DataSource) {
    this.standalone = new AppendBatcher(dataSource);
  }

  /** Appends the event inside the caller's transaction: it commits or rolls back with the change it describes. */
  async record(manager: EntityManager, e: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw AuditErrors.noTransaction();
    await appendBody(manager, normaliseEvent(e));
  }

  /**
   * Appends many events inside the caller's transaction, in order, with one call of `audit_append_many` per slice
   * (one take of the chain's lock): what a set-based use case (a bulk import) records, one event per thing changed.
   */
  async recordMany(manager: EntityManager, events: AuditEventInput[], sliceSize = 5000): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw AuditErrors.noTransaction();
    const bodies = events.map((e) => normaliseEvent(e));
    for (let i = 0; i < bodies.length; i += sliceSize) {
      const slice = bodies.slice(i, i + sliceSize);
      await manager.query('select count(*) from audit_append_many($1::jsonb, $2::text[])', [JSON.stringify(slice), slice.map(canonicalBody)]);
    }
  }

  /**
   * Appends an event that has nothing else to commit with (reads, logins, downloads), and resolves once it is
   * committed. Events recorded at the same moment in this process are appended together, in one transaction and
   * one flush (see AppendBatcher); the request context is read here, before the event waits.
   */
  recordNow(e: AuditEventInput): Promise<void> {
    let body: AuditEventBody;
    try {
      body = normaliseEvent(e);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.standalone.append(body);
  }
}

async function appendBody(manager: EntityManager, body: AuditEventBody): Promise<void> {
  await manager.query('select seq from audit_append($1::jsonb, $2)', [JSON.stringify(body), canonicalBody(body)]);
}

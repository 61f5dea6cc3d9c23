import type { DataSource } from 'typeorm';
import { canonicalBody, type AuditEventBody } from './audit-hash';

interface Pending {
  body: AuditEventBody;
  resolve(): void;
  reject(err: unknown): void;
}

/** Enough to amortise a flush, small enough to keep the statement and the lock hold short. */
export const MAX_APPEND_BATCH = 200;

/**
 * Group commit for events that stand alone (reads, logins, downloads). The chain's lock makes commits strictly
 * one after another, so each commit's WAL flush is the ceiling of the whole trail. Events that arrive while an
 * append is in flight wait for it and go together in the next one: one lock, one transaction, one flush for all.
 * One append at a time per process; with nobody else waiting, an event goes alone and at once.
 *
 * The price: events of different requests share a transaction, so a database failure fails them together (each
 * would have failed alone too: validation happens before an event joins a batch).
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly dataSource: DataSource) {}

  append(body: AuditEventBody): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_APPEND_BATCH);
        try {
          await this.dataSource.query('select seq from audit_append_many($1::jsonb, $2::text[])', [
            JSON.stringify(batch.map((p) => p.body)),
            batch.map((p) => canonicalBody(p.body)),
          ]);
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
